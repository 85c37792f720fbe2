export * from './alert-rules';
export * from './alertmanager';
export * from './grafana';
export * from './grafana-dashboards';
export * from './images';
export * from './kafka-exporter';
export * from './kafka-monitoring';
export * from './prometheus-server';
export * from './scrape-config';
// The contracts monitoring reads, exported here as before they moved to lib/kafka/observability.
export * from '../observability/metric-names';
export * from '../observability/scrape-target';
export { DEFAULT_MONITORING_NAMESPACE } from '../observability/metrics-scraper';
