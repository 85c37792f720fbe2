import { dnsSubdomainProblem } from '../k8s/name-syntax';
import { inputFinding, KafkaInputRule } from './rule';

/** Every internal host name (bootstrap, quorum voters, advertised listeners) ends in the cluster domain; a malformed one breaks them all. */
export const clusterDomainRule: KafkaInputRule = ({ spec }) => {
  const problem = dnsSubdomainProblem(spec.clusterDomain);
  if (!problem) return [];
  return [inputFinding('cluster-domain', 'clusterDomain', problem, 'use the cluster DNS domain of the kubelets, usually "cluster.local"')];
};
