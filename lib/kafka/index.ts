export * from './types';
export * from './model/cluster-props';
export * from './model/rolling-restart-options';
export * from './model/scaling-options';
export { BrokerScaling, SCALE_JOB_PREFIX } from './cluster/broker-scaling';
export type { BrokerScalingProps } from './cluster/broker-scaling';
export { RollingRestart, CONFIG_HASH_ANNOTATION } from './cluster/rolling-restart';
export type { RollingRestartProps, RollPool, RollTarget } from './cluster/rolling-restart';
export { VolumeGrowth, volumeGrowthTargets } from './cluster/volume-growth';
export type { VolumeGrowthProps, VolumeGrowthTarget } from './cluster/volume-growth';
export * from './model/cluster-spec';
export { resolveKafkaClusterSpec } from './model/resolve-spec';
export { ClusterNaming } from './model/cluster-naming';
export type { KafkaNodeRole, ClusterComponent } from './model/cluster-naming';
export * from './cluster/kafka-cluster';
export * from './cluster/kafka-topic';
export * from './cluster/kafka-tenant';
export { KAFKA_WARNING_METADATA, synthWarnings } from './cluster/synth-warnings';
export type { SynthWarning } from './cluster/synth-warnings';
export { KAFKA_DEFAULT_IMAGES, KAFKA_PORTS, BROKER_NODE_ID_BASE, BROKER_NODE_ID_ZONE_STRIDE } from './constants';
export { deriveKraftClusterId } from './model/cluster-id';
export { brokerNodeIdScheme, controllerNodeIdScheme, nodeId, replicasInZone } from './model/node-ids';
export { brokerNodeIdRange, controllerZoneSlots, MAX_ZONE_SLOTS, resolveZoneSlots } from './model/zone-slots';
export type { ResolvedZoneSlots, ZoneSlotInput, ZoneSlotSpec } from './model/zone-slots';
export { CONTROLLER_CLUSTER_DEFAULT_KEYS, haBrokerDefaults, MANAGED_PROPERTIES } from './model/broker-config';
export { KAFKA_41_TOPIC_CONFIGS, KAFKA_39_ONLY_TOPIC_CONFIGS } from './model/topic-configs';
export { JMX_EXPORTER_AGENT } from './observability/jmx-agent';
export { KAFKA_ALERT_METRICS, JMX_EXPORTER_RULES, renderJmxExporterConfig } from './observability/kafka-jmx-rules';
export {
  KAFKA_HA_RULE_PACK, KAFKA_INPUT_RULE_PACK, KAFKA_TOPIC_RULE_PACK, runRulePack, runInputRulePack, runTopicRulePack, enforceFindings,
  MIN_TERMINATION_GRACE_PERIOD_SECONDS, replicasAfterZoneLoss,
} from './rules';
export type { Finding, KafkaRule, KafkaRuleContext, KafkaInputRule, KafkaInputContext, KafkaTopicRule, KafkaTopicContext, Verdict } from './rules';
export { kafkaScript, kafkaScriptPath, KAFKA_SCRIPT_NAMES } from './scripts';
export type { KafkaScriptName } from './scripts';
export { acl, GROUP_MEMBER, TOPIC_READ, TOPIC_READ_WRITE } from './acls/acl-builders';
