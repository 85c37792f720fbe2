import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { acl } from '../acls/acl-builders';
import { isDnsLabel } from '../k8s/name-syntax';
import { AclOperation, KafkaAcl, KafkaPasswordRotation, KafkaUserCredentials, KafkaUserQuotas, TopicRequirement } from '../types';
import { KafkaCluster } from './kafka-cluster';

/** One user of a tenant. */
export interface KafkaTenantUser {
  /** Kafka user name (also its Secret's suffix). */
  readonly name: string;
  /** Only read and describe under the prefix. @default false */
  readonly readOnly?: boolean;
  /** @default - no quotas */
  readonly quotas?: KafkaUserQuotas;
  /** @default - never rotated (see KafkaUserOptions.passwordRotation) */
  readonly passwordRotation?: KafkaPasswordRotation;
}

export interface KafkaTenantProps {
  readonly cluster: KafkaCluster;
  /** Tenant name, a DNS label (e.g. `payments`). */
  readonly name: string;
  /** Prefix of the tenant's topics, consumer groups and transactional IDs. @default `<name>.` */
  readonly prefix?: string;
  /** The tenant's users; each gets prefixed ACLs and nothing outside the prefix. */
  readonly users: KafkaTenantUser[];
  /** Namespace whose every pod may reach the client listener (the tenant's applications). @default - none (clients need the cluster's client label) */
  readonly clientNamespace?: string;
  /** Topics created for the tenant; each must sit under the prefix. @default [] */
  readonly topics?: TopicRequirement[];
  /**
   * Lets the tenant's (non-read-only) users create topics under its prefix at
   * run time. Such topics bypass the synth-time checks (replication factor,
   * min ISR): only the broker defaults protect them.
   * @default false
   */
  readonly allowTopicCreation?: boolean;
}

const PREFIX = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}[._-]$/;

/**
 * A team on a shared cluster: a prefix for its topics, groups and
 * transactional IDs, users with ACLs on that prefix only (and quotas), the
 * namespace its clients run in, and its topics. Two tenants cannot reach each
 * other's topics: their prefixes may not overlap, and no ACL leaves the prefix.
 */
export class KafkaTenant extends Construct {
  public readonly prefix: string;
  /** Credentials by user name. */
  public readonly users: Readonly<Record<string, KafkaUserCredentials>>;

  constructor(scope: Construct, id: string, props: KafkaTenantProps) {
    super(scope, id);
    const path = this.node.path;
    const fail = (prop: string, problem: string, fix: string): never => { throw new KafkaPlatformValidationError(path, prop, problem, fix); };
    if (!isDnsLabel(props.name, 40)) fail('name', `${JSON.stringify(props.name)} is not a DNS label of at most 40 characters`, 'use lower-case letters, digits and dashes, e.g. "payments"');
    this.prefix = props.prefix ?? `${props.name}.`;
    if (!PREFIX.test(this.prefix)) fail('prefix', `${JSON.stringify(this.prefix)} is not a topic prefix ending in ".", "_" or "-"`, 'use e.g. "payments." (a separator at the end keeps "pay" from matching "payments")');
    if (!Array.isArray(props.users) || props.users.length === 0) fail('users', 'a tenant without users cannot use its prefix', 'declare at least one user');
    if (props.clientNamespace !== undefined && !isDnsLabel(props.clientNamespace)) fail('clientNamespace', `${JSON.stringify(props.clientNamespace)} is not a namespace name`, 'use the namespace the tenant\'s applications run in');

    const registry = props.cluster.declarationRegistry;
    registry.claimTenantPrefix(path, props.name, this.prefix);
    const users: Record<string, KafkaUserCredentials> = {};
    props.users.forEach((user, i) => {
      if (typeof user?.name !== 'string') fail(`users[${i}].name`, 'is missing', 'give every tenant user a name');
      users[user.name] = props.cluster.addUser(user.name, { acls: this.aclsFor(user, props.allowTopicCreation ?? false), ...(user.quotas ? { quotas: user.quotas } : {}), ...(user.passwordRotation ? { passwordRotation: user.passwordRotation } : {}) });
    });
    this.users = users;
    (props.topics ?? []).forEach((topic, i) => {
      if (typeof topic?.name !== 'string' || !topic.name.startsWith(this.prefix)) fail(`topics[${i}].name`, `${JSON.stringify(topic?.name)} is outside the tenant's prefix "${this.prefix}"`, `name it "${this.prefix}<topic>"`);
      props.cluster.validateTopic(path, `topics[${i}]`, topic);
      props.cluster.addTopic(topic);
    });
    if (props.clientNamespace !== undefined) registry.allowClientNamespace(props.clientNamespace);
  }

  private aclsFor(user: KafkaTenantUser, allowTopicCreation: boolean): KafkaAcl[] {
    if (user.readOnly) {
      return [
        acl.topicPrefix(this.prefix, AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS),
        acl.groupPrefix(this.prefix, AclOperation.READ, AclOperation.DESCRIBE),
      ];
    }
    return [
      acl.topicPrefix(this.prefix, AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS, ...(allowTopicCreation ? [AclOperation.CREATE] : [])),
      acl.groupPrefix(this.prefix, AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DELETE),
      acl.transactionalIdPrefix(this.prefix, AclOperation.WRITE, AclOperation.DESCRIBE),
    ];
  }
}
