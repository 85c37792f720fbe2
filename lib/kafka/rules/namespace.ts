import { inputFinding, KafkaInputRule } from './rule';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The namespace is part of every host name and Secret reference: it must be a DNS label. */
export const namespaceRule: KafkaInputRule = ({ spec }) => {
  if (DNS_LABEL.test(spec.namespace) && spec.namespace.length <= 63) return [];
  return [inputFinding('namespace', 'namespace', `${JSON.stringify(spec.namespace)} is not a valid namespace name`, 'use lower-case letters, digits and dashes')];
};
