export * from './alert-rules';
export * from './alertmanager';
export * from './kafka-exporter';
export * from './kafka-monitoring';
export * from './metric-names';
export * from './prometheus-server';
export * from './scrape-config';
export * from './scrape-target';
