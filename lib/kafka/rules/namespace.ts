import { isDnsLabel } from '../k8s/name-syntax';
import { inputFinding, KafkaInputRule } from './rule';

/** The namespace is part of every host name and Secret reference: it must be a DNS label. */
export const namespaceRule: KafkaInputRule = ({ spec }) => {
  if (isDnsLabel(spec.namespace)) return [];
  return [inputFinding('namespace', 'namespace', `${JSON.stringify(spec.namespace)} is not a valid namespace name`, 'use lower-case letters, digits and dashes')];
};
