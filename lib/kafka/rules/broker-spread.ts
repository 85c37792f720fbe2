import { KafkaRule } from './rule';

/** Brokers spread evenly: every zone gets the same number, so losing a zone loses the same share of capacity and rack-aware placement can use every zone. */
export const brokerSpreadRule: KafkaRule = (ctx) => {
  const n = ctx.brokerCount;
  if (!Number.isInteger(n) || n < 1) {
    return [{ ruleId: 'broker-spread', prop: 'brokers.replicas', problem: `${n} is not a positive whole number`, fix: 'use a multiple of the zone count, e.g. 3 or 6 for 3 zones', relaxable: false }];
  }
  const z = ctx.zones.length;
  if (z > 0 && n % z !== 0) {
    const lower = Math.max(z, n - (n % z));
    return [{ ruleId: 'broker-spread', prop: 'brokers.replicas', problem: `${n} brokers cannot be spread evenly over ${z} zones`, fix: `use a multiple of ${z} (e.g. ${lower} or ${lower + z})`, relaxable: true }];
  }
  return [];
};
