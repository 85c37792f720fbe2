import { KafkaUserQuotas } from '../types';
import { Finding, inputFinding, KafkaUserRule } from './rule';

/** Kafka's config key for each quota, and the range a useful value lies in. */
export const QUOTA_KEYS: Readonly<Record<keyof KafkaUserQuotas, { readonly key: string; readonly integer: boolean; readonly max: number }>> = {
  producerByteRate: { key: 'producer_byte_rate', integer: true, max: Number.MAX_SAFE_INTEGER },
  consumerByteRate: { key: 'consumer_byte_rate', integer: true, max: Number.MAX_SAFE_INTEGER },
  // Per thread, so values above 100 are meaningful on brokers with several threads.
  requestPercentage: { key: 'request_percentage', integer: false, max: 10_000 },
  controllerMutationRate: { key: 'controller_mutation_rate', integer: false, max: 1_000_000 },
};

/** Quotas are positive finite numbers (byte rates whole bytes): zero or a negative value would lock the user out instead. */
export const userQuotasRule: KafkaUserRule = ({ prop, options }) => {
  const findings: Finding[] = [];
  const quotas = options.quotas ?? {};
  for (const [field, value] of Object.entries(quotas)) {
    const spec = QUOTA_KEYS[field as keyof KafkaUserQuotas];
    const at = `${prop}.quotas.${field}`;
    if (!spec) {
      findings.push(inputFinding('user-quotas', at, 'is not a quota', `use ${Object.keys(QUOTA_KEYS).join(', ')}`));
    } else if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > spec.max || (spec.integer && !Number.isInteger(value)))) {
      findings.push(inputFinding('user-quotas', at, `${JSON.stringify(value)} is not a ${spec.integer ? 'positive whole number' : 'positive number'} up to ${spec.max}`, `set a ${spec.integer ? 'byte rate such as 1048576 (1 MiB/s)' : 'positive value'}, or leave it out for no quota`));
    }
  }
  return findings;
};
