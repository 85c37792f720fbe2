import { KafkaPlatformValidationError } from '../../../errors';
import { DEFAULT_KAFKA_METRIC_NAMES, KafkaMetricNames } from '../../observability/metric-names';
import { KafkaMetadataMode } from '../../types';
import { brokerRules } from './brokers';
import { connectRules } from './connect';
import { consumerRules } from './consumers';
import { diskRules } from './disk';
import { AlertRuleContext, KafkaAlertRule, KafkaAlertThresholds, KafkaAlertTopology } from './model';
import { quorumRules } from './quorum';
import { replicationRules } from './replication';
import { schemaRegistryRules } from './schema-registry';

/** The catalogue, area by area, in the order the rule file lists them. */
const AREAS: ReadonlyArray<(c: AlertRuleContext) => KafkaAlertRule[]> = [
  replicationRules, brokerRules, quorumRules, diskRules, consumerRules, connectRules, schemaRegistryRules,
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
  const context: AlertRuleContext = {
    topology, metricNames, brokerJob: B, metadataQuorumJob: Q, kraft, controllerJob, controllerInstance, quorumKind, diskPercent, defaultLag, perGroup,
  };
  return AREAS.flatMap(area => area(context));
}
