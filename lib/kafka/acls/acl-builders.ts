import { AclOperation, AclPatternType, AclResourceType, KafkaAcl } from '../types';

/**
 * Small builders for the ACLs the platform's own components declare, so each
 * component states its least privilege in a few readable lines.
 */
export const acl = {
  /** Operations on one topic (or every topic with `*`). */
  topic: (name: string, ...operations: AclOperation[]): KafkaAcl => ({ resourceType: AclResourceType.TOPIC, name, operations }),
  /** Operations on every topic whose name starts with `prefix`. */
  topicPrefix: (prefix: string, ...operations: AclOperation[]): KafkaAcl => ({ resourceType: AclResourceType.TOPIC, name: prefix, patternType: AclPatternType.PREFIXED, operations }),
  /** Operations on one consumer group (or every group with `*`). */
  group: (name: string, ...operations: AclOperation[]): KafkaAcl => ({ resourceType: AclResourceType.GROUP, name, operations }),
  /** Operations on every consumer group whose name starts with `prefix`. */
  groupPrefix: (prefix: string, ...operations: AclOperation[]): KafkaAcl => ({ resourceType: AclResourceType.GROUP, name: prefix, patternType: AclPatternType.PREFIXED, operations }),
  /** Operations on every transactional ID whose name starts with `prefix`. */
  transactionalIdPrefix: (prefix: string, ...operations: AclOperation[]): KafkaAcl => ({ resourceType: AclResourceType.TRANSACTIONAL_ID, name: prefix, patternType: AclPatternType.PREFIXED, operations }),
  /** Operations on the cluster itself. */
  cluster: (...operations: AclOperation[]): KafkaAcl => ({ resourceType: AclResourceType.CLUSTER, operations }),
};

/** Read a topic's records, metadata and configs. */
export const TOPIC_READ = [AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS];
/** Read and write a topic's records (idempotent producers need nothing more since Kafka 3.0). */
export const TOPIC_READ_WRITE = [AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS];
/** Join a consumer group and commit its offsets. */
export const GROUP_MEMBER = [AclOperation.READ, AclOperation.DESCRIBE];
