import { isValidTopicName } from '../spec/topic-configs';
import { Finding, KafkaTopicRule } from './rule';

/** A name Kafka accepts, at least one partition, and a whole-number replication factor within the brokers. */
export const topicShapeRule: KafkaTopicRule = ({ topic, prop, spec }) => {
  const findings: Finding[] = [];
  const add = (sub: string, problem: string, fix: string) => findings.push({ ruleId: 'topic-shape', prop: `${prop}${sub}`, problem, fix, relaxable: false });
  if (!isValidTopicName(topic.name)) add('.name', `${JSON.stringify(topic.name)} is not a valid topic name`, 'use 1-249 characters of a-z A-Z 0-9 . _ -');
  if (!Number.isInteger(topic.partitions) || topic.partitions < 1) add('.partitions', `${topic.partitions} is not a positive whole number`, 'use at least 1 partition');
  const rf = topic.replicationFactor;
  if (!Number.isInteger(rf) || rf < 1) add('.replicationFactor', `${rf} is not a positive whole number`, 'use 3 (the cluster default)');
  else if (rf > spec.brokers.total) add('.replicationFactor', `replication factor ${rf} is more than the ${spec.brokers.total} broker(s)`, `lower it to at most ${spec.brokers.total} or add brokers`);
  return findings;
};
