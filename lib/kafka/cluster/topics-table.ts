import { TopicRequirement } from '../types';

/**
 * The table `apply-topics.sh` reads: one topic per line, tab-separated name,
 * partitions, replication factor, then sorted `key=value` configs.
 */
export function renderTopicsTable(topics: ReadonlyArray<TopicRequirement>): string {
  const lines = ['# name\tpartitions\treplication-factor\tconfig...'];
  for (const t of topics) {
    const configs = Object.keys(t.config ?? {}).sort().map(k => `${k}=${t.config![k]}`);
    lines.push([t.name, String(t.partitions), String(t.replicationFactor), ...configs].join('\t'));
  }
  return lines.join('\n') + '\n';
}
