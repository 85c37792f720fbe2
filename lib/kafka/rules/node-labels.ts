import { Finding, inputFinding, KafkaInputRule } from './rule';

/** Node labels become nodeAffinity match expressions; an invalid key or value is refused by the API server. */
export const nodeLabelsRule: KafkaInputRule = ({ spec }) => {
  const findings: Finding[] = [];
  for (const [k, v] of Object.entries(spec.nodePlacement.nodeLabels ?? {})) {
    if (!/^([a-z0-9.-]+\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(k) || v.length > 63) findings.push(inputFinding('node-labels', `nodePlacement.nodeLabels["${k}"]`, 'is not a valid label', 'use a Kubernetes label key and value'));
  }
  return findings;
};
