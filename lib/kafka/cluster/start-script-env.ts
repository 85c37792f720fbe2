import { KAFKA_PATHS, KAFKA_PORTS } from '../constants';
import { adminLoginEnv } from './admin-job-template';
import { JMX_EXPORTER_AGENT } from '../observability/jmx-agent';
import { KafkaNodeRole } from '../model/cluster-naming';
import { KafkaClusterSpec, NodePoolSpec, ZonePoolSpec } from '../model/cluster-spec';

/** The admin Secret's keys for the identity controllers accept beside the current one (rotate-admin-password.sh). */
export const ADMIN_ALSO_ACCEPTED_KEYS: ReadonlyArray<[string, string]> = [
  ['KP_ADMIN_ALSO_ACCEPTED_USERNAME', 'also-accepted-username'],
  ['KP_ADMIN_ALSO_ACCEPTED_PASSWORD', 'also-accepted-password'],
];

/**
 * The environment `kafka-start.sh` reads: the whole contract between a
 * synthesized pod and its start script (the README lists it). Kafka's own
 * launcher variables (`KAFKA_HEAP_OPTS`, `KAFKA_LOG4J_OPTS`, `LOG_DIR`) are
 * the only ones that keep Kafka's names.
 */
export function startScriptEnv(spec: KafkaClusterSpec, pool: NodePoolSpec, zonePool: ZonePoolSpec): Array<Record<string, any>> {
  const role: KafkaNodeRole = pool.role;
  const ext = spec.externalListener;
  const admin = spec.adminCredentials;
  const env: Array<Record<string, any>> = [
    { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
    { name: 'KAFKA_HOME', value: '/opt/kafka' },
    { name: 'KP_ROLE', value: role },
    { name: 'KP_METADATA_MODE', value: spec.metadataMode },
    { name: 'KP_ZONE', value: zonePool.zone },
    // Historical name; the value is the zone's slot.
    { name: 'KP_ZONE_INDEX', value: String(zonePool.slot) },
    { name: 'KP_NODE_ID_OFFSET', value: String(zonePool.nodeIdScheme.offset) },
    { name: 'KP_NODE_ID_STRIDE', value: String(zonePool.nodeIdScheme.stride) },
    { name: 'KP_BASE_CONFIG', value: `${KAFKA_PATHS.template}/server.properties` },
    { name: 'KP_CONFIG_DIR', value: KAFKA_PATHS.config },
    { name: 'KP_DATA_DIR', value: KAFKA_PATHS.data },
    { name: 'LOG_DIR', value: KAFKA_PATHS.logs },
    {
      name: 'KAFKA_LOG4J_OPTS',
      value: spec.kraft ? `-Dlog4j2.configurationFile=${KAFKA_PATHS.template}/log4j2.yaml` : `-Dlog4j.configuration=file:${KAFKA_PATHS.template}/log4j.properties`,
    },
    { name: 'KP_LISTEN_HOST', value: '0.0.0.0' },
    { name: 'KP_SERVICE_DOMAIN', value: spec.naming.serviceDomain(role) },
    { name: 'KP_ADVERTISED_HOST', value: '$(POD_NAME).$(KP_SERVICE_DOMAIN)' },
  ];
  if (spec.tls.enabled) env.push({ name: 'KP_NODE_TLS_DIR', value: KAFKA_PATHS.nodeTls });
  if (spec.kraft) {
    env.push(
      { name: 'KP_CLUSTER_ID', value: spec.kraftClusterId },
      { name: 'KP_CONTROLLER_QUORUM_VOTERS', value: spec.controllerQuorumVoters },
      { name: 'KP_CONTROLLER_PORT', value: String(KAFKA_PORTS.controller) },
    );
  } else {
    env.push({ name: 'KP_ZOOKEEPER_CONNECT', value: spec.zookeeperConnect });
  }
  if (role === 'broker') {
    env.push(
      { name: 'KP_RACK', value: zonePool.zone },
      { name: 'KP_INTERNAL_PORT', value: String(KAFKA_PORTS.internal) },
    );
    if (ext) {
      env.push(
        { name: 'KP_EXTERNAL_PORT', value: String(ext.port) },
        { name: 'KP_EXTERNAL_DOMAIN', value: ext.domain },
        { name: 'KP_EXTERNAL_TLS_DIR', value: KAFKA_PATHS.externalTls },
      );
    }
  }
  env.push(
    ...adminLoginEnv(spec),
    // A controller accepts the identity an admin password rotation moves to, beside its own (kafka-start.sh).
    ...(role === 'controller' ? ADMIN_ALSO_ACCEPTED_KEYS.map(([name, key]) => ({ name, valueFrom: { secretKeyRef: { name: admin.secretName, key, optional: true } } })) : []),
    { name: 'KAFKA_HEAP_OPTS', value: `-Xms${pool.heapMebibytes}m -Xmx${pool.heapMebibytes}m` },
    { name: 'KP_METRICS_PORT', value: String(KAFKA_PORTS.metrics) },
    { name: 'KP_JMX_EXPORTER_JAR', value: `${KAFKA_PATHS.agent}/${JMX_EXPORTER_AGENT.fileName}` },
    { name: 'KP_JMX_EXPORTER_CONFIG', value: `${KAFKA_PATHS.template}/jmx-exporter.yaml` },
  );
  return env;
}
