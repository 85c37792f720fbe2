/**
 * Default images of the monitoring components, pinned by tag. Override per
 * component with its `image` prop (checked by `assertPinnedImage`).
 */
export const MONITORING_IMAGES = {
  grafana: 'grafana/grafana:11.6.1',
  prometheus: 'prom/prometheus:v3.5.0',
  alertmanager: 'prom/alertmanager:v0.28.1',
  kafkaExporter: 'danielqsj/kafka-exporter:v1.9.0',
  /** The Prometheus project's blackbox exporter: TLS probes of the brokers for certificate expiry. */
  blackboxExporter: 'prom/blackbox-exporter:v0.27.0',
} as const;
