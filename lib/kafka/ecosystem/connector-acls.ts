import { KafkaPlatformValidationError } from '../../errors';
import { acl, GROUP_MEMBER, TOPIC_READ } from '../acls/acl-builders';
import { AclOperation, KafkaAcl } from '../types';

/** Topics a connector reads or writes, when its config does not name them in a standard key. */
export interface ConnectorTopicAccess {
  /** Topics a sink reads. @default [] */
  readonly read?: string[];
  /** Topic prefixes a sink reads. @default [] */
  readonly readPrefixes?: string[];
  /** Topics a source writes. @default [] */
  readonly write?: string[];
  /** Topic prefixes a source writes (and Connect may create). @default [] */
  readonly writePrefixes?: string[];
}

const WRITE = [AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS];

/**
 * The ACLs the Connect workers need to run one connector: the topics its
 * config names (`topics` for sinks, `topic` and `topic.prefix` for sources),
 * plus any declared `topicAccess`, and a sink's consumer group
 * `connect-<name>`. Nothing else: a connector cannot reach another team's topics.
 */
export function connectorAcls(ownerPath: string, name: string, config: Record<string, string>, access: ConnectorTopicAccess = {}): KafkaAcl[] {
  const list = (value: string | undefined) => (value ?? '').split(',').map(t => t.trim()).filter(t => t.length > 0);
  const read = [...list(config.topics), ...(access.read ?? [])];
  const readPrefixes = access.readPrefixes ?? [];
  if (config['topics.regex'] !== undefined && read.length === 0 && readPrefixes.length === 0) {
    throw new KafkaPlatformValidationError(ownerPath, 'config["topics.regex"]', 'a regex cannot be turned into ACLs, so the workers could read no topic', 'list the topics in topicAccess.read or their prefixes in topicAccess.readPrefixes');
  }
  const write = [...list(config.topic), ...(access.write ?? [])];
  const writePrefixes = [...list(config['topic.prefix']), ...(access.writePrefixes ?? [])];
  const sink = read.length > 0 || readPrefixes.length > 0;
  return [
    ...read.map(t => acl.topic(t, ...TOPIC_READ)),
    ...readPrefixes.map(p => acl.topicPrefix(p, ...TOPIC_READ)),
    ...write.map(t => acl.topic(t, ...WRITE)),
    ...writePrefixes.map(p => acl.topicPrefix(p, ...WRITE, AclOperation.CREATE)),
    ...(sink ? [acl.group(`connect-${name}`, ...GROUP_MEMBER)] : []),
  ];
}
