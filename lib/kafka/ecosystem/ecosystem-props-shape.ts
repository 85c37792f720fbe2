import { anything, arrayOf, bool, either, implementing, int, mapOf, num, objectOf, optional, Shape, str } from '../k8s/prop-shape';
import { VOLUME_SHAPE } from '../model/cluster-props-shape';
import { DEFAULT_KAFKA_METRIC_NAMES } from '../observability/metric-names';

/**
 * The runtime shape of `KafkaEcosystemProps`, checked before any component
 * reads it, so a JavaScript caller's null or wrong type gets a typed error
 * naming the prop (`connect.workerConfig`, `monitoring.alertThresholds`)
 * instead of a TypeError. Value rules stay with each component.
 */

const RESOURCES: Shape = objectOf({ cpuRequest: optional(str(64)), cpuLimit: optional(str(64)), memory: optional(str(64)) }, 'ContainerResources');
const JMX_AGENT: Shape = objectOf({ url: optional(str(2048)), sha256: optional(str(64)), port: optional(int(1, 65535)) }, 'JmxAgentOptions');
const REPLICAS = int(0, 1000);

/** Fields every component takes. */
const COMMON = {
  name: optional(str(253)), image: optional(str(512)), replicas: optional(REPLICAS), resources: optional(RESOURCES),
};
const TOPIC = { topicReplicationFactor: optional(int(1, 1000)), topicMinInsyncReplicas: optional(int(1, 1000)) };

/** `true`, `false` or an options object of `fields`. */
function component(typeName: string, fields: Record<string, Shape>): Shape {
  return optional(either(bool, objectOf(fields, typeName)));
}

export const KAFKA_ECOSYSTEM_PROPS_SHAPE: Shape = objectOf({
  cluster: implementing('addUser', 'addTopic', 'validateTopic'),
  schemaRegistry: component('SchemaRegistryOptions', { ...COMMON, ...TOPIC, topicName: optional(str(249)), compatibility: optional(str(64)), jmxAgent: optional(JMX_AGENT) }),
  connect: component('KafkaConnectOptions', {
    ...COMMON, ...TOPIC,
    plugins: optional(arrayOf(implementing('initContainer'), 100)),
    workerConfig: optional(mapOf(anything)),
    offsetTopicPartitions: optional(int(1, 10_000)),
    statusTopicPartitions: optional(int(1, 10_000)),
    jmxAgent: optional(JMX_AGENT),
  }),
  monitoring: component('KafkaMonitoringOptions', {
    namespace: optional(str(253)),
    prometheus: optional(objectOf({ ...COMMON, retention: optional(str(64)), retentionSize: optional(str(64)), storage: optional(VOLUME_SHAPE), scrapeInterval: optional(str(64)), scrapeKubelet: optional(bool) })),
    kafkaExporter: optional(objectOf({ ...COMMON, groupFilter: optional(str(1024)), topicFilter: optional(str(1024)) })),
    alertmanager: optional(objectOf({ ...COMMON, receiver: anything, repeatInterval: optional(str(64)) })),
    certificateProbe: optional(either(bool, objectOf({ ...COMMON }, 'CertificateExpiryProbeOptions'))),
    alertThresholds: optional(objectOf({ diskUsagePercent: optional(num()), consumerLag: optional(num()), consumerLagPerGroup: optional(mapOf(num(), str(255))), certificateExpiryDays: optional(num()) }, 'KafkaAlertThresholds')),
    // Every metric name the rules read, by name: a misspelt one would otherwise leave the default in place without a word.
    metricNames: optional(objectOf(Object.fromEntries(Object.keys(DEFAULT_KAFKA_METRIC_NAMES).map(k => [k, optional(str(256))])), 'KafkaMetricNames')),
  }),
  grafana: component('GrafanaOptions', { ...COMMON, adminSecretName: optional(str(253)) }),
  ui: component('KafbatUiOptions', { ...COMMON, loginSecretName: optional(str(253)), readOnly: optional(bool) }),
  ksqlDb: component('KsqlDbOptions', { ...COMMON, ...TOPIC, serviceId: optional(str(64)), jmxAgent: optional(JMX_AGENT) }),
}, 'KafkaEcosystemProps');

