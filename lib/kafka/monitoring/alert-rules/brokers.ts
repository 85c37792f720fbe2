import { AlertRuleContext, KafkaAlertRule, SampleSeries } from './model';
import { sample, str } from './promql';

/** Broker availability: one broker down, fewer brokers than declared. */
export function brokerRules(c: AlertRuleContext): KafkaAlertRule[] {
  const { topology, brokerJob: B } = c;
  const b0 = { job: B, instance: 'broker-0:9404' };
  const b1 = { job: B, instance: 'broker-1:9404' };
  const rules: KafkaAlertRule[] = [];

  rules.push({
    alert: 'KafkaBrokerDown',
    expr: `up{job=${str(B)}} == 0`,
    for: '1m',
    severity: 'critical',
    summary: 'Kafka broker {{ $labels.instance }} is down',
    description: 'Prometheus cannot scrape the broker: the pod is not running, not responding, or started without its JMX exporter agent (no metrics).',
    runbook: 'Check the broker pod: `kubectl -n <namespace> get pods -l app.kubernetes.io/component=broker`, its events and logs. A broker stuck in startup often waits for log recovery (large log volume) or for its volume to attach in its zone. A Ready broker with this alert started without its agent: its `fetch-jmx-exporter` init container logs `JMX EXPORTER AGENT UNAVAILABLE`; make `jmxAgent.url` reachable, then delete the pod.',
    metrics: ['up'],
    firing: { series: [sample('up', b0, '1 1 0x40'), sample('up', b1, '1x40')], alerts: [{ job: B, instance: b0.instance }] },
    healthy: { series: [sample('up', b0, '1x40'), sample('up', b1, '1x40')] },
  });

  const brokersUp = (n: number, total: number): SampleSeries[] =>
    Array.from({ length: total }, (_v, i) => sample('up', { job: B, instance: `broker-${i}:9404` }, i < n ? '1x40' : '0x40'));
  rules.push({
    alert: 'KafkaBrokersMissing',
    expr: `(count(up{job=${str(B)}} == 1) or vector(0)) < ${topology.brokerCount}`,
    for: '2m',
    severity: 'critical',
    summary: `Fewer than the ${topology.brokerCount} declared Kafka brokers are up`,
    description: `Fewer than ${topology.brokerCount} brokers answer; partitions on the missing brokers are under-replicated or offline.`,
    runbook: 'List the broker pods and their nodes; a Pending pod usually means no node in its zone has capacity or its volume cannot attach. Fix the node pool of that zone before anything else.',
    metrics: ['up'],
    firing: { series: brokersUp(topology.brokerCount - 1, topology.brokerCount), alerts: [{}] },
    healthy: { series: brokersUp(topology.brokerCount, topology.brokerCount) },
  });
  return rules;
}
