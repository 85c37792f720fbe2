import { KafkaPlatformValidationError } from '../../errors';
import { ContainerResources } from '../types';

/**
 * Kubernetes resource quantities and container `resources`, for every
 * workload of the library (brokers, controllers, ZooKeeper, ecosystem and
 * monitoring components).
 */

const MEMORY_QUANTITY = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/;
const CPU_QUANTITY = /^(\d+(\.\d+)?|\d+m)$/;
const STORAGE_QUANTITY = /^\d+(Ki|Mi|Gi|Ti|Pi)$/;
const BINARY_SUFFIXES: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
const DECIMAL_SUFFIXES: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** Bytes of a Kubernetes memory quantity (`4Gi`, `512Mi`, `2G`, `1073741824`), or undefined when it is not one. */
export function parseMemoryQuantity(quantity: string): number | undefined {
  const m = MEMORY_QUANTITY.exec(quantity.trim());
  if (!m) return undefined;
  const factor = m[2] ? (BINARY_SUFFIXES[m[2]] ?? DECIMAL_SUFFIXES[m[2]]) : 1;
  return Math.floor(parseFloat(m[1]) * factor);
}

/** `4Gi`, `512Mi`, `2G`, `1073741824`: a memory quantity this library can size a JVM heap from. */
export function isMemoryQuantity(q: string): boolean {
  return MEMORY_QUANTITY.test(q);
}

/** `500m`, `2`, `1.5`. */
export function isCpuQuantity(q: string): boolean {
  return CPU_QUANTITY.test(q);
}

/** A volume size in binary units (`100Gi`), as StorageClasses provision it. */
export function isStorageQuantity(q: string): boolean {
  return STORAGE_QUANTITY.test(q);
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

/** What is wrong with the quantities of `resources` (under the prop path `prop`), for every workload the same way. */
export function resourceQuantityProblems(prop: string, resources: ContainerResources | undefined): QuantityProblem[] {
  if (!resources) return [];
  const problems: QuantityProblem[] = [];
  if (resources.memory !== undefined && !isMemoryQuantity(resources.memory)) {
    problems.push({ prop: `${prop}.memory`, problem: `${JSON.stringify(resources.memory)} is not a memory quantity`, fix: 'use e.g. "4Gi"' });
  }
  for (const key of ['cpuRequest', 'cpuLimit'] as const) {
    const value = resources[key];
    if (value !== undefined && !isCpuQuantity(value)) problems.push({ prop: `${prop}.${key}`, problem: `${JSON.stringify(value)} is not a CPU quantity`, fix: 'use e.g. "500m" or "2"' });
  }
  return problems;
}

/** Throws KafkaPlatformValidationError for the first wrong quantity of `resources`. */
export function assertResourceQuantities(constructPath: string, prop: string, resources: ContainerResources | undefined): void {
  const [first] = resourceQuantityProblems(prop, resources);
  if (first) throw new KafkaPlatformValidationError(constructPath, first.prop, first.problem, first.fix);
}
