import {
  containerResources, heapMebibytes, isCpuQuantity, isMemoryQuantity, isStorageQuantity, parseMemoryQuantity, resolveResources, resourceQuantityProblems,
} from '../../../lib/kafka/k8s';
import { KafkaMonitoring } from '../../../lib/kafka/monitoring';
import { synthEcosystem, synthWith } from '../ecosystem/support';

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

  test('wrong quantities are named by prop, all of them', () => {
    expect(resourceQuantityProblems('brokers.resources', { memory: '4GB', cpuRequest: '500m', cpuLimit: '2 cores' })).toEqual([
      { prop: 'brokers.resources.memory', problem: '"4GB" is not a memory quantity', fix: 'use e.g. "4Gi"' },
      { prop: 'brokers.resources.cpuLimit', problem: '"2 cores" is not a CPU quantity', fix: 'use e.g. "500m" or "2"' },
    ]);
    expect(resourceQuantityProblems('x', undefined)).toEqual([]);
    expect(resourceQuantityProblems('x', { memory: '4Gi', cpuRequest: '1', cpuLimit: '1500m' })).toEqual([]);
  });

  test('ecosystem and monitoring components check their resources like the brokers do', () => {
    expect(() => synthEcosystem({ schemaRegistry: { resources: { memory: '1GB' } } })).toThrow('[test/eco/schema-registry] resources.memory: "1GB" is not a memory quantity. Fix: use e.g. "4Gi"');
    expect(() => synthEcosystem({ monitoring: { prometheus: { resources: { cpuLimit: 'two' } } } })).toThrow(/\[test\/eco\/monitoring\/prometheus\] prometheus\.resources\.cpuLimit: "two" is not a CPU quantity/);
    expect(() => synthWith((cluster, chart) => new KafkaMonitoring(chart, 'mon', { cluster, prometheus: { storage: { size: '50GB' } } })))
      .toThrow(/prometheus\.storage\.size: "50GB" is not a storage quantity/);
  });
});
