import type { JmxExporterRule } from './jmx-exporter-config';

/**
 * JMX exporter rules of the Confluent/Apache JVM components, and the
 * Prometheus names they yield. Alert rules take their metric names from
 * here, so a rule and the exporter config it depends on cannot drift apart.
 *
 * The exporter matches each rule's pattern against
 * `domain<key=value, key=value><>attribute: value` (properties in the
 * MBean name's own order) and, with `lowercaseOutputName`, lower-cases the
 * name and turns every character Prometheus does not allow into `_`.
 */

/**
 * The Prometheus name the exporter (1.x) produces for a GAUGE rule name after
 * `$n` substitution: lower-cased, invalid characters replaced by `_`, runs of
 * `_` collapsed (jmx_exporter's `safeName`), and the suffixes Prometheus
 * reserves for counters and histograms (`_total`, `_created`, `_bucket`,
 * `_info`) removed by the client library: Connect's `...-total` attributes
 * come out without `_total`.
 */
export function jmxExporterOutputName(name: string): string {
  let out = name.toLowerCase().replace(/[^a-zA-Z0-9:_]/g, '_').replace(/__+/g, '_');
  while (/_(total|created|bucket|info)$/.test(out)) out = out.replace(/_(total|created|bucket|info)$/, '');
  return out;
}

/**
 * Schema Registry (`MetricsContainer.JMX_PREFIX` = `kafka.schema.registry`):
 * - `type=jetty-metrics`: `connections-active`, `connections-opened-rate`, ...;
 * - `type=master-slave-role`: `master-slave-role` (1 on the elected primary);
 * - `type=registered-count`: `registered-count`;
 * - `type=jersey-metrics`: `<endpoint>.request-rate` etc. per endpoint
 *   (`subjects.versions.register.request-rate`) and without prefix for all requests.
 */
export const SCHEMA_REGISTRY_JMX_RULES: JmxExporterRule[] = [
  { pattern: 'kafka.schema.registry<type=jetty-metrics><>([a-z-]+)', name: 'kafka_schema_registry_jetty_$1' },
  { pattern: 'kafka.schema.registry<type=master-slave-role><>master-slave-role', name: 'kafka_schema_registry_primary_role' },
  { pattern: 'kafka.schema.registry<type=registered-count><>registered-count', name: 'kafka_schema_registry_registered_count' },
  // Per endpoint first: the attribute is `<endpoint>.<stat>` with dots in the endpoint name.
  { pattern: 'kafka.schema.registry<type=jersey-metrics><>([a-z0-9._-]+)\\.(request-rate|request-error-rate|request-latency-99)', name: 'kafka_schema_registry_jersey_$2', labels: { endpoint: '$1' } },
  { pattern: 'kafka.schema.registry<type=jersey-metrics><>(request-rate|request-error-rate|request-latency-99)', name: 'kafka_schema_registry_jersey_$1', labels: { endpoint: 'all' } },
];

/** Schema Registry metric names produced by `SCHEMA_REGISTRY_JMX_RULES`. */
export const SCHEMA_REGISTRY_METRICS = {
  /** 1 on the elected primary, 0 on the others. */
  primaryRole: jmxExporterOutputName('kafka_schema_registry_primary_role'),
  /** Labels: endpoint (`all` for every request). */
  requestErrorRate: jmxExporterOutputName('kafka_schema_registry_jersey_request-error-rate'),
  activeConnections: jmxExporterOutputName('kafka_schema_registry_jetty_connections-active'),
} as const;

/**
 * Kafka Connect (`ConnectMetricsRegistry`, domain `kafka.connect`):
 * - `type=connect-worker-metrics,connector=<c>`: `connector-failed-task-count`,
 *   `connector-running-task-count`, ... (per connector, on every worker);
 * - `type=connect-worker-metrics`: `connector-count`, `task-count`, startup totals;
 * - `type=connect-worker-rebalance-metrics`: `rebalancing`, `completed-rebalances-total`, ...;
 * - `type=connector-task-metrics,connector=<c>,task=<t>`: `running-ratio`, `offset-commit-failure-percentage`, ...;
 * - `type=source-task-metrics|sink-task-metrics,connector=<c>,task=<t>`: record rates and totals;
 * - `type=task-error-metrics,connector=<c>,task=<t>`: `total-record-errors`, `deadletterqueue-produce-failures`, ...
 * String attributes (`status`, `connector-class`) are not numbers and are not exported.
 */
