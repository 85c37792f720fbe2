/* eslint-disable @typescript-eslint/no-explicit-any */
import * as crypto from 'crypto';
import { byKind, K8sObject, podTemplate } from './k8s-objects';
import { SecretData } from './local-cluster';

/**
 * The user Secrets the in-cluster bootstrap Job (create-user-secrets.sh) would
 * create, made here instead (it needs kubectl and an API server): for each
 * `user=secret` pair of the Job's KP_USER_SECRETS env var, a Secret with
 * the same keys and formats the script writes: `username`, `password`
 * (`openssl rand -hex 32`: 64 hex characters), `sasl.jaas.config` and `sasl.mechanism`.
 *
 * The Job itself is found in the synthesized objects, so a user the
 * constructs declare is exactly a user the local run gets credentials for.
 */
export function generateUserSecrets(objects: K8sObject[]): { secrets: SecretData; users: Record<string, string> } {
  const secrets: SecretData = {};
  const users: Record<string, string> = {};
  let found = false;
  for (const job of byKind(objects, 'Job')) {
    for (const c of [...(podTemplate(job).spec.initContainers ?? []), ...podTemplate(job).spec.containers]) {
      const spec = (c.env ?? []).find((e: any) => e.name === 'KP_USER_SECRETS')?.value as string | undefined;
      if (!spec) continue;
      found = true;
      for (const pair of spec.trim().split(/\s+/)) {
        const [user, secret] = pair.split('=');
        const password = crypto.randomBytes(32).toString('hex');
        users[user] = secret;
        secrets[secret] = {
          'username': user,
          'password': password,
          'sasl.jaas.config': `org.apache.kafka.common.security.scram.ScramLoginModule required username="${user}" password="${password}";`,
          'sasl.mechanism': 'SCRAM-SHA-512',
        };
      }
    }
  }
  if (!found) throw new Error('no synthesized Job sets KP_USER_SECRETS: cannot tell which user Secrets the cluster expects');
  return { secrets, users };
}
