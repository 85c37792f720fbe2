import { resourceQuantityProblems } from '../k8s/quantities';
import { ContainerResources } from '../types';
import { Finding, inputFinding, KafkaInputRule } from './rule';

/** CPU and memory in Kubernetes quantity form; the JVM heap is computed from the memory, so it must parse. */
export const resourceQuantitiesRule: KafkaInputRule = ({ props }) => {
  const sets: Array<[string, ContainerResources | undefined]> = [
    ['brokers.resources', props.brokers?.resources], ['controllers.resources', props.controllers?.resources], ['zookeeper.resources', props.zookeeper?.resources],
  ];
  return sets.flatMap(([prop, r]): Finding[] => resourceQuantityProblems(prop, r).map(p => inputFinding('resource-quantities', p.prop, p.problem, p.fix)));
};

