import { KafkaProfile } from '../types';
import { KafkaTopicRule } from './rule';

/** Below RF 3 one broker failure loses data or availability; the DEVELOPMENT profile allows it for non-HA clusters. */
export const topicReplicationRule: KafkaTopicRule = ({ topic, prop, spec }) => {
  const rf = topic.replicationFactor;
  if (spec.profile === KafkaProfile.DEVELOPMENT || !Number.isInteger(rf) || rf < 1 || rf > spec.brokers.total || rf >= 3) return [];
  return [{ ruleId: 'topic-replication', prop: `${prop}.replicationFactor`, problem: `replication factor ${rf} loses data or availability when one broker fails`, fix: 'use 3, or the DEVELOPMENT profile for a non-HA cluster', relaxable: false }];
};
