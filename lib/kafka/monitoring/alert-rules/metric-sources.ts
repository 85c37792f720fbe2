import { BLACKBOX_EXPORTER_METRICS, CONNECT_METRICS, KAFKA_EXPORTER_METRICS, KUBELET_METRICS, SCHEMA_REGISTRY_METRICS } from '../../observability/metric-names';
import { KafkaAlertRule } from './model';

/** Where each metric the rules read comes from, for checks against live exporters (integration tests). */
export interface AlertMetricSources {
  /** From the brokers'/controllers' JMX exporter agent. */
  readonly kafkaJmx: string[];
  /** From kafka-exporter. */
  readonly kafkaExporter: string[];
  /** From the Kafka Connect workers' JMX exporter agent. */
  readonly connect: string[];
  /** From the Schema Registry replicas' JMX exporter agent. */
  readonly schemaRegistry: string[];
  /** From the blackbox exporter's TLS probes. */
  readonly blackboxExporter: string[];
  /** From kubelet (volume stats). */
  readonly kubelet: string[];
  /** Synthesized by Prometheus itself (`up`). */
  readonly prometheus: string[];
}

export function alertMetricSources(rules: KafkaAlertRule[]): AlertMetricSources {
  const used = [...new Set(rules.flatMap(r => r.metrics))].sort();
  const exporter = new Set<string>(Object.values(KAFKA_EXPORTER_METRICS));
  const connect = new Set<string>(Object.values(CONNECT_METRICS));
  const schemaRegistry = new Set<string>(Object.values(SCHEMA_REGISTRY_METRICS));
  const kubelet = new Set<string>(Object.values(KUBELET_METRICS));
  const blackbox = new Set<string>(Object.values(BLACKBOX_EXPORTER_METRICS));
  return {
    kafkaJmx: used.filter(m => m !== 'up' && !exporter.has(m) && !connect.has(m) && !schemaRegistry.has(m) && !kubelet.has(m) && !blackbox.has(m)),
    kafkaExporter: used.filter(m => exporter.has(m)),
    connect: used.filter(m => connect.has(m)),
    schemaRegistry: used.filter(m => schemaRegistry.has(m)),
    blackboxExporter: used.filter(m => blackbox.has(m)),
    kubelet: used.filter(m => kubelet.has(m)),
    prometheus: used.filter(m => m === 'up'),
  };
}
