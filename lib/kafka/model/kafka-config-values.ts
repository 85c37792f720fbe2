/**
 * Config values the library reasons about (replication, min ISR, unclean
 * election, ...), in the one spelling both sides read alike. Kafka trims,
 * ignores case for booleans and takes `+2` or `02` as 2; a rule reading the
 * raw text may see something else. Only the canonical form is accepted, so
 * what the rules judge is what the broker runs with.
 */

const INT32_MAX = 2 ** 31 - 1;

/** Keys Kafka reads as INT and the rules or the spec read too. */
export const KAFKA_INT_KEYS: ReadonlyArray<string> = [
  'default.replication.factor', 'min.insync.replicas', 'offsets.topic.replication.factor',
  'transaction.state.log.replication.factor', 'transaction.state.log.min.isr', 'num.partitions',
];

/** Keys Kafka reads as BOOLEAN and the rules read too. */
export const KAFKA_BOOLEAN_KEYS: ReadonlyArray<string> = [
  'unclean.leader.election.enable', 'auto.create.topics.enable', 'auto.leader.rebalance.enable', 'controlled.shutdown.enable',
];

/** Why `value` of `key` is not in canonical form, or undefined (also for keys the library does not read). */
export function kafkaValueProblem(key: string, value: string): { problem: string; fix: string } | undefined {
  if (KAFKA_INT_KEYS.includes(key) && !(/^(0|[1-9]\d{0,9})$/.test(value) && Number(value) <= INT32_MAX)) {
    return { problem: `${JSON.stringify(value)} is not a plain integer (no sign, spaces or leading zeros, at most ${INT32_MAX})`, fix: 'write the number alone, e.g. "3"' };
  }
  if (KAFKA_BOOLEAN_KEYS.includes(key) && value !== 'true' && value !== 'false') {
    return { problem: `${JSON.stringify(value)} is not "true" or "false" (lower case, no spaces)`, fix: 'write "true" or "false"' };
  }
  return undefined;
}
