import { brokerProp, intProp, KafkaRule, Finding } from './rule';

const RF_KEYS = ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor'];

/** Every replication factor fits on the brokers (else topic creation fails) and is at least 3 (survives a zone loss with min ISR 2). */
export const replicationFactorRule: KafkaRule = (ctx) => {
  const findings: Finding[] = [];
  for (const key of RF_KEYS) {
    const rf = intProp(ctx, key);
    if (rf === undefined || rf < 1) {
      findings.push({ ruleId: 'replication-factor', prop: brokerProp(key), problem: `${JSON.stringify(ctx.brokerConfig[key])} is not a positive integer`, fix: 'set it to 3', relaxable: false });
      continue;
    }
    if (rf > ctx.brokerCount) {
      findings.push({ ruleId: 'replication-factor', prop: brokerProp(key), problem: `replication factor ${rf} is more than the ${ctx.brokerCount} broker(s)`, fix: `lower it to at most ${ctx.brokerCount}, or raise brokers.replicas to at least ${rf}`, relaxable: false });
    } else if (rf < 3) {
      findings.push({ ruleId: 'replication-factor', prop: brokerProp(key), problem: `replication factor ${rf} loses data or availability when one broker fails`, fix: 'set it to 3 (or more)', relaxable: true });
    }
  }
  return findings;
};
