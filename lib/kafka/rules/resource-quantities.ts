import { isCpuQuantity, parseMemoryQuantity } from '../k8s/quantities';
import { ContainerResources } from '../types';
import { Finding, inputFinding, KafkaInputRule } from './rule';

/** CPU and memory in Kubernetes quantity form; the JVM heap is computed from the memory, so it must parse. */
export const resourceQuantitiesRule: KafkaInputRule = ({ props }) => {
  const findings: Finding[] = [];
  const sets: Array<[string, ContainerResources | undefined]> = [
    ['brokers.resources', props.brokers?.resources], ['controllers.resources', props.controllers?.resources], ['zookeeper.resources', props.zookeeper?.resources],
  ];
  for (const [prop, r] of sets) {
    if (!r) continue;
    if (r.memory !== undefined && (!/^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$/.test(r.memory) || parseMemoryQuantity(r.memory) === undefined)) {
      findings.push(inputFinding('resource-quantities', `${prop}.memory`, `${JSON.stringify(r.memory)} is not a memory quantity`, 'use e.g. "4Gi"'));
    }
    for (const key of ['cpuRequest', 'cpuLimit'] as const) {
      const v = r[key];
      if (v !== undefined && (!/^(\d+(\.\d+)?|\d+m)$/.test(v) || !isCpuQuantity(v))) findings.push(inputFinding('resource-quantities', `${prop}.${key}`, `${JSON.stringify(v)} is not a CPU quantity`, 'use e.g. "500m" or "2"'));
    }
  }
  return findings;
};
