import { KafkaPlatformValidationError } from '../../errors';
import { KafkaProfile } from '../types';

/**
 * Replica count check: `minimum` (2 for HA components) in production; the
 * development profile accepts 1.
 */
export function validateReplicas(profile: KafkaProfile, constructPath: string, prop: string, replicas: number, minimum: number): void {
  if (!Number.isInteger(replicas) || replicas < 1) {
    throw new KafkaPlatformValidationError(constructPath, prop, `must be a positive integer, got ${replicas}`, `set ${prop} to ${minimum} or more`);
  }
  if (replicas < minimum && profile === KafkaProfile.PRODUCTION) {
    throw new KafkaPlatformValidationError(
      constructPath,
      prop,
      `${replicas} replica(s) is not highly available (production profile needs at least ${minimum})`,
      `set ${prop} to ${minimum} or more, or use the development profile on the cluster`,
    );
  }
}
