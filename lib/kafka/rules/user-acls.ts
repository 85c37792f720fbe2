import { AclOperation, AclPatternType, AclResourceType } from '../types';
import { Finding, inputFinding, KafkaUserRule } from './rule';

/** Operations Kafka defines for each resource type; any other combination is silently meaningless. */
export const ACL_OPERATIONS_BY_RESOURCE: Readonly<Record<AclResourceType, ReadonlyArray<AclOperation>>> = {
  [AclResourceType.TOPIC]: [AclOperation.ALL, AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE, AclOperation.DELETE, AclOperation.ALTER, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS],
  [AclResourceType.GROUP]: [AclOperation.ALL, AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DELETE],
  [AclResourceType.CLUSTER]: [AclOperation.ALL, AclOperation.CREATE, AclOperation.CLUSTER_ACTION, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS, AclOperation.IDEMPOTENT_WRITE, AclOperation.ALTER, AclOperation.DESCRIBE],
  [AclResourceType.TRANSACTIONAL_ID]: [AclOperation.ALL, AclOperation.DESCRIBE, AclOperation.WRITE],
};

/** The only name a CLUSTER resource has. */
export const CLUSTER_RESOURCE_NAME = 'kafka-cluster';

const RESOURCE_NAME = /^[A-Za-z0-9._-]{1,249}$/;
const HOST = /^(\*|[0-9.]{7,15}|[0-9a-fA-F:]{2,39})$/;

/**
 * Every ACL names a real resource type, a usable name, only operations that
 * exist for that type, and a host Kafka matches: an ACL Kafka would accept but
 * never apply is a silent hole in least privilege.
 */
export const userAclsRule: KafkaUserRule = ({ prop, options }) => {
  const findings: Finding[] = [];
  (options.acls ?? []).forEach((acl, i) => {
    const at = `${prop}.acls[${i}]`;
    const add = (sub: string, problem: string, fix: string) => findings.push(inputFinding('user-acls', `${at}${sub}`, problem, fix));
    const allowed = ACL_OPERATIONS_BY_RESOURCE[acl?.resourceType as AclResourceType];
    if (!allowed) {
      add('.resourceType', `${JSON.stringify(acl?.resourceType)} is not a resource type`, `use one of ${Object.values(AclResourceType).join(', ')}`);
      return;
    }
    if (acl.patternType !== undefined && !Object.values(AclPatternType).includes(acl.patternType)) add('.patternType', `${JSON.stringify(acl.patternType)} is not a pattern type`, 'use AclPatternType.LITERAL or AclPatternType.PREFIXED');
    if (acl.resourceType === AclResourceType.CLUSTER) {
      if (acl.name !== undefined && acl.name !== CLUSTER_RESOURCE_NAME) add('.name', `the cluster resource is always named ${CLUSTER_RESOURCE_NAME}, not ${JSON.stringify(acl.name)}`, 'leave name out for the cluster');
      if (acl.patternType === AclPatternType.PREFIXED) add('.patternType', 'the cluster resource cannot be matched by prefix', 'leave patternType out for the cluster');
    } else if (typeof acl.name !== 'string' || !(acl.name === '*' ? acl.patternType !== AclPatternType.PREFIXED : RESOURCE_NAME.test(acl.name))) {
      add('.name', `${JSON.stringify(acl.name)} is not a ${acl.resourceType} name or prefix`, 'use 1-249 characters of a-z A-Z 0-9 . _ -, or "*" (literal) for every resource of the type');
    }
    const operations = Array.isArray(acl.operations) ? acl.operations : [];
    if (operations.length === 0) add('.operations', 'grants nothing', 'list at least one AclOperation');
    for (const op of operations) {
      if (!allowed.includes(op)) add('.operations', `${JSON.stringify(op)} does not apply to a ${acl.resourceType}`, `use ${allowed.join(', ')}`);
    }
    if (acl.permission !== undefined && acl.permission !== 'allow' && acl.permission !== 'deny') add('.permission', `${JSON.stringify(acl.permission)} is neither allow nor deny`, "use 'allow' or 'deny'");
    if (acl.host !== undefined && (typeof acl.host !== 'string' || !HOST.test(acl.host))) add('.host', `${JSON.stringify(acl.host)} is not "*" or an IP address`, 'use "*" or a client IP address (Kafka matches hosts by address)');
  });
  return findings;
};
