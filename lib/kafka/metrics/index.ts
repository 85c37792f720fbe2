export * from './jmx-exporter';
