import { CLUSTER_RESOURCE_NAME } from '../rules';
import { AclPatternType, AclResourceType, KafkaAcl } from '../types';

/**
 * One ACL binding the way `kafka-acls.sh --list` prints it (upper-case enum
 * names), so the users Job can compare what the cluster has with what the
 * program declares, line by line.
 */
export interface AclEntry {
  readonly principal: string;
  /** TOPIC, GROUP, CLUSTER, TRANSACTIONAL_ID */
  readonly resourceType: string;
  /** LITERAL, PREFIXED */
  readonly patternType: string;
  readonly name: string;
  /** READ, DESCRIBE_CONFIGS, ... */
  readonly operation: string;
  /** ALLOW, DENY */
  readonly permission: string;
  readonly host: string;
  /** The tab-separated table line, also the identity of the entry. */
  readonly key: string;
}

/** Expands a user's ACLs into one entry per operation (Kafka stores them that way). */
export function aclEntries(username: string, acls: ReadonlyArray<KafkaAcl>): AclEntry[] {
  return acls.flatMap(acl => acl.operations.map(op => {
    const fields = {
      principal: `User:${username}`,
      resourceType: acl.resourceType.toUpperCase().replace(/-/g, '_'),
      patternType: acl.resourceType === AclResourceType.CLUSTER ? 'LITERAL' : (acl.patternType ?? AclPatternType.LITERAL).toUpperCase(),
      name: acl.resourceType === AclResourceType.CLUSTER ? CLUSTER_RESOURCE_NAME : acl.name!,
      operation: op.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(),
      permission: (acl.permission ?? 'allow').toUpperCase(),
      host: acl.host ?? '*',
    };
    return { ...fields, key: [fields.principal, fields.resourceType, fields.patternType, fields.name, fields.operation, fields.permission, fields.host].join('\t') };
  }));
}

/** The ACL table the users Job converges to: one entry per line, sorted. */
export function renderAclTable(entries: ReadonlyArray<AclEntry>): string {
  return ['# principal\tresource-type\tpattern-type\tname\toperation\tpermission\thost', ...entries.map(e => e.key).sort()].join('\n') + '\n';
}
