import { KafkaPlatformValidationError } from '../../errors';
import { ContainerResources } from '../types';

/**
 * Kubernetes resource quantities and container `resources`, for every
 * workload of the library (brokers, controllers, ZooKeeper, ecosystem and
 * monitoring components).
 */

// Digit counts are bounded: a 30-digit quantity is a typo, and past 2^53 the heap arithmetic is wrong.
const MEMORY_QUANTITY = /^(\d{1,15}(?:\.\d{1,6})?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/;
const CPU_QUANTITY = /^(\d{1,6}(\.\d{1,3})?|\d{1,9}m)$/;
const STORAGE_QUANTITY = /^[1-9]\d{0,11}(Ki|Mi|Gi|Ti|Pi)$/;
const BINARY_SUFFIXES: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
const DECIMAL_SUFFIXES: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** Bytes of a Kubernetes memory quantity (`4Gi`, `512Mi`, `2G`, `1073741824`), or undefined when it is not one. */
export function parseMemoryQuantity(quantity: string): number | undefined {
  if (typeof quantity !== 'string') return undefined;
  const m = MEMORY_QUANTITY.exec(quantity.trim());
  if (!m) return undefined;
  const factor = m[2] ? (BINARY_SUFFIXES[m[2]] ?? DECIMAL_SUFFIXES[m[2]]) : 1;
  return Math.floor(parseFloat(m[1]) * factor);
}

/** `4Gi`, `512Mi`, `2G`, `1073741824`: a memory quantity this library can size a JVM heap from. */
export function isMemoryQuantity(q: string): boolean {
  return typeof q === 'string' && MEMORY_QUANTITY.test(q);
}

/** `500m`, `2`, `1.5`. */
export function isCpuQuantity(q: string): boolean {
  return typeof q === 'string' && CPU_QUANTITY.test(q);
}

/** Millicores of a CPU quantity, or undefined when it is not one. */
export function cpuMillicores(q: string): number | undefined {
  if (!isCpuQuantity(q)) return undefined;
  return q.endsWith('m') ? parseInt(q, 10) : Math.round(parseFloat(q) * 1000);
}

/** A volume size in binary units (`100Gi`), as StorageClasses provision it. */
export function isStorageQuantity(q: string): boolean {
  return typeof q === 'string' && STORAGE_QUANTITY.test(q);
}

const STORAGE_SUFFIX_POWERS: Record<string, bigint> = { Ki: 10n, Mi: 20n, Gi: 30n, Ti: 40n, Pi: 50n };

/** Bytes of a storage quantity (`100Gi`), exactly, or undefined when it is not one. */
export function storageBytes(q: string): bigint | undefined {
  if (!isStorageQuantity(q)) return undefined;
  const m = /^(\d+)(Ki|Mi|Gi|Ti|Pi)$/.exec(q)!;
  return BigInt(m[1]) << STORAGE_SUFFIX_POWERS[m[2]];
}

/** Resolved container resources. */
export interface ResolvedResources {
  readonly cpuRequest: string;
  readonly cpuLimit: string;
  readonly memory: string;
  readonly memoryBytes: number;
}

/** Kubernetes `resources`: requests and limits, memory request = limit so the heap sized from it is guaranteed. */
export function resourceRequirements(r: ResolvedResources): Record<string, any> {
  return {
    requests: { cpu: r.cpuRequest, memory: r.memory },
    limits: { cpu: r.cpuLimit, memory: r.memory },
  };
}

/** JVM heap in MiB: `fraction` of the memory limit (the rest is page cache, metaspace, direct buffers). */
export function heapMebibytes(memoryBytes: number, fraction: number): number {
  return Math.max(128, Math.floor((memoryBytes * fraction) / 2 ** 20));
}

export function resolveResources(given: ContainerResources | undefined, defaults: Required<ContainerResources>): ResolvedResources {
  const memory = given?.memory ?? defaults.memory;
  return {
    cpuRequest: given?.cpuRequest ?? defaults.cpuRequest,
    cpuLimit: given?.cpuLimit ?? defaults.cpuLimit,
    memory,
    memoryBytes: parseMemoryQuantity(memory) ?? NaN,
  };
}

/** `resources` of a container from the user's values over the component's defaults. */
export function containerResources(given: ContainerResources | undefined, defaults: Required<ContainerResources>): Record<string, any> {
  return resourceRequirements(resolveResources(given, defaults));
}

/** One wrong value in a `ContainerResources`, with the prop path that holds it and its fix. */
export interface QuantityProblem {
  readonly prop: string;
  readonly problem: string;
  readonly fix: string;
}

/**
 * What is wrong with the quantities of `resources` (under the prop path
 * `prop`), for every workload the same way. With the component's `defaults`,
 * the effective CPU request is also checked against the effective limit: the
 * API server refuses a request above the limit, also when only one of them
 * was given.
 */
export function resourceQuantityProblems(prop: string, resources: ContainerResources | undefined, defaults?: Required<ContainerResources>): QuantityProblem[] {
  if (!resources) return [];
  if (typeof resources !== 'object') return [{ prop, problem: `is ${resources === null ? 'null' : typeof resources}, not an object`, fix: 'give { cpuRequest, cpuLimit, memory }' }];
  const problems: QuantityProblem[] = [];
  if (resources.memory !== undefined && !isMemoryQuantity(resources.memory)) {
    problems.push({ prop: `${prop}.memory`, problem: `${JSON.stringify(resources.memory)} is not a memory quantity`, fix: 'use e.g. "4Gi"' });
  }
  for (const key of ['cpuRequest', 'cpuLimit'] as const) {
    const value = resources[key];
    if (value !== undefined && !isCpuQuantity(value)) problems.push({ prop: `${prop}.${key}`, problem: `${JSON.stringify(value)} is not a CPU quantity`, fix: 'use e.g. "500m" or "2"' });
  }
  if (problems.length === 0 && defaults) {
    const request = resources.cpuRequest ?? defaults.cpuRequest;
    const limit = resources.cpuLimit ?? defaults.cpuLimit;
    if ((cpuMillicores(request) ?? 0) > (cpuMillicores(limit) ?? Infinity)) {
      problems.push({
        prop: resources.cpuRequest !== undefined ? `${prop}.cpuRequest` : `${prop}.cpuLimit`,
        problem: `CPU request ${request} is above the CPU limit ${limit}${resources.cpuLimit === undefined ? ' (the default)' : ''}; the API server refuses such a pod`,
        fix: 'set cpuLimit to at least cpuRequest',
      });
    }
  }
  return problems;
}

/** Throws KafkaPlatformValidationError for the first wrong quantity of `resources`. */
export function assertResourceQuantities(constructPath: string, prop: string, resources: ContainerResources | undefined, defaults?: Required<ContainerResources>): void {
  const [first] = resourceQuantityProblems(prop, resources, defaults);
  if (first) throw new KafkaPlatformValidationError(constructPath, first.prop, first.problem, first.fix);
}
