export * from './connect-plugin';
export * from './connect-worker-config';
export * from './connector-submission';
export * from './images';
export * from './jmx-agent';
export * from './kafbat-ui';
export * from './kafka-connect';
export * from './kafka-connector';
export * from './kafka-ecosystem';
export * from './ksqldb';
export * from './schema-registry';
// Exported here as before they moved (Grafana to monitoring, the rest to the k8s and observability layers).
export { Grafana, GrafanaOptions, GrafanaProps } from '../monitoring/grafana';
export { DashboardJobs, kafkaDashboards } from '../monitoring/grafana-dashboards';
export * from '../k8s/network-policy';
export * from '../observability/component-jmx-rules';
export { JmxExporterRule, renderComponentJmxExporterConfig } from '../observability/jmx-exporter-config';
export { JMX_AGENT_DEFAULT_PORT, JMX_AGENT_DEFAULT_SHA256, JMX_AGENT_DEFAULT_URL, JMX_AGENT_PORT_NAME, JMX_AGENT_VERSION, jmxAgentFetchScript } from '../observability/jmx-agent';
