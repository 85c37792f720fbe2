import { KafkaProfile } from '../types';
import { KafkaTopicRule, topicProps } from './rule';

/** Below RF 3 one broker failure loses data or availability; the DEVELOPMENT profile allows it for non-HA clusters. */
export const topicReplicationRule: KafkaTopicRule = (ctx) => {
  const { topic, spec } = ctx;
  const rf = topic.replicationFactor;
  if (spec.profile === KafkaProfile.DEVELOPMENT || !Number.isInteger(rf) || rf < 1 || rf > spec.brokers.total || rf >= 3) return [];
  const rfProp = topicProps(ctx).replicationFactor;
  return [{ ruleId: 'topic-replication', prop: rfProp, problem: `topic ${JSON.stringify(topic.name)}: replication factor ${rf} loses data or availability when one broker fails; production needs 3 to survive a zone loss`, fix: `set ${rfProp} to 3, or use the DEVELOPMENT profile for a non-HA cluster`, relaxable: false }];
};
