import {
  containerResources, heapMebibytes, isCpuQuantity, isMemoryQuantity, isStorageQuantity, parseMemoryQuantity, resolveResources,
} from '../../../lib/kafka/k8s';

describe('Kubernetes quantities', () => {
  test.each([
    ['4Gi', 4 * 2 ** 30], ['512Mi', 512 * 2 ** 20], ['1.5Gi', 1.5 * 2 ** 30], ['2G', 2e9], ['100k', 1e5], ['1073741824', 2 ** 30], [' 1Ki ', 1024],
  ])('memory %s is %d bytes', (q, bytes) => expect(parseMemoryQuantity(q)).toBe(bytes));

  test.each(['4GB', 'Gi', '-1Gi', '4 Gi', ''])('%j is not a memory quantity', q => {
    expect(parseMemoryQuantity(q)).toBeUndefined();
    expect(isMemoryQuantity(q)).toBe(false);
  });

  test('CPU and storage quantities', () => {
    for (const q of ['500m', '2', '1.5']) expect({ q, cpu: isCpuQuantity(q) }).toEqual({ q, cpu: true });
    for (const q of ['0.5m', '2 cores', '1Gi', '']) expect({ q, cpu: isCpuQuantity(q) }).toEqual({ q, cpu: false });
    expect(isStorageQuantity('100Gi')).toBe(true);
    for (const q of ['100G', '1.5Ti', '100']) expect({ q, storage: isStorageQuantity(q) }).toEqual({ q, storage: false });
  });

  test('the heap is a fraction of the memory limit, at least 128 MiB', () => {
    expect(heapMebibytes(4 * 2 ** 30, 0.5)).toBe(2048);
    expect(heapMebibytes(3 * 2 ** 30, 0.33)).toBe(1013);
    expect(heapMebibytes(64 * 2 ** 20, 0.5)).toBe(128);
  });

  test('resources: the user over the defaults, memory request = limit', () => {
    const defaults = { cpuRequest: '250m', cpuLimit: '1', memory: '1Gi' };
    expect(resolveResources({ memory: '2Gi' }, defaults)).toEqual({ cpuRequest: '250m', cpuLimit: '1', memory: '2Gi', memoryBytes: 2 * 2 ** 30 });
    expect(containerResources({ cpuLimit: '2' }, defaults)).toEqual({ requests: { cpu: '250m', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } });
  });
});
