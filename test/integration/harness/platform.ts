import { Chart } from 'cdk8s';
import { KafkaCluster, KafkaTopic } from '../../../lib/kafka';
import { KafkaConnect, KafkaConnector, SchemaRegistry } from '../../../lib/kafka/ecosystem';
import { KafkaMonitoring } from '../../../lib/kafka/monitoring';
import { KafkaMetadataMode, KafkaProfile } from '../../../lib/kafka/types';

/**
 * Test-only switch that breaks one HA property, to show the scenarios can
 * fail (see the README):
 *
 * - `min-isr-1`: the cluster is synthesized with `min.insync.replicas=1`
 *   through the normal `brokers.config` override (the development profile,
 *   because production rejects it at synth). Scenario 3 must then FAIL:
 *   acks=all writes succeed with two of three brokers down.
 * - `acks-1`: the scenario producers use acks=1 instead of acks=all.
 * - `scale-in-skip-drain` (scale.it.ts): the scale-in Job sees no partition to
 *   drain and shrinks at once. Scenario 21 must then FAIL: replicas are still
 *   on the departing brokers when they stop.
 * - `rotation-no-overlap` (authz.it.ts): the synthesized rotation Job writes
 *   the new password into the SCRAM slot the clients use, so the previous
 *   password stops working at once. Scenario 7 (password rotation) must then FAIL.
 */
export const BREAK = (process.env.KAFKA_IT_BREAK ?? '').trim();
// roll-no-isr-check and jmx-agent-required belong to roll.it.ts (its roll Job's min-ISR check, the offline
// pod start), no-authorizer, rotation-no-overlap and plaintext-internal to authz.it.ts, and
// scale-in-skip-drain to scale.it.ts; the scenarios here ignore them.
const KNOWN_BREAKS = ['min-isr-1', 'acks-1', 'roll-no-isr-check', 'jmx-agent-required', 'no-authorizer', 'rotation-no-overlap', 'plaintext-internal', 'scale-in-skip-drain', 'cert-renewal-not-rolled', 'admin-rotation-one-phase'];
// A comma-separated list is allowed (CI runs authz.it.ts's switches together); each must be known.
if (BREAK && !BREAK.split(',').every((b) => KNOWN_BREAKS.includes(b.trim()))) {
  throw new Error(`KAFKA_IT_BREAK=${BREAK} is not one of: ${KNOWN_BREAKS.join(', ')}`);
}

export const ZONES = ['zone-a', 'zone-b', 'zone-c'];
/** The declared topic scenario 1 checks and scenarios 2, 3, 5 write to. */
export const ORDERS_TOPIC = 'orders';

/**
 * The cluster under test, declared the way a user declares it (KRaft, three
 * zones, defaults everywhere) plus one `KafkaTopic`.
 */
export interface KraftPlatform {
  readonly cluster: KafkaCluster;
  readonly connect: KafkaConnect;
  readonly connector: KafkaConnector;
  readonly monitoring: KafkaMonitoring;
  /** Declared and monitored, not started: its alert metrics are checked by the agent test (test/kafka/ecosystem/jmx-rules.test.ts). */
  readonly schemaRegistry: SchemaRegistry;
}

/** The FileStream sink connector of scenario 7: copies the orders topic to a file. */
export const SINK_CONNECTOR = 'orders-file-sink';

/**
 * The platform under test, declared the way a user declares it (KRaft, three
 * zones, defaults everywhere): one `KafkaTopic`, Kafka Connect with one
 * FileStream connector (connect-file, from Maven Central), Schema Registry
 * (declared and monitored, not started), and monitoring (whose alert rules
 * scenario 6 checks).
 */
export function kraftPlatform(chart: Chart): KraftPlatform {
  const cluster = new KafkaCluster(chart, 'kafka', {
    zones: ZONES,
    ...(BREAK === 'min-isr-1' ? { profile: KafkaProfile.DEVELOPMENT, brokers: { config: { 'min.insync.replicas': '1' } } } : {}),
  });
  new KafkaTopic(chart, 'orders', { cluster, name: ORDERS_TOPIC, partitions: 6 });
  const connect = new KafkaConnect(chart, 'connect', { cluster });
  const connector = new KafkaConnector(chart, 'sink', {
    connect, name: SINK_CONNECTOR, connectorClass: 'org.apache.kafka.connect.file.FileStreamSinkConnector',
    config: { topics: ORDERS_TOPIC, file: '/tmp/orders-sink.txt' },
  });
  const schemaRegistry = new SchemaRegistry(chart, 'schema-registry', { cluster });
  const monitoring = new KafkaMonitoring(chart, 'monitoring', {
    cluster, connectTargets: [connect.scrapeTarget], schemaRegistryTargets: [schemaRegistry.scrapeTarget],
  });
  return { cluster, connect, connector, monitoring, schemaRegistry };
}

/** ZooKeeper mode (Kafka 3.9 brokers, 3-node ensemble) with one declared topic. */
export function zookeeperCluster(chart: Chart): KafkaCluster {
  const cluster = new KafkaCluster(chart, 'kafka', { zones: ZONES, metadataMode: KafkaMetadataMode.ZOOKEEPER });
  new KafkaTopic(chart, 'orders', { cluster, name: ORDERS_TOPIC, partitions: 3 });
  return cluster;
}

/** acks the scenario producers use (`all`, unless the acks-1 break is on). */
export const PRODUCER_ACKS = BREAK === 'acks-1' ? '1' : '-1';
