import { stringify } from 'yaml';

/** One JMX exporter rule (the subset of the exporter's rule format this library uses). */
export interface JmxExporterRule {
  readonly pattern: string;
  readonly name: string;
  /** @default 'GAUGE' */
  readonly type?: 'GAUGE' | 'COUNTER' | 'UNTYPED';
  /** @default - none */
  readonly help?: string;
  /** @default - none */
  readonly labels?: Record<string, string>;
}

/**
 * The exporter's YAML configuration. Only what the rules name is exported:
 * unmatched MBeans are dropped, which keeps scrapes small and cardinality bounded.
 */
export function renderExporterConfig(rules: ReadonlyArray<JmxExporterRule>, header = ''): string {
  return header + stringify({
    lowercaseOutputName: true,
    lowercaseOutputLabelNames: true,
    rules: rules.map(r => ({
      pattern: r.pattern,
      name: r.name,
      type: r.type ?? 'GAUGE',
      ...(r.help ? { help: r.help } : {}),
      ...(r.labels ? { labels: r.labels } : {}),
    })),
  }, { lineWidth: 0 });
}

/** The exporter configuration of an ecosystem component (Schema Registry, Connect, ksqlDB). */
export function renderComponentJmxExporterConfig(rules: ReadonlyArray<JmxExporterRule>): string {
  return renderExporterConfig(rules);
}
