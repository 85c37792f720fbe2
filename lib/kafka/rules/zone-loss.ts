import { brokerProp, Finding, intProp, KafkaRule } from './rule';

/** Replicas of one partition left after losing the zone that holds most of them (rack-aware placement spreads them evenly). */
export function replicasAfterZoneLoss(replicationFactor: number, zoneCount: number): number {
  return replicationFactor - Math.ceil(replicationFactor / Math.max(1, zoneCount));
}

/**
 * After losing one zone, every partition must keep at least min.insync.replicas
 * replicas, or acks=all producers (and offset commits) stop until the zone is back.
 * RF 3 / min ISR 2 over 3 zones keeps 2; RF 4 / min ISR 3 over 3 zones keeps only 2.
 */
export const zoneLossRule: KafkaRule = (ctx) => {
  const findings: Finding[] = [];
  const zones = ctx.zones.length;
  const pairs: Array<[string, string]> = [
    ['min.insync.replicas', 'default.replication.factor'],
    ['min.insync.replicas', 'offsets.topic.replication.factor'],
    ['transaction.state.log.min.isr', 'transaction.state.log.replication.factor'],
  ];
  for (const [isrKey, rfKey] of pairs) {
    const isr = intProp(ctx, isrKey);
    const rf = intProp(ctx, rfKey);
    // Unusable values and min ISR >= RF are reported by the replication-factor and min-insync-replicas rules.
    if (isr === undefined || rf === undefined || isr < 1 || rf < 1 || isr >= rf || zones === 0) continue;
    const left = replicasAfterZoneLoss(rf, zones);
    if (left < isr) {
      findings.push({
        ruleId: 'zone-loss', prop: brokerProp(rfKey),
        problem: `${rfKey} ${rf} over ${zones} zone(s) keeps only ${left} replica(s) of a partition when a zone fails, fewer than ${isrKey} ${isr}: acks=all writes stop`,
        fix: `use at least 3 zones with ${rfKey} 3 and ${isrKey} 2, or lower ${isrKey} to ${Math.max(1, left)}`,
        relaxable: true,
      });
    }
  }
  return findings;
};
