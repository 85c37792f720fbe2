import { AlertRuleContext, KafkaAlertRule } from './model';
import { sample, str } from './promql';

/** Partition replication and the active controller: under-replicated, offline and under-min-ISR partitions, ISR churn. */
export function replicationRules(c: AlertRuleContext): KafkaAlertRule[] {
  const { metricNames: m, brokerJob: B, kraft, controllerJob, controllerInstance } = c;
  const b0 = { job: B, instance: 'broker-0:9404' };
  const b1 = { job: B, instance: 'broker-1:9404' };
  const rules: KafkaAlertRule[] = [];

  rules.push({
    alert: 'KafkaUnderReplicatedPartitions',
    expr: `sum by (instance) (${m.underReplicatedPartitions}{job=${str(B)}}) > 0`,
    for: '5m',
    severity: 'warning',
    summary: 'Broker {{ $labels.instance }} has under-replicated partitions',
    description: 'Some partitions led by {{ $labels.instance }} have fewer in-sync replicas than replicas for 5 minutes; one more failure can make them unavailable.',
    runbook: 'Check that every broker is up (KafkaBrokerDown) and not restarting; look for slow disks or network between zones; check replica fetcher errors in the follower logs. If one broker lags, check its disk and CPU; do not restart several brokers at once.',
    metrics: [m.underReplicatedPartitions],
    firing: { series: [sample(m.underReplicatedPartitions, b0, '0 0 3x40')], alerts: [{ instance: b0.instance }] },
    healthy: { series: [sample(m.underReplicatedPartitions, b0, '0x40'), sample(m.underReplicatedPartitions, b1, '0x40')] },
  });

  rules.push({
    alert: 'KafkaOfflinePartitions',
    expr: `sum(${m.offlinePartitionsCount}{job=${str(controllerJob)}}) > 0`,
    for: '1m',
    severity: 'critical',
    summary: 'Kafka has offline partitions',
    description: 'Partitions without a leader: producers and consumers of those partitions are failing now.',
    runbook: 'Find the partitions with `kafka-topics.sh --describe --unavailable-partitions`. Bring back the brokers that host their replicas (KafkaBrokerDown). Unclean leader election is disabled on purpose; enable it for one topic only if data loss is accepted by its owner.',
    metrics: [m.offlinePartitionsCount],
    firing: { series: [sample(m.offlinePartitionsCount, { job: controllerJob, instance: controllerInstance }, '0 2x40')], alerts: [{}] },
    healthy: { series: [sample(m.offlinePartitionsCount, { job: controllerJob, instance: controllerInstance }, '0x40')] },
  });

  rules.push({
    alert: 'KafkaActiveControllerCountInvalid',
    expr: `(sum(${m.activeControllerCount}{job=${str(controllerJob)}}) or vector(0)) != 1`,
    for: '2m',
    severity: 'critical',
    summary: 'Kafka does not have exactly one active controller',
    description: `The ${kraft ? 'controller quorum' : 'broker set'} does not report exactly one active controller: metadata changes and leader elections are stuck (0) or split (more than 1).`,
    runbook: kraft
      ? 'Check that a majority of the KRaft controllers is up and can reach each other on the controller port; read `kafka-metadata-quorum.sh describe --status`. With 0 active controllers restore quorum first; with more than 1, check for a network partition between zones.'
      : 'Check ZooKeeper health and the brokers\' ZooKeeper sessions; with 0 controllers restore ZooKeeper quorum, with more than 1 look for a network partition.',
    metrics: [m.activeControllerCount],
    firing: {
      series: [
        sample(m.activeControllerCount, { job: controllerJob, instance: kraft ? 'controller-0:9404' : 'broker-0:9404' }, '1x40'),
        sample(m.activeControllerCount, { job: controllerJob, instance: kraft ? 'controller-1:9404' : 'broker-1:9404' }, '0 0 1x40'),
      ],
      alerts: [{}],
    },
    healthy: {
      series: [
        sample(m.activeControllerCount, { job: controllerJob, instance: kraft ? 'controller-0:9404' : 'broker-0:9404' }, '1x40'),
        sample(m.activeControllerCount, { job: controllerJob, instance: kraft ? 'controller-1:9404' : 'broker-1:9404' }, '0x40'),
      ],
    },
  });

  rules.push({
    alert: 'KafkaUnderMinIsrPartitions',
    expr: `sum by (instance) (${m.underMinIsrPartitionCount}{job=${str(B)}}) > 0`,
    for: '1m',
    severity: 'critical',
    summary: 'Broker {{ $labels.instance }} has partitions under min.insync.replicas',
    description: 'Producers with acks=all cannot write to these partitions until enough replicas are back in sync.',
    runbook: 'Bring failed brokers back (KafkaBrokerDown) and watch KafkaUnderReplicatedPartitions fall; check follower fetch errors and disk health. Never lower min.insync.replicas to get writes through: it trades durability for availability.',
    metrics: [m.underMinIsrPartitionCount],
    firing: { series: [sample(m.underMinIsrPartitionCount, b0, '0 1x40')], alerts: [{ instance: b0.instance }] },
    healthy: { series: [sample(m.underMinIsrPartitionCount, b0, '0x40')] },
  });

  rules.push({
    alert: 'KafkaIsrShrinking',
    expr: `sum by (instance) (rate(${m.isrShrinksTotal}{job=${str(B)}}[5m])) > 0`,
    for: '10m',
    severity: 'warning',
    summary: 'In-sync replica sets keep shrinking on {{ $labels.instance }}',
    description: 'Followers keep falling out of the ISR for 10 minutes: a broker, its disk or the network between zones is too slow.',
    runbook: 'Short shrinks during a rolling restart are normal. Otherwise compare request latency and disk I/O across brokers, check network throughput between zones, and check replica.lag.time.max.ms against GC pauses in the broker logs.',
    metrics: [m.isrShrinksTotal],
    firing: { series: [sample(m.isrShrinksTotal, b0, '0+2x40')], alerts: [{ instance: b0.instance }] },
    healthy: { series: [sample(m.isrShrinksTotal, b0, '5x40')] },
  });
  return rules;
}
