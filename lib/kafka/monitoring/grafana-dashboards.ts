import { KAFKA_EXPORTER_METRICS, KafkaMetricNames } from '../observability/metric-names';

/**
 * Kafka dashboards, written by this project (no third-party JSON): cluster
 * health, per-broker throughput and consumer lag. They query the
 * provisioned Prometheus datasource (uid `prometheus`).
 */
export interface DashboardJobs {
  readonly brokerJob: string;
  readonly metadataQuorumJob: string;
  readonly kafkaExporterJob: string;
  readonly controllerMetricsJob: string;
}

const DATASOURCE = { type: 'prometheus', uid: 'prometheus' };

interface PanelSpec {
  readonly title: string;
  readonly type: 'stat' | 'timeseries';
  readonly exprs: Array<{ expr: string; legend?: string }>;
  readonly unit?: string;
  readonly description?: string;
  /** stat panels: value at or above which the panel turns red. */
  readonly redFrom?: number;
}

function dashboard(uid: string, title: string, panels: PanelSpec[]): Record<string, any> {
  return {
    uid,
    title,
    tags: ['kafka', 'cdktf-kafka-platform'],
    timezone: 'utc',
    schemaVersion: 39,
    version: 1,
    editable: false,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    panels: panels.map((p, i) => ({
      id: i + 1,
      title: p.title,
      type: p.type,
      ...(p.description ? { description: p.description } : {}),
      datasource: DATASOURCE,
      // Stats in a row of four, time series two per row.
      gridPos: p.type === 'stat' ? { h: 4, w: 6, x: (i % 4) * 6, y: Math.floor(i / 4) * 4 } : { h: 8, w: 12, x: (i % 2) * 12, y: 8 + Math.floor(i / 2) * 8 },
      targets: p.exprs.map((e, j) => ({ refId: String.fromCharCode(65 + j), datasource: DATASOURCE, expr: e.expr, ...(e.legend ? { legendFormat: e.legend } : {}) })),
      fieldConfig: {
        defaults: {
          unit: p.unit ?? 'short',
          ...(p.redFrom !== undefined ? { thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'red', value: p.redFrom }] } } : {}),
        },
        overrides: [],
      },
      options: p.type === 'stat' ? { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'background' } : { legend: { displayMode: 'table', placement: 'bottom' } },
    })),
  };
}

export function kafkaDashboards(clusterName: string, jobs: DashboardJobs, m: KafkaMetricNames): Record<string, string> {
  const b = `job="${jobs.brokerJob}"`;
  const c = `job="${jobs.controllerMetricsJob}"`;
  const health = dashboard(`kafka-health-${clusterName}`.slice(0, 40), `Kafka ${clusterName}: cluster health`, [
    { title: 'Brokers up', type: 'stat', exprs: [{ expr: `count(up{${b}} == 1) or vector(0)` }] },
    { title: 'Active controllers', type: 'stat', exprs: [{ expr: `sum(${m.activeControllerCount}{${c}})` }], description: 'Must be exactly 1.' },
    { title: 'Offline partitions', type: 'stat', exprs: [{ expr: `sum(${m.offlinePartitionsCount}{${c}})` }], redFrom: 1 },
    { title: 'Under-min-ISR partitions', type: 'stat', exprs: [{ expr: `sum(${m.underMinIsrPartitionCount}{${b}})` }], redFrom: 1 },
    { title: 'Under-replicated partitions by broker', type: 'timeseries', exprs: [{ expr: `sum by (instance) (${m.underReplicatedPartitions}{${b}})`, legend: '{{instance}}' }] },
    { title: 'ISR shrinks per second', type: 'timeseries', exprs: [{ expr: `sum by (instance) (rate(${m.isrShrinksTotal}{${b}}[5m]))`, legend: '{{instance}}' }] },
    { title: 'Metadata quorum members up', type: 'timeseries', exprs: [{ expr: `up{job="${jobs.metadataQuorumJob}"}`, legend: '{{instance}}' }] },
    { title: 'Volume usage', type: 'timeseries', unit: 'percent', exprs: [{ expr: '100 * kubelet_volume_stats_used_bytes / kubelet_volume_stats_capacity_bytes', legend: '{{persistentvolumeclaim}}' }] },
  ]);
  const throughput = dashboard(`kafka-throughput-${clusterName}`.slice(0, 40), `Kafka ${clusterName}: broker throughput`, [
    { title: 'Bytes in per broker', type: 'timeseries', unit: 'Bps', exprs: [{ expr: `sum by (instance) (rate(${m.bytesInTotal}{${b}}[5m]))`, legend: '{{instance}}' }] },
    { title: 'Bytes out per broker', type: 'timeseries', unit: 'Bps', exprs: [{ expr: `sum by (instance) (rate(${m.bytesOutTotal}{${b}}[5m]))`, legend: '{{instance}}' }] },
    { title: 'Messages in per broker', type: 'timeseries', unit: 'short', exprs: [{ expr: `sum by (instance) (rate(${m.messagesInTotal}{${b}}[5m]))`, legend: '{{instance}}' }] },
    { title: 'Cluster bytes in / out', type: 'timeseries', unit: 'Bps', exprs: [{ expr: `sum(rate(${m.bytesInTotal}{${b}}[5m]))`, legend: 'in' }, { expr: `sum(rate(${m.bytesOutTotal}{${b}}[5m]))`, legend: 'out' }] },
  ]);
  const e = `job="${jobs.kafkaExporterJob}"`;
  const lag = dashboard(`kafka-lag-${clusterName}`.slice(0, 40), `Kafka ${clusterName}: consumer lag`, [
    { title: 'Lag by consumer group', type: 'timeseries', exprs: [{ expr: `sum by (consumergroup) (max by (consumergroup, topic) (${KAFKA_EXPORTER_METRICS.consumerGroupLagSum}{${e}}))`, legend: '{{consumergroup}}' }] },
    { title: 'Lag by group and topic', type: 'timeseries', exprs: [{ expr: `max by (consumergroup, topic) (${KAFKA_EXPORTER_METRICS.consumerGroupLagSum}{${e}})`, legend: '{{consumergroup}} / {{topic}}' }] },
    { title: 'Lag by partition (top 20)', type: 'timeseries', exprs: [{ expr: `topk(20, max by (consumergroup, topic, partition) (${KAFKA_EXPORTER_METRICS.consumerGroupLag}{${e}}))`, legend: '{{consumergroup}} {{topic}}/{{partition}}' }] },
  ]);
  return {
    'kafka-cluster-health.json': JSON.stringify(health, undefined, 2),
    'kafka-broker-throughput.json': JSON.stringify(throughput, undefined, 2),
    'kafka-consumer-lag.json': JSON.stringify(lag, undefined, 2),
  };
}
