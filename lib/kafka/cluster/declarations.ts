import { KafkaPlatformValidationError } from '../../errors';
import { enforceFindings, runTopicRulePack, runUserRulePack, userNameProblem } from '../rules';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { KafkaPasswordRotation, KafkaUserCredentials, KafkaUserOptions, KafkaUserQuotas, TopicPropNames, TopicRequirement } from '../types';
import { aclEntries, AclEntry } from './acl-entries';

/** A declared user: where its credentials live, and what it may do. */
export interface DeclaredUser {
  readonly credentials: KafkaUserCredentials;
  /** One entry per operation, sorted, without duplicates. */
  readonly acls: AclEntry[];
  readonly quotas?: KafkaUserQuotas;
  /** Declared only for users that rotate their password. */
  readonly passwordRotation?: KafkaPasswordRotation;
}

/**
 * The users and topics declared for a cluster, from its props or later
 * (`addUser`, `addTopic`, `KafkaTopic`, ecosystem components). Each is
 * validated when declared; the admin Jobs read the registry when the chart
 * is synthesized, so late declarations are never lost.
 */
export class ClusterDeclarations {
  private readonly users = new Map<string, { credentials: KafkaUserCredentials; acls: Map<string, AclEntry>; quotas?: KafkaUserQuotas; passwordRotation?: KafkaPasswordRotation; fixedScramMechanism?: boolean }>();
  private readonly topics = new Map<string, TopicRequirement>();
  private readonly clientNamespaces = new Set<string>();
  private readonly tenantPrefixes = new Map<string, string>();
  private sealedBy?: string;
  private rotationListener?: () => void;
  private rotationDeclared = false;

  constructor(private readonly spec: KafkaClusterSpec, private readonly constructPath: string) {}

  public addUser(username: string, options: KafkaUserOptions = {}): KafkaUserCredentials {
    const prop = `addUser("${username}")`;
    this.assertOpen(prop);
    const problem = userNameProblem(username);
    if (problem) throw new KafkaPlatformValidationError(this.constructPath, prop, problem.problem, problem.fix);
    if (username === this.spec.adminCredentials.username || username === this.spec.adminAlternateUsername) {
      throw new KafkaPlatformValidationError(this.constructPath, prop, `is ${username === this.spec.adminCredentials.username ? 'the inter-broker admin user' : 'the admin\'s second identity (a super user, used by admin password rotations)'}, which has full control of the cluster`, 'use a separate user per component');
    }
    enforceFindings(this.constructPath, this.spec.profile, runUserRulePack({ username, prop, options }));
    let user = this.users.get(username);
    if (!user) {
      user = { credentials: this.spec.credentialsFor(username), acls: new Map() };
      this.users.set(username, user);
    }
    if (options.quotas !== undefined) {
      if (user.quotas !== undefined && JSON.stringify(sortedQuotas(user.quotas)) !== JSON.stringify(sortedQuotas(options.quotas))) {
        throw new KafkaPlatformValidationError(this.constructPath, `${prop}.quotas`, 'differ from the quotas declared for this user before', 'declare a user\'s quotas once');
      }
      user.quotas = { ...options.quotas };
    }
    if (options.fixedScramMechanism === true) user.fixedScramMechanism = true;
    if (user.fixedScramMechanism && (options.passwordRotation ?? user.passwordRotation) !== undefined) {
      throw new KafkaPlatformValidationError(this.constructPath, `${prop}.passwordRotation`,
        `rotates ${username}, whose client always logs in with SCRAM-SHA-512 (a platform component's user, or declared with fixedScramMechanism); the rotation moves the password to SCRAM-SHA-256, which would lock that client out at its next restart`,
        'do not rotate this user with passwordRotation; see the README ("Password rotation", Limits) for rotating a component\'s password');
    }
    if (options.passwordRotation !== undefined) this.declareRotation(prop, username, user, options.passwordRotation);
    for (const entry of aclEntries(username, options.acls ?? [])) user.acls.set(entry.key, entry);
    return user.credentials;
  }

  private declareRotation(prop: string, username: string, user: { passwordRotation?: KafkaPasswordRotation }, rotation: KafkaPasswordRotation): void {
    const at = `${prop}.passwordRotation`;
    if (this.spec.existingSecrets[username] !== undefined) {
      // The Job writes the new password into the Secret; a Secret someone else owns would be overwritten by its owner.
      throw new KafkaPlatformValidationError(this.constructPath, at, `rotates a password kept in the Secret ${this.spec.existingSecrets[username]} you supply (credentials.existingSecrets), which the rotation Job must not rewrite`,
        'remove the existingSecrets entry so the cluster owns the Secret, or rotate it yourself as the README describes ("Password rotation", own Secrets)');
    }
    const canonical = (r: KafkaPasswordRotation) => JSON.stringify([r.generation, r.retirePrevious === true]);
    if (user.passwordRotation !== undefined && canonical(user.passwordRotation) !== canonical(rotation)) {
      throw new KafkaPlatformValidationError(this.constructPath, at, 'differs from the rotation declared for this user before', 'declare a user\'s password rotation once');
    }
    user.passwordRotation = { generation: rotation.generation, ...(rotation.retirePrevious === true ? { retirePrevious: true } : {}) };
    if (!this.rotationDeclared) {
      this.rotationDeclared = true;
      this.rotationListener?.();
    }
  }

