import { autoCreateTopicsRule } from './auto-create-topics';
import { brokerSpreadRule } from './broker-spread';
import { clusterDomainRule } from './cluster-domain';
import { clusterNameRule } from './cluster-name';
import { configValuesRule } from './config-values';
import { controlledShutdownRule } from './controlled-shutdown';
import { controllerClusterDefaultsRule } from './controller-cluster-defaults';
import { controllerQuorumRule } from './controller-quorum';
import { adminPasswordRotationRule } from './admin-password-rotation';
import { credentialsRule } from './credentials';
import { externalListenerRule } from './external-listener';
import { heapFractionRule } from './heap-fraction';
import { imagePinningRule } from './image-pinning';
import { internetListenerSourceRangesRule } from './internet-listener-source-ranges';
import { certificateRenewalRule } from './certificate-renewal';
import { jmxAgentSourceRule } from './jmx-agent-source';
import { loadBalancerFlavourRule } from './load-balancer-flavour';
import { managedPropertiesRule } from './managed-properties';
import { metadataModeRule } from './metadata-mode';
import { metadataVersionRule } from './metadata-version';
import { minInsyncReplicasRule } from './min-insync-replicas';
import { namespaceRule } from './namespace';
import { networkPoliciesRule } from './network-policies';
import { nodeLabelsRule } from './node-labels';
import { nodeIdRangeRule } from './node-id-range';
import { nodeMemoryRule } from './node-memory';
import { objectNamesRule } from './object-names';
import { rackAwarenessRule } from './rack-awareness';
import { replicationFactorRule } from './replication-factor';
import { resourceQuantitiesRule } from './resource-quantities';
import { Finding, KafkaInputContext, KafkaInputRule, KafkaRule, KafkaRuleContext, KafkaTopicContext, KafkaTopicRule, KafkaUserContext, KafkaUserRule } from './rule';
import { sourceCidrsRule } from './source-cidrs';
import { storageRequestsRule } from './storage-requests';
import { topicConfigsRule } from './topic-configs';
import { topicMinInsyncReplicasRule } from './topic-min-insync-replicas';
import { topicReplicationRule } from './topic-replication';
import { topicShapeRule } from './topic-shape';
import { uncleanLeaderElectionRule } from './unclean-leader-election';
import { userAclsRule } from './user-acls';
import { userPasswordRotationRule } from './user-password-rotation';
import { userQuotasRule } from './user-quotas';
import { zoneCountRule } from './zone-count';
import { volumeGrowthRule } from './volume-growth';
import { zoneLossRule } from './zone-loss';
import { zoneSlotsRule } from './zone-slots';
import { zookeeperEnsembleRule } from './zookeeper-ensemble';

/** The shape of the input: names, modes, images, quantities, credentials. Checked before the HA rules, in this order. */
export const KAFKA_INPUT_RULE_PACK: ReadonlyArray<KafkaInputRule> = [
  clusterNameRule,
  namespaceRule,
  clusterDomainRule,
  objectNamesRule,
  metadataModeRule,
  imagePinningRule,
  resourceQuantitiesRule,
  storageRequestsRule,
  volumeGrowthRule,
  heapFractionRule,
  sourceCidrsRule,
  loadBalancerFlavourRule,
  credentialsRule,
  adminPasswordRotationRule,
  nodeLabelsRule,
  nodeMemoryRule,
  nodeIdRangeRule,
  zoneSlotsRule,
  configValuesRule,
  jmxAgentSourceRule,
  metadataVersionRule,
  certificateRenewalRule,
];

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

/** Every topic, whoever declares it (props, `addTopic`, `KafkaTopic`, ecosystem components), is checked against these. */
export const KAFKA_TOPIC_RULE_PACK: ReadonlyArray<KafkaTopicRule> = [
  topicShapeRule,
  topicReplicationRule,
  topicConfigsRule,
  topicMinInsyncReplicasRule,
];

/** Every user's ACLs and quotas, whoever declares the user. */
export const KAFKA_USER_RULE_PACK: ReadonlyArray<KafkaUserRule> = [
  userAclsRule,
  userQuotasRule,
  userPasswordRotationRule,
];

export function runUserRulePack(ctx: KafkaUserContext, pack: ReadonlyArray<KafkaUserRule> = KAFKA_USER_RULE_PACK): Finding[] {
  return pack.flatMap(rule => rule(ctx));
}

export function runRulePack(ctx: KafkaRuleContext, pack: ReadonlyArray<KafkaRule> = KAFKA_HA_RULE_PACK): Finding[] {
  return pack.flatMap(rule => rule(ctx));
}

export function runInputRulePack(ctx: KafkaInputContext, pack: ReadonlyArray<KafkaInputRule> = KAFKA_INPUT_RULE_PACK): Finding[] {
  return pack.flatMap(rule => rule(ctx));
}

export function runTopicRulePack(ctx: KafkaTopicContext, pack: ReadonlyArray<KafkaTopicRule> = KAFKA_TOPIC_RULE_PACK): Finding[] {
  return pack.flatMap(rule => rule(ctx));
}
