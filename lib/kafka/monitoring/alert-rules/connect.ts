import { CONNECT_METRICS } from '../../observability/metric-names';
import { AlertRuleContext, KafkaAlertRule } from './model';
import { regexAlternation, sample, str } from './promql';

/** Kafka Connect: failed connector tasks. */
export function connectRules(c: AlertRuleContext): KafkaAlertRule[] {
  const { topology } = c;
  const rules: KafkaAlertRule[] = [];

  const connectJobs = [...(topology.connectJobs ?? [])].sort();
  if (connectJobs.length > 0) {
    const failed = CONNECT_METRICS.connectorFailedTaskCount;
    const c0 = { job: connectJobs[0], instance: 'connect-0:9404', connector: 'inventory-mysql-source' };
    rules.push({
      alert: 'KafkaConnectTaskFailed',
      expr: `sum by (job, connector) (${failed}{job=~${str(regexAlternation(connectJobs))}}) > 0`,
      for: '2m',
      severity: 'warning',
      summary: 'Connector {{ $labels.connector }} has failed tasks',
      description: 'A Kafka Connect task of {{ $labels.connector }} on {{ $labels.job }} is in FAILED state; its data is not flowing.',
      runbook: 'Read the task trace: `curl <connect>/connectors/<connector>/status`. Fix the cause (credentials, unreachable source/sink, schema error), then restart the failed tasks: `curl -X POST <connect>/connectors/<connector>/restart?includeTasks=true&onlyFailed=true`.',
      metrics: [failed],
      firing: { series: [sample(failed, c0, '0 1x40')], alerts: [{ job: c0.job, connector: c0.connector }] },
      healthy: { series: [sample(failed, c0, '0x40')] },
    });
  }
  return rules;
}
