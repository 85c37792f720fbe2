import { CONTROLLER_CLUSTER_DEFAULT_KEYS } from '../model/broker-config';
import { KafkaMetadataMode } from '../types';
import { Finding, KafkaRule } from './rule';

/**
 * KRaft controllers get the cluster-wide defaults (replication factor, min ISR, ...) from the
 * broker configuration; a separate controller value would make the two roles disagree, e.g. a
 * controller creating RF-1 topics or writing a cluster-level min.insync.replicas of 1.
 */
export const controllerClusterDefaultsRule: KafkaRule = (ctx) => {
  if (ctx.metadataMode !== KafkaMetadataMode.KRAFT) return [];
  const findings: Finding[] = [];
  for (const key of Object.keys(ctx.controllerConfigOverrides).sort()) {
    if (CONTROLLER_CLUSTER_DEFAULT_KEYS.includes(key)) {
      findings.push({ ruleId: 'controller-cluster-defaults', prop: `controllers.config["${key}"]`, problem: 'is a cluster-wide default that controllers take from brokers.config, so brokers and controllers always agree', fix: `remove it here and set brokers.config["${key}"] instead`, relaxable: false });
    }
  }
  return findings;
};
