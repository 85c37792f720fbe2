import { inputFinding, KafkaInputRule } from './rule';
import { rotationValueFindings } from './user-password-rotation';

/**
 * An admin password rotation needs a generation to rotate to, and a Secret the rotation Job may rewrite: a Secret
 * you supply (Vault, External Secrets) would be overwritten by its owner, taking the admin's password with it.
 */
export const adminPasswordRotationRule: KafkaInputRule = ({ spec }) => {
  const rotation = spec.adminPasswordRotation;
  if (rotation === undefined) return [];
  const at = 'credentials.adminPasswordRotation';
  const findings = rotationValueFindings('admin-password-rotation', at, rotation, 1,
    'raise it by one for each rotation, starting at 1 (0, the password the cluster was created with, rotates nothing: remove adminPasswordRotation instead)');
  const admin = spec.adminCredentials.username;
  if (Object.prototype.hasOwnProperty.call(spec.existingSecrets, admin)) {
    findings.push(inputFinding('admin-password-rotation', at, `the admin's Secret comes from credentials.existingSecrets["${admin}"], which the rotation Job cannot own`,
      'rotate it at its source in the same phases (README, "Admin password rotation"), or let the platform create the admin Secret'));
  }
  return findings;
};
