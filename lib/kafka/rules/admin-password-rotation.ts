import { Finding, inputFinding, KafkaInputRule } from './rule';
import { MAX_PASSWORD_GENERATION } from './user-password-rotation';

/**
 * An admin password rotation needs a generation to rotate to, and a Secret the rotation Job may rewrite: a Secret
 * you supply (Vault, External Secrets) would be overwritten by its owner, taking the admin's password with it.
 */
export const adminPasswordRotationRule: KafkaInputRule = ({ spec }) => {
  const rotation = spec.adminPasswordRotation;
  if (rotation === undefined) return [];
  const findings: Finding[] = [];
  const at = 'credentials.adminPasswordRotation';
  const generation = rotation.generation;
  if (typeof generation !== 'number' || !Number.isInteger(generation) || generation < 1 || generation > MAX_PASSWORD_GENERATION) {
    findings.push(inputFinding('admin-password-rotation', `${at}.generation`, `${JSON.stringify(generation)} is not a whole number from 1 to ${MAX_PASSWORD_GENERATION}`,
      'raise it by one for each rotation, starting at 1 (0, the password the cluster was created with, rotates nothing: remove adminPasswordRotation instead)'));
  }
  if (rotation.retirePrevious !== undefined && typeof rotation.retirePrevious !== 'boolean') {
    findings.push(inputFinding('admin-password-rotation', `${at}.retirePrevious`, `${JSON.stringify(rotation.retirePrevious)} is not true or false`, 'set true or false'));
  }
  const admin = spec.adminCredentials.username;
  if (Object.prototype.hasOwnProperty.call(spec.existingSecrets, admin)) {
    findings.push(inputFinding('admin-password-rotation', at, `the admin's Secret comes from credentials.existingSecrets["${admin}"], which the rotation Job cannot own`,
      'rotate it at its source in the same phases (README, "Admin password rotation"), or let the platform create the admin Secret'));
  }
  return findings;
};
