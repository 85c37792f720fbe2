export * from './component-jmx-rules';
export * from './jmx-agent';
export * from './jmx-exporter-config';
export * from './kafka-jmx-rules';
export * from './metric-names';
export * from './metrics-scraper';
export * from './scrape-target';
