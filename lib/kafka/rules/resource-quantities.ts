import { resourceQuantityProblems, ResolvedResources } from '../k8s/quantities';
import { ContainerResources } from '../types';
import { Finding, inputFinding, KafkaInputRule } from './rule';

/**
 * CPU and memory in Kubernetes quantity form (the JVM heap is computed from
 * the memory, so it must parse), and the effective CPU request not above the
 * effective limit (defaults included), which the API server would refuse.
 */
export const resourceQuantitiesRule: KafkaInputRule = ({ props, spec }) => {
  const sets: Array<[string, ContainerResources | undefined, ResolvedResources | undefined]> = [
    ['brokers.resources', props.brokers?.resources, spec.brokers.resources],
    ['controllers.resources', props.controllers?.resources, spec.controllers?.resources],
    ['zookeeper.resources', props.zookeeper?.resources, spec.zookeeper?.resources],
  ];
  return sets.flatMap(([prop, given, resolved]): Finding[] => resourceQuantityProblems(prop, given, resolved && { cpuRequest: resolved.cpuRequest, cpuLimit: resolved.cpuLimit, memory: resolved.memory })
    .map(p => inputFinding('resource-quantities', p.prop, p.problem, p.fix)));
};
