import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { assertNoObjectCollisions } from '../k8s/object-collisions';
import { assertShape } from '../k8s/prop-shape';
import { Grafana, GrafanaOptions } from '../monitoring/grafana';
import { KafkaMonitoring, KafkaMonitoringProps } from '../monitoring/kafka-monitoring';
import { DEFAULT_KAFKA_METRIC_NAMES } from '../observability/metric-names';
import { KAFKA_ECOSYSTEM_PROPS_SHAPE } from './ecosystem-props-shape';
import { IKafkaCluster, KafkaMetadataMode } from '../types';
import { KafbatUi, KafbatUiProps } from './kafbat-ui';
import { KafkaConnect, KafkaConnectProps } from './kafka-connect';
import { KsqlDb, KsqlDbProps } from './ksqldb';
import { SchemaRegistry, SchemaRegistryProps } from './schema-registry';

export type SchemaRegistryOptions = Omit<SchemaRegistryProps, 'cluster'>;
export type KafkaConnectOptions = Omit<KafkaConnectProps, 'cluster'>;
export type KsqlDbOptions = Omit<KsqlDbProps, 'cluster' | 'schemaRegistryUrl'>;
export type KafbatUiOptions = Omit<KafbatUiProps, 'cluster' | 'schemaRegistryUrl' | 'connectClusters' | 'ksqlDbUrl' | 'podLabels'>;
export type KafkaMonitoringOptions = Omit<KafkaMonitoringProps, 'cluster' | 'schemaRegistryTargets' | 'connectTargets' | 'additionalTargets'>;

/**
 * Which ecosystem components run next to a Kafka cluster. Each is one prop
 * away: `true` for defaults, an options object to tune, `false`/absent to skip.
 */
export interface KafkaEcosystemProps {
  readonly cluster: IKafkaCluster;
  /** @default true */
  readonly schemaRegistry?: boolean | SchemaRegistryOptions;
  /** @default true */
  readonly connect?: boolean | KafkaConnectOptions;
  /** Prometheus, kafka-exporter, alert rules (and Alertmanager if configured). @default true */
  readonly monitoring?: boolean | KafkaMonitoringOptions;
  /** Needs monitoring. @default false */
  readonly grafana?: boolean | GrafanaOptions;
  /** Kafbat UI. @default false */
  readonly ui?: boolean | KafbatUiOptions;
  /** @default false */
  readonly ksqlDb?: boolean | KsqlDbOptions;
}

function options<T extends object>(value: boolean | T | undefined, defaultOn: boolean): T | undefined {
  if (value === undefined) return defaultOn ? ({} as T) : undefined;
  if (value === false) return undefined;
  if (value === true) return {} as T;
  return value;
}

/**
 * The Kafka ecosystem in one construct: Schema Registry, Kafka Connect and
 * monitoring by default; Grafana, Kafbat UI and ksqlDB on request. The
 * components are wired together (UI and ksqlDB know Schema Registry and
 * Connect; Prometheus scrapes all of them; alert rules cover them).
 */
export class KafkaEcosystem extends Construct {
  public readonly schemaRegistry?: SchemaRegistry;
  public readonly connect?: KafkaConnect;
  public readonly ksqlDb?: KsqlDb;
  public readonly ui?: KafbatUi;
  public readonly monitoring?: KafkaMonitoring;
  public readonly grafana?: Grafana;

  constructor(scope: Construct, id: string, props: KafkaEcosystemProps) {
    super(scope, id);
    // Before any component reads them: nulls and wrong types get an error naming the prop, not a TypeError.
    assertShape(this.node.path, props, KAFKA_ECOSYSTEM_PROPS_SHAPE);
    const cluster = props.cluster;
    const sr = options(props.schemaRegistry, true);
    const connect = options(props.connect, true);
    const monitoring = options(props.monitoring, true);
    const grafana = options(props.grafana, false);
    const ui = options(props.ui, false);
    const ksql = options(props.ksqlDb, false);
    if (grafana && !monitoring) {
      throw new KafkaPlatformValidationError(this.node.path, 'grafana', 'Grafana needs the Prometheus of `monitoring`, which is off', 'turn monitoring on, or turn grafana off');
    }
    if (sr) this.schemaRegistry = new SchemaRegistry(this, 'schema-registry', { cluster, ...sr });
    if (connect) this.connect = new KafkaConnect(this, 'connect', { cluster, ...connect });
    if (ksql) this.ksqlDb = new KsqlDb(this, 'ksqldb', { cluster, schemaRegistryUrl: this.schemaRegistry?.url, ...ksql });
    if (ui) {
      this.ui = new KafbatUi(this, 'ui', {
        cluster,
        schemaRegistryUrl: this.schemaRegistry?.url,
        connectClusters: this.connect ? { [this.connect.connectName]: this.connect.url } : undefined,
        ksqlDbUrl: this.ksqlDb?.url,
        podLabels: this.connect ? { [this.connect.restClientLabel.key]: this.connect.restClientLabel.value } : undefined,
        ...ui,
      });
    }
    if (monitoring) {
      this.monitoring = new KafkaMonitoring(this, 'monitoring', {
        cluster,
        ...monitoring,
        schemaRegistryTargets: this.schemaRegistry ? [this.schemaRegistry.scrapeTarget] : [],
        connectTargets: this.connect ? [this.connect.scrapeTarget] : [],
        additionalTargets: [...(this.ksqlDb ? [this.ksqlDb.scrapeTarget] : []), ...(this.ui ? [this.ui.scrapeTarget] : [])],
      });
    }
    // Least privilege between components: each HTTP API admits the components that call it.
    if (this.schemaRegistry) {
      for (const caller of [this.connect, this.ksqlDb, this.ui]) if (caller) this.schemaRegistry.allowHttpFrom(caller.podPeer);
    }
    if (this.ksqlDb && this.ui) this.ksqlDb.allowHttpFrom(this.ui.podPeer);
    if (grafana && this.monitoring) {
      this.grafana = new Grafana(this, 'grafana', {
        cluster,
        namespace: this.monitoring.namespace,
        prometheusUrl: this.monitoring.prometheus.url,
        jobs: {
          brokerJob: this.monitoring.brokerTarget.jobName,
          metadataQuorumJob: this.monitoring.metadataQuorumTarget.jobName,
          controllerMetricsJob: cluster.metadataMode === KafkaMetadataMode.KRAFT ? this.monitoring.metadataQuorumTarget.jobName : this.monitoring.brokerTarget.jobName,
          kafkaExporterJob: this.monitoring.kafkaExporter.scrapeTarget.jobName,
        },
        metricNames: { ...DEFAULT_KAFKA_METRIC_NAMES, ...(typeof props.monitoring === 'object' ? props.monitoring.metricNames : {}) },
        ...grafana,
      });
      this.monitoring.prometheus.allowHttpFrom(this.grafana.podPeer);
    }
    assertNoObjectCollisions(this, 'name');
  }
}
