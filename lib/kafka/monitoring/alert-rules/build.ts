import { KafkaPlatformValidationError } from '../../../errors';
import { plainStringProblem } from '../../k8s/prop-shape';
import { DEFAULT_KAFKA_METRIC_NAMES, KafkaMetricNames } from '../../observability/metric-names';
import { KafkaMetadataMode } from '../../types';
import { brokerRules } from './brokers';
import { connectRules } from './connect';
import { consumerRules } from './consumers';
import { diskRules } from './disk';
import { AlertRuleContext, KafkaAlertRule, KafkaAlertThresholds, KafkaAlertTopology } from './model';
import { quorumRules } from './quorum';
import { replicationRules } from './replication';
import { certificateRules } from './certificates';
import { schemaRegistryRules } from './schema-registry';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** The catalogue, area by area, in the order the rule file lists them. */
const AREAS: ReadonlyArray<(c: AlertRuleContext) => KafkaAlertRule[]> = [
  replicationRules, brokerRules, quorumRules, diskRules, consumerRules, connectRules, schemaRegistryRules, certificateRules,
];

/**
 * Generates the Kafka alerting rules from the declared topology. Every rule
 * has a severity, a summary, a description and runbook text, and carries
 * samples for its promtool unit tests.
 */
export function buildKafkaAlertRules(topology: KafkaAlertTopology, thresholds: KafkaAlertThresholds = {}, metricNames: KafkaMetricNames = DEFAULT_KAFKA_METRIC_NAMES, ownerPath = 'monitoring'): KafkaAlertRule[] {
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
  for (const group of Object.keys(perGroup)) {
    // The group name becomes a PromQL string and a promtool label value: one line of printable text.
    const problem = group.length === 0 || group.length > 255 ? 'is empty or longer than 255 characters' : plainStringProblem(group);
    if (problem) throw new KafkaPlatformValidationError(ownerPath, `alertThresholds.consumerLagPerGroup[${JSON.stringify(group)}]`, `group name ${problem}`, 'use the consumer group id as Kafka reports it');
  }
  const certificateExpiryDays = thresholds.certificateExpiryDays ?? 21;
  if (!(Number.isInteger(certificateExpiryDays) && certificateExpiryDays > 0 && certificateExpiryDays <= 365)) {
    throw new KafkaPlatformValidationError(ownerPath, 'alertThresholds.certificateExpiryDays', `must be a whole number of days from 1 to 365, got ${certificateExpiryDays}`, 'use e.g. 21 (cert-manager renews at two thirds of the lifetime, 30 days before a 90-day certificate expires)');
  }
  for (const [key, name] of Object.entries(metricNames)) {
    // Spliced into every alert expression: anything but a metric name breaks the rule file (or changes the query).
    if (typeof name !== 'string' || !METRIC_NAME.test(name)) {
      throw new KafkaPlatformValidationError(ownerPath, `metricNames.${key}`, `${JSON.stringify(name)} is not a Prometheus metric name`, 'use letters, digits, "_" and ":", not starting with a digit, e.g. "kafka_server_replicamanager_underreplicatedpartitions"');
    }
  }
  const context: AlertRuleContext = {
    topology, metricNames, brokerJob: B, metadataQuorumJob: Q, kraft, controllerJob, controllerInstance, quorumKind, diskPercent, defaultLag, perGroup, certificateExpiryDays,
  };
  return AREAS.flatMap(area => area(context));
}
