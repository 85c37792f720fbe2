import { KafkaPlatformValidationError } from '../../errors';
import { KafkaProfile } from '../types';
import { Finding } from './rule';

/** What the engine let through: findings the profile relaxed, and risks the user accepted by name. */
export interface Verdict {
  readonly relaxed: Finding[];
  readonly accepted: Finding[];
}

/**
 * The one place findings become errors. A finding blocks unless the user
 * accepted it through a `dangerously...` prop, or it only protects HA and the
 * profile is DEVELOPMENT. Every blocking finding is named in one error, the
 * first as its prop, so a synth with several mistakes shows them all at once.
 */
export function enforceFindings(constructPath: string, profile: KafkaProfile, findings: ReadonlyArray<Finding>): Verdict {
  const dev = profile === KafkaProfile.DEVELOPMENT;
  const blocking = findings.filter(f => f.acceptedBy === undefined && (!f.relaxable || !dev));
  if (blocking.length > 0) {
    const [first, ...more] = blocking;
    const err = new KafkaPlatformValidationError(constructPath, first.prop, first.problem, first.fix);
    if (more.length > 0) err.message += ` (and ${more.length} more: ${more.map(f => `${f.prop}: ${f.problem}`).join('; ')})`;
    throw err;
  }
  return {
    relaxed: findings.filter(f => f.relaxable && f.acceptedBy === undefined),
    accepted: findings.filter(f => f.acceptedBy !== undefined),
  };
}
