import type { KafkaClusterProps } from '../model/cluster-props';
import type { KafkaClusterSpec } from '../model/cluster-spec';
import { ExternalListenerOptions, KafkaMetadataMode, KafkaProfile, KafkaUserOptions, TopicPropNames, TopicRequirement } from '../types';

/** Everything a rule needs to judge a cluster, after defaults are applied. */
export interface KafkaRuleContext {
  readonly profile: KafkaProfile;
  readonly metadataMode: KafkaMetadataMode;
  readonly zones: ReadonlyArray<string>;
  readonly brokerCount: number;
  /** KRaft controllers (0 in ZooKeeper mode). */
  readonly controllerCount: number;
  /** ZooKeeper nodes (0 in KRaft mode). */
  readonly zookeeperCount: number;
  /** Broker properties after merging HA defaults with `brokers.config`. */
  readonly brokerConfig: Readonly<Record<string, string>>;
  /** Only the user's overrides (`brokers.config`), to tell managed keys apart. */
  readonly brokerConfigOverrides: Readonly<Record<string, string>>;
  readonly controllerConfigOverrides: Readonly<Record<string, string>>;
  readonly terminationGracePeriodSeconds: number;
  readonly networkPoliciesEnabled: boolean;
  readonly externalListener?: ExternalListenerOptions;
}

/** One broken invariant. */
export interface Finding {
  /** Rule id, e.g. `replication-factor`. */
  readonly ruleId: string;
  /** Dotted prop path, e.g. `brokers.config["min.insync.replicas"]`. */
  readonly prop: string;
  readonly problem: string;
  readonly fix: string;
  /**
   * True when the invariant protects HA only: the DEVELOPMENT profile turns the
   * finding into a warning. False when the cluster could not work at all.
   */
  readonly relaxable: boolean;
  /**
   * The prop through which the user explicitly accepted this risk (e.g.
   * `externalListener.loadBalancer.dangerouslyAllowAnySource`). An accepted
   * finding never fails synth, in any profile; it is printed as a warning instead.
   * @default - not accepted
   */
  readonly acceptedBy?: string;
}

export type KafkaRule = (ctx: KafkaRuleContext) => Finding[];

/** What an input rule judges: the props as the user wrote them, and the spec resolved from them. */
export interface KafkaInputContext {
  readonly props: KafkaClusterProps;
  readonly spec: KafkaClusterSpec;
}

/** Checks the shape of the input (names, quantities, images, ...), before any HA reasoning. */
export type KafkaInputRule = (ctx: KafkaInputContext) => Finding[];

/** What a topic rule judges: one topic, where it was declared, and the cluster it goes to. */
export interface KafkaTopicContext {
  readonly topic: TopicRequirement;
  /** Prop path of the topic in its owner's props, e.g. `topics["orders"]`. */
  readonly prop: string;
  readonly spec: KafkaClusterSpec;
  /** The owner's props for RF and min ISR. @default - `<prop>.replicationFactor` and `<prop>.config["min.insync.replicas"]` */
  readonly propNames?: TopicPropNames;
}

/** Where a finding about a topic's replication factor or min ISR points. */
export function topicProps(ctx: KafkaTopicContext): TopicPropNames {
  return ctx.propNames ?? { replicationFactor: `${ctx.prop}.replicationFactor`, minInsyncReplicas: `${ctx.prop}.config["min.insync.replicas"]` };
}

export type KafkaTopicRule = (ctx: KafkaTopicContext) => Finding[];

/** What a user rule judges: one user's declared ACLs and quotas. */
export interface KafkaUserContext {
  readonly username: string;
  /** Prop path of the user, e.g. `addUser("orders")`. */
  readonly prop: string;
  readonly options: KafkaUserOptions;
}

export type KafkaUserRule = (ctx: KafkaUserContext) => Finding[];

/** A finding that is never relaxed: the input cannot work at all. */
export function inputFinding(ruleId: string, prop: string, problem: string, fix: string): Finding {
  return { ruleId, prop, problem, fix, relaxable: false };
}

export function brokerProp(key: string): string {
  return `brokers.config["${key}"]`;
}

/** Integer value of a broker property, or undefined when unset or not an integer. */
export function intProp(ctx: KafkaRuleContext, key: string): number | undefined {
  const raw = ctx.brokerConfig[key];
  if (raw === undefined || !/^-?\d+$/.test(raw.trim())) return undefined;
  return parseInt(raw.trim(), 10);
}
