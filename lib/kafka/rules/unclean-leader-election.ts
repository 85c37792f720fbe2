import { brokerProp, KafkaRule } from './rule';

/** Unclean leader election trades acknowledged data for availability: never on by default. */
export const uncleanLeaderElectionRule: KafkaRule = (ctx) => {
  const value = ctx.brokerConfig['unclean.leader.election.enable'];
  if (value === undefined || value.trim().toLowerCase() !== 'false') {
    return [{ ruleId: 'unclean-leader-election', prop: brokerProp('unclean.leader.election.enable'), problem: `${JSON.stringify(value)} lets an out-of-sync replica become leader and drop acknowledged writes`, fix: 'set it to "false" (remove the override)', relaxable: true }];
  }
  return [];
};
