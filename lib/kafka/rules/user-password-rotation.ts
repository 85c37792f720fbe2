import { KafkaPasswordRotation } from '../types';
import { Finding, inputFinding, KafkaUserRule } from './rule';

/** Generations beyond this are a typo, not a rotation schedule (one a day for 27 years). */
export const MAX_PASSWORD_GENERATION = 10_000;

/**
 * What both rotation rules check of a declared rotation: `generation` a whole number from `minGeneration` to
 * MAX_PASSWORD_GENERATION, `retirePrevious` a boolean. `ruleId` and `at` (the prop path) name the finding.
 */
export function rotationValueFindings(ruleId: string, at: string, rotation: KafkaPasswordRotation, minGeneration: number, generationFix: string): Finding[] {
  const findings: Finding[] = [];
  const generation = rotation.generation;
  if (typeof generation !== 'number' || !Number.isInteger(generation) || generation < minGeneration || generation > MAX_PASSWORD_GENERATION) {
    findings.push(inputFinding(ruleId, `${at}.generation`, `${JSON.stringify(generation)} is not a whole number from ${minGeneration} to ${MAX_PASSWORD_GENERATION}`, generationFix));
  }
  if (rotation.retirePrevious !== undefined && typeof rotation.retirePrevious !== 'boolean') {
    findings.push(inputFinding(ruleId, `${at}.retirePrevious`, `${JSON.stringify(rotation.retirePrevious)} is not true or false`, 'set true or false'));
  }
  return findings;
}

/**
 * A rotation generation is a whole number the user raises by one per
 * rotation; retiring the previous password needs a previous generation.
 */
export const userPasswordRotationRule: KafkaUserRule = ({ prop, options }) => {
  const rotation = options.passwordRotation;
  if (rotation === undefined) return [];
  const at = `${prop}.passwordRotation`;
  const findings = rotationValueFindings('user-password-rotation', at, rotation, 0, 'start at 0 (the password the user was created with) and raise it by one for each rotation');
  if (rotation.retirePrevious === true && rotation.generation === 0) {
    findings.push(inputFinding('user-password-rotation', `${at}.retirePrevious`, 'retires the previous password, but generation 0 has none',
      'raise generation to rotate first; set retirePrevious in a later deploy, once every client uses the new password'));
  }
  return findings;
};