export const CONNECT_JMX_RULES: JmxExporterRule[] = [
  { pattern: 'kafka.connect<type=connect-worker-metrics, connector=([^>]+)><>([a-z-]+)', name: 'kafka_connect_worker_$2', labels: { connector: '$1' } },
  { pattern: 'kafka.connect<type=connect-worker-metrics><>([a-z-]+)', name: 'kafka_connect_worker_$1' },
  { pattern: 'kafka.connect<type=connect-worker-rebalance-metrics><>([a-z-]+)', name: 'kafka_connect_worker_rebalance_$1' },
  { pattern: 'kafka.connect<type=connector-task-metrics, connector=([^,]+), task=([^>]+)><>([a-z-]+)', name: 'kafka_connect_connector_task_$3', labels: { connector: '$1', task: '$2' } },
  { pattern: 'kafka.connect<type=(sink|source)-task-metrics, connector=([^,]+), task=([^>]+)><>([a-z-]+)', name: 'kafka_connect_$1_task_$4', labels: { connector: '$2', task: '$3' } },
  { pattern: 'kafka.connect<type=task-error-metrics, connector=([^,]+), task=([^>]+)><>([a-z-]+)', name: 'kafka_connect_task_error_$3', labels: { connector: '$1', task: '$2' } },
];

/** Kafka Connect metric names produced by `CONNECT_JMX_RULES`. */
export const CONNECT_METRICS = {
  /** Labels: connector. `kafka.connect:type=connect-worker-metrics,connector=*` attribute `connector-failed-task-count`. */
  connectorFailedTaskCount: jmxExporterOutputName('kafka_connect_worker_connector-failed-task-count'),
  /** Labels: connector. */
  connectorRunningTaskCount: jmxExporterOutputName('kafka_connect_worker_connector-running-task-count'),
  /** Labels: connector, task. `connector-task-metrics` attribute `running-ratio`. */
  taskRunningRatio: jmxExporterOutputName('kafka_connect_connector_task_running-ratio'),
  /** Labels: connector, task. `task-error-metrics` attribute `total-record-errors`. */
  taskTotalRecordErrors: jmxExporterOutputName('kafka_connect_task_error_total-record-errors'),
} as const;

/**
 * ksqlDB (CP 7.x / ksqlDB 0.15+): `io.confluent.ksql.metrics:type=_confluent-ksql-engine-query-stats,ksql_service_id=<id>`
 * with `liveness-indicator`, `num-persistent-queries`, `error-queries`,
 * `messages-consumed-per-sec`, ... The pre-0.15 layout
 * (`type=ksql-engine-query-stats`) is kept for older images.
 */
export const KSQLDB_JMX_RULES: JmxExporterRule[] = [
  { pattern: 'io.confluent.ksql.metrics<type=_confluent-ksql-engine-query-stats, ksql_service_id=([^>]+)><>([A-Za-z_-]+)', name: 'ksqldb_engine_$2', labels: { ksql_service_id: '$1' } },
  { pattern: 'io.confluent.ksql.metrics<type=ksql-engine-query-stats><>([A-Za-z_-]+)', name: 'ksqldb_engine_$1' },
];

/** ksqlDB metric names produced by `KSQLDB_JMX_RULES`. */
export const KSQLDB_METRICS = {
  /** Labels: ksql_service_id. Constantly 1 while the server emits metrics. */
  livenessIndicator: jmxExporterOutputName('ksqldb_engine_liveness-indicator'),
  /** Labels: ksql_service_id. */
  errorQueries: jmxExporterOutputName('ksqldb_engine_error-queries'),
  /** Labels: ksql_service_id. */
  persistentQueries: jmxExporterOutputName('ksqldb_engine_num-persistent-queries'),
} as const;
