import * as fs from 'fs';
import * as path from 'path';

/**
 * The shell scripts the constructs put into ConfigMaps. They live as plain
 * `.sh` files next to this module so that shellcheck and tests run on exactly
 * what is shipped (the compile task copies them to dist/).
 */
export type KafkaScriptName =
  | 'kafka-start.sh'
  | 'kafka-ready.sh'
  | 'zookeeper-start.sh'
  | 'zookeeper-ready.sh'
  | 'create-user-secrets.sh'
  | 'create-node-tls.sh'
  | 'kafka-admin-lib.sh'
  | 'upsert-scram-users.sh'
  | 'apply-acls.sh'
  | 'apply-topics.sh'
  | 'roll-cluster.sh'
  | 'roll-lease.sh'
  | 'scale-brokers.sh'
  | 'plan-replica-moves.sh'
  | 'apply-dynamic-configs.sh'
  | 'apply-metadata-version.sh'
  | 'rotate-passwords.sh'
  | 'rotate-admin-password.sh'
  | 'credential-lib.sh'
  | 'grow-volumes.sh';

export const KAFKA_SCRIPT_NAMES: ReadonlyArray<KafkaScriptName> = [
  'kafka-start.sh', 'kafka-ready.sh', 'zookeeper-start.sh', 'zookeeper-ready.sh',
  'create-user-secrets.sh', 'create-node-tls.sh', 'kafka-admin-lib.sh', 'upsert-scram-users.sh', 'apply-acls.sh', 'apply-topics.sh',
  'roll-cluster.sh', 'roll-lease.sh', 'scale-brokers.sh', 'plan-replica-moves.sh', 'apply-dynamic-configs.sh', 'apply-metadata-version.sh', 'rotate-passwords.sh', 'grow-volumes.sh',
  'rotate-admin-password.sh', 'credential-lib.sh',
];

const cache = new Map<KafkaScriptName, string>();

/** Contents of a generated script. */
export function kafkaScript(name: KafkaScriptName): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = fs.readFileSync(path.join(__dirname, name), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Absolute path of a script in this package (for tests and harnesses that run them directly). */
export function kafkaScriptPath(name: KafkaScriptName): string {
  return path.join(__dirname, name);
}
