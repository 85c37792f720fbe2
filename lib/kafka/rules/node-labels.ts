import { labelKeyProblem, labelMapProblems, labelValueProblem } from '../k8s/name-syntax';
import { Finding, inputFinding, KafkaInputRule } from './rule';

/**
 * Node labels become nodeAffinity match expressions, toleration keys go into
 * the pod spec and the scraper selector into NetworkPolicies: an invalid key
 * or value is refused by the API server.
 */
export const nodeLabelsRule: KafkaInputRule = ({ props, spec }) => {
  const fix = 'use a Kubernetes label key (e.g. "kafka-platform.io/node") and value (at most 63 characters)';
  const findings: Finding[] = labelMapProblems('nodePlacement.nodeLabels', spec.nodePlacement.nodeLabels)
    .map(p => inputFinding('node-labels', p.prop, `is not a valid label: ${p.problem}`, fix));
  (spec.nodePlacement.tolerations ?? []).forEach((t, i) => {
    const problem = labelKeyProblem(t.key) ?? (t.value === undefined ? undefined : labelValueProblem(t.value));
    if (problem) findings.push(inputFinding('node-labels', `nodePlacement.tolerations[${i}]`, problem, fix));
  });
  findings.push(...labelMapProblems('networkPolicy.monitoringPodSelector', props.networkPolicy?.monitoringPodSelector)
    .map(p => inputFinding('node-labels', p.prop, p.problem, fix)));
  return findings;
};
