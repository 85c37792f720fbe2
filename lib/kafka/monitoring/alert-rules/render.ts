import { stringify } from 'yaml';
import { KafkaAlertRule, RULE_TEST_EVAL_TIME } from './model';

/** The Prometheus rule file (YAML) with the rules of one cluster. */
export function renderAlertRulesYaml(clusterName: string, rules: KafkaAlertRule[]): string {
  return stringify({
    groups: [{
      name: `kafka-${clusterName}`,
      rules: rules.map(r => ({
        alert: r.alert,
        expr: r.expr,
        for: r.for,
        labels: { ...r.labels, severity: r.severity, kafka_cluster: clusterName },
        annotations: { summary: r.summary, description: r.description, runbook: r.runbook },
      })),
    }],
  }, { lineWidth: 0 });
}

/** Expands `{{ $labels.x }}` as Prometheus would for the expected annotations of a unit test. */
function expandLabels(template: string, labels: Record<string, string>): string {
  return template.replace(/\{\{ \$labels\.([a-zA-Z_][a-zA-Z0-9_]*) \}\}/g, (_m, name: string) => labels[name] ?? '');
}

/**
 * promtool unit tests for the rules: for every rule, one test where it fires
 * on its sample series with the expected labels, and one where it stays
 * quiet on a healthy system. Annotations use only `{{ $labels.x }}` (never
 * `{{ $value }}`) so the expected annotations can be stated exactly.
 */
export function renderRuleTestsYaml(clusterName: string, rules: KafkaAlertRule[], ruleFile: string): string {
  const tests: any[] = [];
  rules.forEach(r => {
    tests.push({
      name: `${r.alert} fires (${r.expr})`,
      interval: '1m',
      input_series: r.firing.series.map(s => ({ series: s.series, values: s.values })),
      alert_rule_test: [{
        eval_time: RULE_TEST_EVAL_TIME,
        alertname: r.alert,
        exp_alerts: r.firing.alerts.map(labels => ({
          exp_labels: { ...labels, ...r.labels, severity: r.severity, kafka_cluster: clusterName },
          exp_annotations: { summary: expandLabels(r.summary, labels), description: expandLabels(r.description, labels), runbook: r.runbook },
        })),
      }],
    });
    tests.push({
      name: `${r.alert} stays quiet when healthy (${r.expr})`,
      interval: '1m',
      input_series: r.healthy.series.map(s => ({ series: s.series, values: s.values })),
      alert_rule_test: [{ eval_time: RULE_TEST_EVAL_TIME, alertname: r.alert, exp_alerts: [] }],
    });
  });
  return stringify({ rule_files: [ruleFile], evaluation_interval: '1m', tests }, { lineWidth: 0 });
}
