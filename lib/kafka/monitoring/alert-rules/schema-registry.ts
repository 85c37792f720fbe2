import { SCHEMA_REGISTRY_METRICS } from '../../observability/metric-names';
import { AlertRuleContext, KafkaAlertRule } from './model';
import { sample, str } from './promql';

/** Schema Registry: down, a replica down, no elected primary. */
export function schemaRegistryRules(c: AlertRuleContext): KafkaAlertRule[] {
  const { topology } = c;
  const rules: KafkaAlertRule[] = [];

  for (const sr of [...(topology.schemaRegistryJobs ?? [])].sort()) {
    const s0 = { job: sr, instance: 'schema-registry-0:9404' };
    const s1 = { job: sr, instance: 'schema-registry-1:9404' };
    rules.push({
      alert: 'SchemaRegistryDown',
      expr: `(count(up{job=${str(sr)}} == 1) or vector(0)) == 0`,
      for: '2m',
      severity: 'critical',
      summary: `Schema Registry ${sr} is down`,
      description: `No replica of Schema Registry ${sr} answers: producers and consumers using schemas fail.`,
      runbook: 'Check the Schema Registry pods and logs. They need the Kafka brokers and their SCRAM user; a replica that cannot read the _schemas topic never becomes ready.',
      metrics: ['up'],
      firing: { series: [sample('up', s0, '1 0x40'), sample('up', s1, '1 0x40')], alerts: [{}] },
      healthy: { series: [sample('up', s0, '0x40'), sample('up', s1, '1x40')] },
    });
    rules.push({
      alert: 'SchemaRegistryReplicaDown',
      expr: `up{job=${str(sr)}} == 0`,
      for: '5m',
      severity: 'warning',
      summary: 'Schema Registry replica {{ $labels.instance }} is down',
      description: `One replica of Schema Registry ${sr} does not answer; the service runs without redundancy.`,
      runbook: 'Check the pod events and logs; the remaining replicas keep serving.',
      metrics: ['up'],
      firing: { series: [sample('up', s0, '1 0x40'), sample('up', s1, '1x40')], alerts: [{ ...s0 }] },
      healthy: { series: [sample('up', s0, '1x40'), sample('up', s1, '1x40')] },
    });
    // Replicas that answer but none of which is primary: reads still work, every schema registration fails.
    // All replicas down is SchemaRegistryDown's case (no series here, so this one stays quiet then).
    const primary = SCHEMA_REGISTRY_METRICS.primaryRole;
    rules.push({
      alert: 'SchemaRegistryNoPrimary',
      expr: `sum by (job) (${primary}{job=${str(sr)}}) == 0`,
      for: '5m',
      severity: 'critical',
      summary: `Schema Registry ${sr} has no primary`,
      description: `Replicas of Schema Registry ${sr} are up but none is the elected primary for 5 minutes: registering new schemas fails, so producers with new schemas fail.`,
      runbook: 'Read the replicas\' logs for errors joining the primary election group (it runs on Kafka: SCRAM user, group ACLs, broker reachability) and check that at least one replica has leader.eligibility=true. Then restart the replicas one at a time; the first to join becomes primary.',
      metrics: [primary],
      firing: { series: [sample(primary, s0, '1 0x40'), sample(primary, s1, '0x40')], alerts: [{ job: sr }] },
      healthy: { series: [sample(primary, s0, '1 0x40'), sample(primary, s1, '0 1x40')] },
    });
  }
  return rules;
}
