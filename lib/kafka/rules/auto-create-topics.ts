import { brokerProp, KafkaRule } from './rule';

/** Topics are declared (KafkaTopic) so their replication is validated; auto-created topics bypass that. */
export const autoCreateTopicsRule: KafkaRule = (ctx) => {
  const value = ctx.brokerConfig['auto.create.topics.enable'];
  if (value === undefined || value.trim().toLowerCase() !== 'false') {
    return [{ ruleId: 'auto-create-topics', prop: brokerProp('auto.create.topics.enable'), problem: `${JSON.stringify(value)} creates topics on first use, bypassing the replication checks`, fix: 'set it to "false" and declare topics with KafkaTopic / cluster.addTopic()', relaxable: true }];
  }
  return [];
};
