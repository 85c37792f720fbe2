import { brokerProp, intProp, KafkaRule, Finding } from './rule';

/**
 * min.insync.replicas (and the transaction log's min ISR) must be below the
 * replication factor (the default one and the consumer offsets topic's), or a
 * single broker restart blocks acks=all producers and offset commits; and at
 * least 2, or an acknowledged write can live on one broker only.
 */
export const minInsyncReplicasRule: KafkaRule = (ctx) => {
  const findings: Finding[] = [];
  // The consumer offsets topic has no min ISR of its own: offset commits need min.insync.replicas of its replicas.
  // Its pair only adds the RF comparison; the value checks of min.insync.replicas are made once, with the first pair.
  const pairs: Array<[string, string, boolean]> = [
    ['min.insync.replicas', 'default.replication.factor', true],
    ['min.insync.replicas', 'offsets.topic.replication.factor', false],
    ['transaction.state.log.min.isr', 'transaction.state.log.replication.factor', true],
  ];
  for (const [isrKey, rfKey, checkValue] of pairs) {
    const isr = intProp(ctx, isrKey);
    const rf = intProp(ctx, rfKey);
    if (!checkValue && !(isr !== undefined && rf !== undefined && isr >= 1 && (isr > rf || (isr === rf && rf > 1)))) continue;
    if (isr === undefined || isr < 1) {
      findings.push({ ruleId: 'min-insync-replicas', prop: brokerProp(isrKey), problem: `${JSON.stringify(ctx.brokerConfig[isrKey])} is not a positive integer`, fix: 'set it to 2', relaxable: false });
      continue;
    }
    if (rf === undefined) continue; // reported by the replication-factor rule
    if (isr > rf) {
      findings.push({ ruleId: 'min-insync-replicas', prop: brokerProp(isrKey), problem: `${isr} is more than ${rfKey} ${rf}: no write with acks=all can ever succeed`, fix: `set it to ${Math.max(1, rf - 1)} (replication factor - 1)`, relaxable: false });
    } else if (isr === rf && rf > 1) {
      findings.push({ ruleId: 'min-insync-replicas', prop: brokerProp(isrKey), problem: `${isr} equals ${rfKey}: one broker restart blocks every acks=all producer`, fix: `set it to ${rf - 1} (replication factor - 1)`, relaxable: false });
    } else if (isr < 2) {
      findings.push({ ruleId: 'min-insync-replicas', prop: brokerProp(isrKey), problem: `${isr} lets an acknowledged write live on a single broker`, fix: 'set it to 2 with replication factor 3', relaxable: true });
    }
  }
  return findings;
};
