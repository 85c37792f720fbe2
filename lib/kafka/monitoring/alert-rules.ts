import { stringify } from 'yaml';
import { KafkaPlatformValidationError } from '../../errors';
import { KafkaMetadataMode } from '../types';
import { CONNECT_METRICS, DEFAULT_KAFKA_METRIC_NAMES, KafkaMetricNames, KAFKA_EXPORTER_METRICS, KUBELET_METRICS, SCHEMA_REGISTRY_METRICS } from './metric-names';

/** What the alert rules are generated from: the declared topology and the scrape job names. */
export interface KafkaAlertTopology {
  readonly clusterName: string;
  readonly namespace: string;
  readonly metadataMode: KafkaMetadataMode;
  /** Declared broker count: fewer brokers up than this is an alert. */
  readonly brokerCount: number;
  /** Declared controller / ZooKeeper count, when known: quorum degradation alerts. */
  readonly metadataQuorumSize?: number;
  readonly brokerJob: string;
  readonly metadataQuorumJob: string;
  /** @default - no lag alerts */
  readonly kafkaExporterJob?: string;
  /** @default - no disk alerts */
  readonly kubeletJob?: string;
  /** @default [] */
  readonly connectJobs?: string[];
  /** @default [] */
  readonly schemaRegistryJobs?: string[];
}

/** Thresholds of the alert rules. */
export interface KafkaAlertThresholds {
  /** Persistent volume usage, percent, above which `KafkaDiskUsageHigh` fires. @default 80 */
  readonly diskUsagePercent?: number;
  /** Consumer lag (messages, summed per group and topic) above which `KafkaConsumerGroupLagHigh` fires, for groups not listed in `consumerLagPerGroup`. @default 10000 */
  readonly consumerLag?: number;
  /** Per consumer group thresholds, overriding `consumerLag`. @default {} */
  readonly consumerLagPerGroup?: Record<string, number>;
}

export type AlertSeverity = 'critical' | 'warning';

/** One input series of a promtool unit test (`series` in PromQL notation, `values` in promtool's expanding notation). */
export interface SampleSeries {
  readonly series: string;
  readonly values: string;
}

/** One generated alerting rule plus the samples its promtool unit tests use. */
export interface KafkaAlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly severity: AlertSeverity;
  /** May use `{{ $labels.<name> }}`. */
  readonly summary: string;
  readonly description: string;
  /** What the on-call engineer does, step by step. */
  readonly runbook: string;
  /** Extra static labels (to tell apart rules that share an alert name). */
  readonly labels?: Record<string, string>;
  /** Metric names the expression reads (for checks against real exporters). */
  readonly metrics: string[];
  /** Series on which the alert must fire, and the labels it fires with (without severity/kafka_cluster). */
  readonly firing: { readonly series: SampleSeries[]; readonly alerts: Array<Record<string, string>> };
  /** Series of a healthy system, on which the alert must stay quiet. */
  readonly healthy: { readonly series: SampleSeries[] };
}

/** promtool unit tests evaluate at this time; every sample is at least this long. */
export const RULE_TEST_EVAL_TIME = '30m';

function str(value: string): string {
  return JSON.stringify(value);
}

