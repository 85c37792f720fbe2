import { KafkaMetadataMode } from '../types';
import { renderPropertiesFile } from './java-properties';

/**
 * Broker properties this library sets by default, each for an HA reason
 * (documented in the README, "HA defaults and why"). Users override them through
 * `brokers.config`; the rule pack then checks the merged result.
 */
export function haBrokerDefaults(mode: KafkaMetadataMode): Record<string, string> {
  const defaults: Record<string, string> = {
    'default.replication.factor': '3',
    'min.insync.replicas': '2',
    'offsets.topic.replication.factor': '3',
    'transaction.state.log.replication.factor': '3',
    'transaction.state.log.min.isr': '2',
    'unclean.leader.election.enable': 'false',
    'auto.create.topics.enable': 'false',
    // Consumers fetch from the closest replica (same rack = same zone): less cross-zone traffic, and broker.rack drives rack-aware placement.
    'replica.selector.class': 'org.apache.kafka.common.replica.RackAwareReplicaSelector',
    'auto.leader.rebalance.enable': 'true',
    'num.partitions': '3',
  };
  if (mode === KafkaMetadataMode.ZOOKEEPER) {
    // Only ZooKeeper-mode brokers know this switch; KRaft brokers always shut down in a controlled way.
    defaults['controlled.shutdown.enable'] = 'true';
  }
  return defaults;
}

/**
 * Cluster-wide defaults a KRaft controller applies from its own static
 * configuration, not the brokers': the replication factor and partition count
 * of topics created without them, unclean leader election, leader rebalancing,
 * and (Kafka 4.1 enables Eligible Leader Replicas on new clusters) the
 * cluster-level `min.insync.replicas` the active controller writes when it
 * bootstraps the metadata log. Controllers get the brokers' effective values,
 * so both roles enforce the same invariants.
 */
export const CONTROLLER_CLUSTER_DEFAULT_KEYS: ReadonlyArray<string> = [
  'default.replication.factor', 'num.partitions', 'min.insync.replicas', 'unclean.leader.election.enable', 'auto.leader.rebalance.enable',
];

/**
 * Properties the start script writes per pod, or that wire listeners and
 * security. Users cannot override them: doing so would break node identity,
 * rack awareness or authentication.
 */
export const MANAGED_PROPERTIES: ReadonlyArray<string> = [
  'node.id', 'broker.id', 'process.roles', 'broker.rack', 'listeners', 'advertised.listeners',
  'listener.security.protocol.map', 'inter.broker.listener.name', 'controller.listener.names',
  'controller.quorum.voters', 'controller.quorum.bootstrap.servers', 'zookeeper.connect', 'log.dirs', 'log.dir', 'metadata.log.dir',
  'sasl.enabled.mechanisms', 'sasl.mechanism.inter.broker.protocol', 'broker.id.generation.enable',
  'sasl.mechanism.controller.protocol', 'authorizer.class.name', 'super.users', 'allow.everyone.if.no.acl.found',
];

/** A property that is per-listener security wiring (`listener.name.*`), also managed. */
export function isManagedProperty(key: string): boolean {
  return MANAGED_PROPERTIES.includes(key) || key.startsWith('listener.name.');
}

/** Renders a Java properties file with sorted keys (deterministic output), escaped per `java.util.Properties` (see java-properties.ts). */
export function renderProperties(header: string, props: Record<string, string>): string {
  return renderPropertiesFile(header, Object.keys(props).sort().map(key => [key, props[key]] as const));
}

export function parseIntStrict(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return /^-?\d+$/.test(value.trim()) ? parseInt(value.trim(), 10) : NaN;
}
