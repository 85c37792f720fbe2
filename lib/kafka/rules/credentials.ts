import { Finding, inputFinding, KafkaInputRule } from './rule';

const SECRET_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
export const USER_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Why a SCRAM user name is refused, or undefined: it ends up in Secret names, JAAS strings and kafka-configs arguments. */
export function userNameProblem(name: string): { problem: string; fix: string } | undefined {
  if (USER_NAME.test(name) && name.length <= 40) return undefined;
  return { problem: `${JSON.stringify(name)} is not a valid user name`, fix: 'use lower-case letters, digits, dots and dashes (at most 40), e.g. "schema-registry"' };
}

/**
 * The admin user's name is usable, existing Secrets have valid names, and
 * without the bootstrap Job every user has a Secret: the brokers would
 * otherwise wait forever for credentials nobody creates.
 */
export const credentialsRule: KafkaInputRule = ({ spec }) => {
  const findings: Finding[] = [];
  for (const [user, secret] of Object.entries(spec.existingSecrets)) {
    if (!SECRET_NAME.test(secret)) findings.push(inputFinding('credentials', `credentials.existingSecrets["${user}"]`, `${JSON.stringify(secret)} is not a valid Secret name`, 'use the name of an existing Secret in the namespace'));
  }
  const admin = userNameProblem(spec.adminCredentials.username);
  if (admin) findings.push(inputFinding('credentials', 'credentials.adminUsername', admin.problem, admin.fix));
  if (!spec.createMissingSecrets && !Object.prototype.hasOwnProperty.call(spec.existingSecrets, spec.adminCredentials.username)) {
    findings.push(inputFinding('credentials', 'credentials.existingSecrets', `no Secret given for ${spec.adminCredentials.username} while createMissingSecrets is false`, 'add existingSecrets entries for these users, or leave createMissingSecrets on'));
  }
  return findings;
};
