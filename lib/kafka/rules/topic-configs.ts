import { knownTopicConfigs } from '../model/topic-configs';
import { KafkaMetadataMode, KafkaProfile } from '../types';
import { Finding, KafkaTopicRule } from './rule';

/**
 * Topic configs Kafka knows, as non-empty single-line strings, and no unclean
 * leader election: a typo would otherwise fail only when the topics Job runs,
 * and unclean election drops acknowledged writes.
 */
export const topicConfigsRule: KafkaTopicRule = ({ topic, prop, spec }) => {
  const findings: Finding[] = [];
  const add = (key: string, problem: string, fix: string) => findings.push({ ruleId: 'topic-configs', prop: `${prop}.config["${key}"]`, problem, fix, relaxable: false });
  const known = knownTopicConfigs(spec.metadataMode === KafkaMetadataMode.ZOOKEEPER);
  for (const [key, value] of Object.entries(topic.config ?? {})) {
    if (!known.has(key)) add(key, 'is not a topic config Kafka knows', `use one of: ${[...known].sort().join(', ')}`);
    else if (typeof value !== 'string' || value.length === 0 || /[\t\n\r]/.test(value)) add(key, `${JSON.stringify(value)} is not a non-empty single-line string`, 'pass the value as a string, e.g. "604800000"');
  }
  const unclean = topic.config?.['unclean.leader.election.enable'];
  if (typeof unclean === 'string' && unclean.toLowerCase() !== 'false' && spec.profile !== KafkaProfile.DEVELOPMENT) {
    add('unclean.leader.election.enable', `${JSON.stringify(unclean)} can drop acknowledged writes`, 'remove it (false is the default)');
  }
  return findings;
};
