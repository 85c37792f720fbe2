import { dnsLabelProblem, MAX_STATEFULSET_NAME_LENGTH } from '../k8s/name-syntax';
import { Finding, inputFinding, KafkaInputRule } from './rule';

/**
 * Names derived from `clusterName` must fit the API server: a StatefulSet
 * name over 52 characters makes its `controller-revision-hash` label exceed
 * 63, so its pods are never created; a Service name is a DNS label.
 */
export const objectNamesRule: KafkaInputRule = ({ spec }) => {
  const findings: Finding[] = [];
  const statefulSets = [...spec.brokers.zonePools, ...(spec.controllers?.zonePools ?? [])].map(p => p.statefulSetName);
  if (spec.zookeeper) statefulSets.push(spec.zookeeper.statefulSetName);
  const tooLong = statefulSets.filter(n => n.length > MAX_STATEFULSET_NAME_LENGTH);
  if (tooLong.length > 0) {
    findings.push(inputFinding('object-names', 'clusterName', `makes StatefulSet names longer than ${MAX_STATEFULSET_NAME_LENGTH} characters (${tooLong[0]}); their controller-revision-hash label would exceed 63 and no pod would be created`, `shorten clusterName by ${tooLong[0].length - MAX_STATEFULSET_NAME_LENGTH} or more characters`));
  }
  const services = (spec.externalListener?.endpoints ?? []).map(e => e.serviceName);
  const badService = services.find(n => dnsLabelProblem(n) !== undefined);
  if (badService) findings.push(inputFinding('object-names', 'clusterName', `makes the Service name ${badService} longer than a DNS label`, 'shorten clusterName'));
  return findings;
};
