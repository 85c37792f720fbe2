import { isValidTopicName } from '../model/topic-configs';
import { Finding, KafkaTopicRule, topicProps } from './rule';

/** A name Kafka accepts, at least one partition, and a whole-number replication factor within the brokers. */
export const topicShapeRule: KafkaTopicRule = (ctx) => {
  const { topic, prop, spec } = ctx;
  const findings: Finding[] = [];
  const add = (p: string, problem: string, fix: string) => findings.push({ ruleId: 'topic-shape', prop: p, problem, fix, relaxable: false });
  const rfProp = topicProps(ctx).replicationFactor;
  if (!isValidTopicName(topic.name)) add(`${prop}.name`, `${JSON.stringify(topic.name)} is not a valid topic name`, 'use 1-249 characters of a-z A-Z 0-9 . _ -');
  if (!Number.isInteger(topic.partitions) || topic.partitions < 1) add(`${prop}.partitions`, `${topic.partitions} is not a positive whole number`, 'use at least 1 partition');
  const rf = topic.replicationFactor;
  if (!Number.isInteger(rf) || rf < 1) add(rfProp, `topic ${JSON.stringify(topic.name)}: replication factor ${rf} is not a positive whole number`, 'use 3 (the cluster default)');
  else if (rf > spec.brokers.total) add(rfProp, `topic ${JSON.stringify(topic.name)}: replication factor ${rf} is more than the ${spec.brokers.total} broker(s)`, `lower ${rfProp} to at most ${spec.brokers.total}, or add brokers`);
  return findings;
};
