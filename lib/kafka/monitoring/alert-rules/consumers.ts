import { KAFKA_EXPORTER_METRICS } from '../../observability/metric-names';
import { AlertRuleContext, KafkaAlertRule } from './model';
import { regexAlternation, sample, str } from './promql';

/** Consumer group lag per group and topic, and the lag exporter itself. */
export function consumerRules(c: AlertRuleContext): KafkaAlertRule[] {
  const { topology, defaultLag, perGroup } = c;
  const rules: KafkaAlertRule[] = [];

  if (topology.kafkaExporterJob) {
    const E = topology.kafkaExporterJob;
    const lag = KAFKA_EXPORTER_METRICS.consumerGroupLagSum;
    const groups = Object.keys(perGroup).sort();
    const lagRule = (matcher: string, limit: number, group: string, scope: string): KafkaAlertRule => {
      const labels = { job: E, consumergroup: group, topic: 'orders' };
      return {
        alert: 'KafkaConsumerGroupLagHigh',
        // Tells the per-group rules apart from the default one (same alert name).
        labels: { lag_threshold_scope: scope },
        expr: `max by (consumergroup, topic) (${lag}{job=${str(E)}${matcher}}) > ${limit}`,
        for: '10m',
        severity: 'warning',
        summary: 'Consumer group {{ $labels.consumergroup }} lags on topic {{ $labels.topic }}',
        description: `The lag of group {{ $labels.consumergroup }} on {{ $labels.topic }} is above ${limit} messages for 10 minutes.`,
        runbook: 'Check that the group\'s consumers are running and not rebalancing in a loop (kafka-consumer-groups.sh --describe --group <group>). If they are healthy but slow, scale them out (up to the partition count) or speed up processing.',
        metrics: [lag],
        firing: { series: [sample(lag, labels, `${limit + 1}x40`)], alerts: [{ consumergroup: group, topic: 'orders' }] },
        healthy: { series: [sample(lag, labels, `${Math.max(0, limit - 1)}x40`)] },
      };
    };
    for (const group of groups) rules.push(lagRule(`,consumergroup=${str(group)}`, perGroup[group], group, `group:${group}`));
    rules.push(lagRule(groups.length ? `,consumergroup!~${str(regexAlternation(groups))}` : '', defaultLag, 'any-other-group', 'default'));

    rules.push({
      alert: 'KafkaLagExporterDown',
      expr: `up{job=${str(E)}} == 0`,
      for: '5m',
      severity: 'warning',
      summary: 'kafka-exporter {{ $labels.instance }} is down: consumer lag is not monitored',
      description: 'Without kafka-exporter, consumer lag alerts cannot fire.',
      runbook: 'Check the kafka-exporter pod logs; SASL authentication errors mean its SCRAM user or Secret is wrong.',
      metrics: ['up'],
      firing: { series: [sample('up', { job: E, instance: 'exporter-0:9308' }, '1 0x40')], alerts: [{ job: E, instance: 'exporter-0:9308' }] },
      healthy: { series: [sample('up', { job: E, instance: 'exporter-0:9308' }, '1x40')] },
    });
  }
  return rules;
}