function regexAlternation(values: string[]): string {
  return values.map(v => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

function labelsText(labels: Record<string, string>): string {
  return '{' + Object.entries(labels).map(([k, v]) => `${k}=${str(v)}`).join(',') + '}';
}

function sample(metric: string, labels: Record<string, string>, values: string): SampleSeries {
  return { series: `${metric}${labelsText(labels)}`, values };
}

/**
 * Generates the Kafka alerting rules from the declared topology. Every rule
 * has a severity, a summary, a description and runbook text, and carries
 * samples for its promtool unit tests.
 */
export function buildKafkaAlertRules(topology: KafkaAlertTopology, thresholds: KafkaAlertThresholds = {}, metricNames: KafkaMetricNames = DEFAULT_KAFKA_METRIC_NAMES, ownerPath = 'monitoring'): KafkaAlertRule[] {
  const m = metricNames;
  const B = topology.brokerJob;
  const Q = topology.metadataQuorumJob;
  const kraft = topology.metadataMode === KafkaMetadataMode.KRAFT;
  // In KRaft mode the controller metrics come from the controller quorum; in ZooKeeper mode from the broker that is controller.
  const controllerJob = kraft ? Q : B;
  const controllerInstance = kraft ? 'controller-0:9404' : 'broker-0:9404';
  const quorumKind = kraft ? 'KRaft controller' : 'ZooKeeper node';
  const diskPercent = thresholds.diskUsagePercent ?? 80;
  if (!(diskPercent > 0 && diskPercent < 100)) {
    throw new KafkaPlatformValidationError(ownerPath, 'alertThresholds.diskUsagePercent', `must be between 0 and 100, got ${diskPercent}`, 'use e.g. 80');
  }
  const defaultLag = thresholds.consumerLag ?? 10000;
  const perGroup = thresholds.consumerLagPerGroup ?? {};
  for (const [group, limit] of Object.entries({ '(default)': defaultLag, ...perGroup })) {
    if (!(Number.isFinite(limit) && limit > 0)) {
      throw new KafkaPlatformValidationError(ownerPath, group === '(default)' ? 'alertThresholds.consumerLag' : `alertThresholds.consumerLagPerGroup["${group}"]`, `must be a positive number, got ${limit}`, 'use a lag in messages, e.g. 10000');
    }
  }
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

  rules.push({
    alert: 'KafkaBrokerDown',
    expr: `up{job=${str(B)}} == 0`,
    for: '1m',
    severity: 'critical',
    summary: 'Kafka broker {{ $labels.instance }} is down',
    description: 'Prometheus cannot scrape the broker: the pod is not running or not responding.',
    runbook: 'Check the broker pod: `kubectl -n <namespace> get pods -l app.kubernetes.io/component=broker`, its events and logs. A broker stuck in startup often waits for log recovery (large log volume) or for its volume to attach in its zone.',
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

  const q0 = { job: Q, instance: kraft ? 'controller-0:9404' : 'zookeeper-0:9404' };
  rules.push({
    alert: kraft ? 'KafkaControllerDown' : 'ZooKeeperDown',
    expr: `up{job=${str(Q)}} == 0`,
    for: '1m',
    severity: 'critical',
    summary: `${quorumKind} {{ $labels.instance }} is down`,
    description: `Prometheus cannot scrape the ${quorumKind}; the metadata quorum has one member less.`,
    runbook: `Check the ${quorumKind} pod, its events and logs. Keep the others running: the quorum survives the loss of a minority only.`,
    metrics: ['up'],
    firing: { series: [sample('up', q0, '1 0x40')], alerts: [{ ...q0 }] },
    healthy: { series: [sample('up', q0, '1x40')] },
  });

  if (topology.metadataQuorumSize !== undefined) {
    const size = topology.metadataQuorumSize;
    const majority = Math.floor(size / 2) + 1;
    const quorumUp = (n: number): SampleSeries[] =>
      Array.from({ length: size }, (_v, i) => sample('up', { job: Q, instance: `${kraft ? 'controller' : 'zookeeper'}-${i}:9404` }, i < n ? '1x40' : '0x40'));
    rules.push({
      alert: 'KafkaMetadataQuorumLost',
      expr: `(count(up{job=${str(Q)}} == 1) or vector(0)) < ${majority}`,
      for: '1m',
      severity: 'critical',
      summary: `The ${quorumKind} quorum has lost its majority`,
      description: `Fewer than ${majority} of ${size} ${quorumKind}s are up: no metadata change (topic creation, leader election) is possible.`,
      runbook: `Restore ${quorumKind}s until a majority (${majority}) runs. Do not wipe a member's volume to get it started: its log is part of the quorum.`,
      metrics: ['up'],
      firing: { series: quorumUp(majority - 1), alerts: [{}] },
      healthy: { series: quorumUp(size - 1) },
    });
  }

  if (topology.kubeletJob) {
    const used = KUBELET_METRICS.volumeUsedBytes;
    const cap = KUBELET_METRICS.volumeCapacityBytes;
    const sel = `{job=${str(topology.kubeletJob)},namespace=${str(topology.namespace)}}`;
    const pvc = { job: topology.kubeletJob, namespace: topology.namespace, persistentvolumeclaim: `data-${topology.clusterName}-broker-0`, node: 'node-a' };
    rules.push({
      alert: 'KafkaDiskUsageHigh',
      expr: `100 * ${used}${sel} / ${cap}${sel} > ${diskPercent}`,
      for: '10m',
      severity: 'warning',
      summary: `Volume {{ $labels.persistentvolumeclaim }} is more than ${diskPercent}% full`,
      description: `A persistent volume in namespace ${topology.namespace} is above ${diskPercent}% usage; a full log volume takes its broker offline.`,
      runbook: 'Find the topics that grow fastest (kafka-log-dirs.sh --describe); lower their retention.ms/retention.bytes if the owners agree, or expand the PVC (the StorageClass allows volume expansion). Add brokers and reassign partitions for lasting growth.',
      metrics: [used, cap],
      firing: { series: [sample(used, pvc, `${diskPercent + 5}x40`), sample(cap, pvc, '100x40')], alerts: [{ ...pvc }] },
      healthy: { series: [sample(used, pvc, `${diskPercent - 20}x40`), sample(cap, pvc, '100x40')] },
    });
  }

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

/** Where each metric the rules read comes from, for checks against live exporters (integration tests). */
export interface AlertMetricSources {
  /** From the brokers'/controllers' JMX exporter agent. */
  readonly kafkaJmx: string[];
  /** From kafka-exporter. */
  readonly kafkaExporter: string[];
  /** From the Kafka Connect workers' JMX exporter agent. */
  readonly connect: string[];
  /** From the Schema Registry replicas' JMX exporter agent. */
  readonly schemaRegistry: string[];
  /** From kubelet (volume stats). */
  readonly kubelet: string[];
  /** Synthesized by Prometheus itself (`up`). */
  readonly prometheus: string[];
}

export function alertMetricSources(rules: KafkaAlertRule[]): AlertMetricSources {
  const used = [...new Set(rules.flatMap(r => r.metrics))].sort();
  const exporter = new Set<string>(Object.values(KAFKA_EXPORTER_METRICS));
  const connect = new Set<string>(Object.values(CONNECT_METRICS));
  const schemaRegistry = new Set<string>(Object.values(SCHEMA_REGISTRY_METRICS));
  const kubelet = new Set<string>(Object.values(KUBELET_METRICS));
  return {
    kafkaJmx: used.filter(m => m !== 'up' && !exporter.has(m) && !connect.has(m) && !schemaRegistry.has(m) && !kubelet.has(m)),
    kafkaExporter: used.filter(m => exporter.has(m)),
    connect: used.filter(m => connect.has(m)),
    schemaRegistry: used.filter(m => schemaRegistry.has(m)),
    kubelet: used.filter(m => kubelet.has(m)),
    prometheus: used.filter(m => m === 'up'),
  };
}