  /**
   * Calls `listener` once, when the first user declares a password rotation
   * (now, if one already has): the rotation Job exists only for clusters that rotate.
   */
  public whenRotationDeclared(listener: () => void): void {
    this.rotationListener = listener;
    if (this.rotationDeclared) listener();
  }

  /** Users declared so far with their ACLs and quotas, sorted by name (the admin user is not included). */
  public get declaredUserDetails(): DeclaredUser[] {
    return [...this.users.keys()].sort().map(k => {
      const u = this.users.get(k)!;
      return {
        credentials: u.credentials, acls: [...u.acls.values()].sort((a, b) => a.key.localeCompare(b.key)),
        ...(u.quotas ? { quotas: u.quotas } : {}), ...(u.passwordRotation ? { passwordRotation: u.passwordRotation } : {}),
      };
    });
  }

  /** Checks a topic against the topic rule pack; throws one error naming every problem. */
  public validateTopic(ownerPath: string, prop: string, topic: TopicRequirement, propNames?: TopicPropNames): void {
    enforceFindings(ownerPath, this.spec.profile, runTopicRulePack({ topic, prop, spec: this.spec, propNames }));
  }

  public addTopic(topic: TopicRequirement): void {
    const prop = `topics["${topic.name}"]`;
    this.assertOpen(prop);
    this.validateTopic(this.constructPath, prop, topic);
    const existing = this.topics.get(topic.name);
    if (existing) {
      if (canonicalTopic(existing) !== canonicalTopic(topic)) {
        throw new KafkaPlatformValidationError(this.constructPath, prop, 'is declared twice with different settings', 'declare each topic once, or make both declarations identical');
      }
      return;
    }
    // Kafka refuses a topic whose name equals another's once '.' and '_' are equated (their metric names would clash).
    const clash = [...this.topics.keys()].find(name => name.replace(/\./g, '_') === topic.name.replace(/\./g, '_'));
    if (clash !== undefined) throw new KafkaPlatformValidationError(this.constructPath, prop, `collides with topic "${clash}": Kafka treats "." and "_" alike in topic names`, 'rename one of the two topics');
    this.topics.set(topic.name, { ...topic, config: topic.config ? { ...topic.config } : undefined });
  }

  /** Lets every pod of `namespace` reach the client listener (a tenant's namespace). */
  public allowClientNamespace(namespace: string): void {
    this.assertOpen(`clientNamespace "${namespace}"`);
    this.clientNamespaces.add(namespace);
  }

  /** Namespaces allowed to reach the client listener, sorted. */
  public get allowedClientNamespaces(): string[] {
    return [...this.clientNamespaces].sort();
  }

  /**
   * Claims a topic/group prefix for a tenant. Two tenants whose prefixes
   * overlap could read each other's topics through their prefixed ACLs.
   */
  public claimTenantPrefix(ownerPath: string, tenant: string, prefix: string): void {
    for (const [other, otherPrefix] of this.tenantPrefixes) {
      if (prefix.startsWith(otherPrefix) || otherPrefix.startsWith(prefix)) {
        throw new KafkaPlatformValidationError(ownerPath, 'prefix', `"${prefix}" overlaps the prefix "${otherPrefix}" of tenant ${other}, so each could reach the other's topics`, 'give every tenant a prefix that is not a prefix of another one (e.g. "team-a." and "team-b.")');
      }
    }
    this.tenantPrefixes.set(tenant, prefix);
  }

  /** Topics declared so far, sorted by name. */
  public get declaredTopics(): TopicRequirement[] {
    return [...this.topics.keys()].sort().map(k => this.topics.get(k)!);
  }

  /** Users declared so far, sorted by name (the admin user is not included). */
  public get declaredUsers(): KafkaUserCredentials[] {
    return [...this.users.keys()].sort().map(k => this.users.get(k)!.credentials);
  }

  /**
   * After the objects have been handed on (a platform rendered its stacks), a
   * declaration could no longer reach them: refuse it loudly instead.
   */
  public seal(by: string): void {
    this.sealedBy ??= by;
  }

  private assertOpen(prop: string): void {
    if (this.sealedBy === undefined) return;
    throw new KafkaPlatformValidationError(this.constructPath, prop, `was declared after ${this.sealedBy} rendered the cluster's Kubernetes objects, so it would be missing from them`, 'declare users and topics before the app synthesizes (anywhere in your program before app.synth())');
  }
}

function canonicalTopic(t: TopicRequirement): string {
  const config = t.config ?? {};
  return JSON.stringify([t.name, t.partitions, t.replicationFactor, Object.keys(config).sort().map(k => [k, config[k]])]);
}

function sortedQuotas(q: KafkaUserQuotas): Array<[string, unknown]> {
  return Object.entries(q).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
}

