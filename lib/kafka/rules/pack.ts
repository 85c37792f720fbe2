import { autoCreateTopicsRule } from './auto-create-topics';
import { brokerSpreadRule } from './broker-spread';
import { controlledShutdownRule } from './controlled-shutdown';
import { controllerClusterDefaultsRule } from './controller-cluster-defaults';
import { controllerQuorumRule } from './controller-quorum';
import { externalListenerRule } from './external-listener';
import { internetListenerSourceRangesRule } from './internet-listener-source-ranges';
import { managedPropertiesRule } from './managed-properties';
import { minInsyncReplicasRule } from './min-insync-replicas';
import { networkPoliciesRule } from './network-policies';
import { rackAwarenessRule } from './rack-awareness';
import { replicationFactorRule } from './replication-factor';
import { Finding, KafkaRule, KafkaRuleContext } from './rule';
import { uncleanLeaderElectionRule } from './unclean-leader-election';
import { zoneCountRule } from './zone-count';
import { zoneLossRule } from './zone-loss';
import { zookeeperEnsembleRule } from './zookeeper-ensemble';

/** The HA and safety rules every KafkaCluster is checked against at construction. */
export const KAFKA_HA_RULE_PACK: ReadonlyArray<KafkaRule> = [
  zoneCountRule,
  brokerSpreadRule,
  controllerQuorumRule,
  zookeeperEnsembleRule,
  replicationFactorRule,
  minInsyncReplicasRule,
  zoneLossRule,
  uncleanLeaderElectionRule,
  autoCreateTopicsRule,
  rackAwarenessRule,
  controlledShutdownRule,
  managedPropertiesRule,
  controllerClusterDefaultsRule,
  networkPoliciesRule,
  externalListenerRule,
  internetListenerSourceRangesRule,
];

export function runRulePack(ctx: KafkaRuleContext, pack: ReadonlyArray<KafkaRule> = KAFKA_HA_RULE_PACK): Finding[] {
  return pack.flatMap(rule => rule(ctx));
}
