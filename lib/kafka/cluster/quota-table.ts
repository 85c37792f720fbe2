import { QUOTA_KEYS } from '../rules';
import { KafkaUserQuotas } from '../types';
import { DeclaredUser } from './declarations';

/**
 * The quota table the users Job converges to: one line per managed user, its
 * user name then sorted `key=value` quota configs. A user without quotas has
 * a line too, so quotas removed from the program are removed from the cluster.
 */
export function renderQuotaTable(users: ReadonlyArray<DeclaredUser>): string {
  const lines = ['# user\tquota-config...'];
  for (const u of users) lines.push([u.credentials.username, ...quotaConfigs(u.quotas ?? {})].join('\t'));
  return lines.join('\n') + '\n';
}

function quotaConfigs(quotas: KafkaUserQuotas): string[] {
  return (Object.keys(QUOTA_KEYS) as Array<keyof KafkaUserQuotas>)
    .filter(field => quotas[field] !== undefined)
    .map(field => `${QUOTA_KEYS[field].key}=${quotas[field]}`)
    .sort();
}
