import { isDnsLabel } from '../k8s/name-syntax';
import { inputFinding, KafkaInputRule } from './rule';

/** The cluster name prefixes every object name and host name; at most 40 characters leaves room for suffixes within the 63 of a DNS label. */
export const clusterNameRule: KafkaInputRule = ({ spec }) => {
  if (isDnsLabel(spec.clusterName, 40)) return [];
  return [inputFinding('cluster-name', 'clusterName', `${JSON.stringify(spec.clusterName)} is not a DNS label of at most 40 characters`, 'use lower-case letters, digits and dashes, e.g. "kafka"')];
};
