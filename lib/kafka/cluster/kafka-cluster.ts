import { Construct } from 'constructs';
import { KAFKA_PORTS } from '../constants';
import { enforceFindings, Finding, KafkaRuleContext, runInputRulePack, runRulePack } from '../rules';
import { LABEL_KEY_PREFIX } from '../model/cluster-naming';
import { KafkaClusterProps } from '../model/cluster-props';
import { KAFKA_CLUSTER_PROPS_SHAPE } from '../model/cluster-props-shape';
import { assertShape } from '../k8s/prop-shape';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { InternalTlsSpec } from '../model/internal-tls';
import { KafkaClientConfig, kafkaClientConfig } from './client-config';
import { resolveKafkaClusterSpec } from '../model/resolve-spec';
import { DEFAULT_KUBECTL_IMAGE } from '../model/rolling-restart-options';
import {
  ControllerTlsListener, ExternalEndpoint, IKafkaCluster, KafkaMetadataMode, KafkaProfile, KafkaUserCredentials, KafkaUserOptions, TopicPropNames, TopicRequirement,
} from '../types';
import { AdminJobs } from './admin-jobs';
import { BrokerScaling } from './broker-scaling';
import { ClusterServices } from './cluster-services';
import { ClusterDeclarations } from './declarations';
import { ClusterDisruptionBudgets } from './disruption-budgets';
import { DynamicConfigJob } from './dynamic-config-job';
import { ExternalListener } from './external-listener';
import { MetadataVersionJob } from './metadata-version-job';
import { ClusterNetworkPolicies } from './network-policies';
import { NodeCertificates } from './node-certificates';
import { AdminPasswordRotation } from './admin-password-rotation';
import { CertificateRoll } from './certificate-roll';
import { KafkaNodePool } from './node-pool';
import { RollingRestart } from './rolling-restart';
import { addSynthWarning } from './synth-warnings';
import { VolumeGrowth, volumeGrowthTargets } from './volume-growth';
import { ZooKeeperEnsemble } from './zookeeper-ensemble';

/**
 * A highly available Kafka cluster (KRaft by default) for any Kubernetes
 * cluster: brokers and controllers spread over zones, SCRAM authentication,
 * topics, NetworkPolicies and PodDisruptionBudgets. The props are resolved
 * into one spec, checked against the rule packs (every problem named at
 * once), then handed to small parts that each build one concern.
 */
export class KafkaCluster extends Construct implements IKafkaCluster {
  /** Everything resolved from the props; what every part reads. */
  public readonly spec: KafkaClusterSpec;
  public readonly constructPath: string;
  public readonly clusterName: string;
  public readonly namespace: string;
  public readonly metadataMode: KafkaMetadataMode;
  public readonly profile: KafkaProfile;
  public readonly zones: string[];
  public readonly brokerCount: number;
  public readonly defaultReplicationFactor: number;
  public readonly minInsyncReplicas: number;
  public readonly internalBootstrapServers: string;
  /** `SASL_SSL`, or `SASL_PLAINTEXT` with `tls.dangerouslyUsePlaintextInternalListeners`. */
  public readonly internalSecurityProtocol: 'SASL_SSL' | 'SASL_PLAINTEXT';
  public readonly saslMechanism = 'SCRAM-SHA-512';
  public readonly externalBootstrapServers?: string;
  public readonly externalEndpoints: ExternalEndpoint[];
  public readonly brokerSelector: Record<string, string>;
  public readonly metadataQuorumSelector: Record<string, string>;
  public readonly clientAccessLabel: { readonly key: string; readonly value: string };
  public readonly metricsPort: number = KAFKA_PORTS.metrics;
  public readonly metricsPath = '/metrics';
  /** KRaft controllers, or ZooKeeper nodes in ZooKeeper mode. */
  public readonly metadataQuorumSize: number;
  /** Where the metrics scraper the NetworkPolicies admit to the metrics port lives (`networkPolicy.monitoringNamespace` / `monitoringPodSelector`). */
  public readonly metricsScraper: { readonly namespace: string; readonly podLabels?: Record<string, string> };
  /** KRaft with TLS: the controller listener's port, TLS server name and the label its NetworkPolicy admits a certificate probe with. */
  public readonly controllerTlsListener?: ControllerTlsListener;
  /** KRaft cluster ID (derived from namespace and cluster name); undefined in ZooKeeper mode. */
  public readonly kraftClusterId?: string;
  /** Number of KRaft controllers (0 in ZooKeeper mode). */
  public readonly controllerCount: number;
  /** Number of ZooKeeper nodes (0 in KRaft mode). */
  public readonly zookeeperCount: number;
  /** Effective broker properties (HA defaults merged with `brokers.config`). */
  public readonly brokerConfig: Readonly<Record<string, string>>;
  /** The inter-broker/admin SCRAM user; its Secret is what the topic and user Jobs use. */
  public readonly adminCredentials: KafkaUserCredentials;
  /** Broker node IDs, in zone order then pod ordinal. */
  public readonly brokerNodeIds: number[];
  /** `id@host:port,...` for controller.quorum.voters (empty in ZooKeeper mode). */
  public readonly controllerQuorumVoters: string;
  /** `host:port,...` for zookeeper.connect (empty in KRaft mode). */
  public readonly zookeeperConnect: string;

  private readonly declarations: ClusterDeclarations;

  constructor(scope: Construct, id: string, props: KafkaClusterProps) {
    super(scope, id);
    // Before anything reads them: JavaScript callers' nulls and wrong types get an error naming the prop, not a TypeError.
    assertShape(this.node.path, props, KAFKA_CLUSTER_PROPS_SHAPE);
    const spec = resolveKafkaClusterSpec(props);
    this.spec = spec;
    this.constructPath = this.node.path;
    const findings = [...runInputRulePack({ props, spec }), ...runRulePack(haRuleContext(props, spec))];
    const verdict = enforceFindings(this.constructPath, spec.profile, findings);

    this.clusterName = spec.clusterName;
    this.namespace = spec.namespace;
    this.metadataMode = spec.metadataMode;
    this.profile = spec.profile;
    this.zones = spec.zones;
    this.brokerCount = spec.brokers.total;
    this.defaultReplicationFactor = spec.defaultReplicationFactor;
    this.minInsyncReplicas = spec.minInsyncReplicas;
    this.internalBootstrapServers = spec.internalBootstrapServers;
    this.internalSecurityProtocol = spec.tls.internalProtocol;
    this.externalBootstrapServers = spec.externalListener?.bootstrapServers;
    this.externalEndpoints = spec.externalListener?.endpoints ?? [];
    this.brokerSelector = spec.brokerSelector;
    this.metadataQuorumSelector = spec.metadataQuorumSelector;
    this.clientAccessLabel = spec.clientAccessLabel;
    this.metadataQuorumSize = spec.metadataQuorumSize;
    this.metricsScraper = spec.metricsScraper;
    this.controllerTlsListener = spec.controllerTlsListener;
    this.kraftClusterId = spec.kraftClusterId;
    this.controllerCount = spec.controllerCount;
    this.zookeeperCount = spec.zookeeperCount;
    this.brokerConfig = spec.brokerConfig;
    this.adminCredentials = spec.adminCredentials;
    this.brokerNodeIds = spec.brokerNodeIds;
    this.controllerQuorumVoters = spec.controllerQuorumVoters;
    this.zookeeperConnect = spec.zookeeperConnect;

    const relaxedProps = [...new Set(verdict.relaxed.map(f => f.prop))];
    if (verdict.relaxed.length > 0) addSynthWarning(this, relaxedWarning(verdict.relaxed));
    if (verdict.accepted.length > 0) addSynthWarning(this, acceptedWarning(verdict.accepted));
    const quorumWarning = unpinnedQuorumWarning(spec);
    if (quorumWarning) addSynthWarning(this, quorumWarning);
    // GitOps users read the YAML, not the synth log: a relaxed (DEVELOPMENT) cluster says so on its StatefulSets.
    const haAnnotations: Record<string, string> = relaxedProps.length === 0 ? {} : {
      [`${LABEL_KEY_PREFIX}/ha-warning`]: `NOT highly available: profile DEVELOPMENT relaxes ${relaxedProps.join(', ')}`,
    };

    this.declarations = new ClusterDeclarations(spec, this.constructPath);
    new ClusterServices(this, 'services', spec);
    const controllers = spec.controllers ? new KafkaNodePool(this, 'controllers', { spec, pool: spec.controllers, statefulSetAnnotations: haAnnotations }) : undefined;
    if (spec.zookeeper) new ZooKeeperEnsemble(this, 'zookeeper', { spec, zookeeper: spec.zookeeper, statefulSetAnnotations: haAnnotations });
    const brokers = new KafkaNodePool(this, 'brokers', { spec, pool: spec.brokers, statefulSetAnnotations: haAnnotations });
    new BrokerScaling(this, 'broker-scaling', { spec, options: props.scaling });
    new RollingRestart(this, 'rolling-restart', { spec, brokers: brokers.rollPool, controllers: controllers?.rollPool, options: props.rollingRestart });
    if (spec.adminPasswordRotation) {
      new AdminPasswordRotation(this, 'admin-password-rotation', { spec, brokers: brokers.rollPool, controllers: controllers?.rollPool, options: props.rollingRestart });
    }
    if (volumeGrowthTargets(spec).length > 0) {
      new VolumeGrowth(this, 'volume-growth', { spec, kubectlImage: props.rollingRestart?.kubectlImage ?? DEFAULT_KUBECTL_IMAGE });
    }
    new ClusterDisruptionBudgets(this, 'disruption-budgets', spec);
    if (spec.externalListener) {
      const risks = verdict.accepted.filter(f => f.prop.startsWith('externalListener.')).map(f => `${f.problem} (accepted by ${f.acceptedBy})`);
      new ExternalListener(this, 'external-listener', { spec, listener: spec.externalListener, acceptedRisks: risks });
    }
    if (spec.networkPoliciesEnabled) new ClusterNetworkPolicies(this, 'network-policies', spec, () => this.declarations.allowedClientNamespaces);
    new AdminJobs(this, 'admin-jobs', { spec, declarations: this.declarations, kubectlImage: props.rollingRestart?.kubectlImage ?? DEFAULT_KUBECTL_IMAGE });
    new DynamicConfigJob(this, 'dynamic-config', spec);
    if (spec.kraft && spec.metadataVersion !== undefined) new MetadataVersionJob(this, 'metadata-version', spec, spec.metadataVersion);
    // Last, so existing GitOps file names keep their numbers; pods wait for the node Secret whatever the order.
    if (spec.tls.enabled) {
      new NodeCertificates(this, 'node-certificates', spec);
    } else {
      addSynthWarning(this, 'tls.dangerouslyUsePlaintextInternalListeners is set: the controller, replication and in-cluster client listeners '
        + 'are SASL_PLAINTEXT, so anyone who can read pod-network traffic (cross-zone links included) reads every record and the '
        + 'controller listener\'s admin password. Remove it to get TLS on every listener.');
    }

    if (spec.tls.enabled || spec.externalListener) {
      new CertificateRoll(this, 'certificate-roll', { spec, brokers: brokers.rollPool, controllers: controllers?.rollPool, options: props.rollingRestart });
    }

    for (const topic of spec.initialTopics) this.addTopic(topic);
  }

  /**
   * Declares a SCRAM user (created idempotently in the cluster) with its ACLs
   * and quotas, and returns where its credentials live. The users Job
   * converges the cluster to the declared ACLs and quotas of every user it
   * manages; declaring a user again adds ACLs.
   */
  public addUser(username: string, options?: KafkaUserOptions): KafkaUserCredentials {
    return this.declarations.addUser(username, options);
  }

  /** Checks a topic against the topic rule pack; throws one KafkaPlatformValidationError naming `ownerPath`, `prop` and every problem. */
  public validateTopic(ownerPath: string, prop: string, topic: TopicRequirement, propNames?: TopicPropNames): void {
    this.declarations.validateTopic(ownerPath, prop, topic, propNames);
  }

  /** Declares a topic to be created idempotently in the cluster. Validates it first. */
  public addTopic(topic: TopicRequirement): void {
    this.declarations.addTopic(topic);
  }

  /** TLS of the internal listener as clients see it (`spec.tls`): the CA bundle ConfigMap they mount. */
  public get internalTls(): InternalTlsSpec {
    return this.spec.tls;
  }

  /**
   * The typed client configuration of a declared user (or the admin): bootstrap servers,
   * protocol, mechanism, credentials Secret and CA bundle, and Java properties without the password.
   */
  public clientConfig(username: string): KafkaClientConfig {
    return kafkaClientConfig(this, username);
  }

  /** The registry of users, topics, tenants and client namespaces (what `KafkaTenant` and the Jobs read). */
  public get declarationRegistry(): ClusterDeclarations {
    return this.declarations;
  }

  /** Topics declared so far, sorted by name. */
  public get declaredTopics(): TopicRequirement[] {
    return this.declarations.declaredTopics;
  }

  /** Users declared with addUser so far, sorted by name (the admin user is not included). */
  public get declaredUsers(): KafkaUserCredentials[] {
    return this.declarations.declaredUsers;
  }

  /**
   * Refuses further `addUser`/`addTopic` calls, naming `by`: called by whoever
   * has taken the cluster's objects (a `KafkaPlatform` when it renders), so a
   * late declaration fails loudly instead of going missing.
   */
  public sealDeclarations(by: string): void {
    this.declarations.seal(by);
  }
}

function haRuleContext(props: KafkaClusterProps, spec: KafkaClusterSpec): KafkaRuleContext {
  return {
    profile: spec.profile,
    metadataMode: spec.metadataMode,
    zones: spec.zones,
    brokerCount: spec.brokers.total,
    controllerCount: spec.controllerCount,
    zookeeperCount: spec.zookeeperCount,
    brokerConfig: spec.brokerConfig,
    brokerConfigOverrides: props.brokers?.config ?? {},
    controllerConfigOverrides: props.controllers?.config ?? {},
    terminationGracePeriodSeconds: spec.brokers.terminationGracePeriodSeconds,
    networkPoliciesEnabled: spec.networkPoliciesEnabled,
    externalListener: props.externalListener,
  };
}

/** More controllers than controller zones, unpinned: a new zone would join the default controller zones and renumber the voters. */
function unpinnedQuorumWarning(spec: KafkaClusterSpec): string | undefined {
  const spread = spec.controllerZones.length;
  if (!spec.kraft || spec.controllerZonesPinned || spread === 0 || spec.controllerCount <= spread) return undefined;
  const pin = JSON.stringify(spec.controllerZones.map(z => z.zone));
  return `controllers.zones: ${spec.controllerCount} controllers over ${spread} zone(s) follow the zone count, so adding a zone would renumber the static quorum (controller.quorum.voters). Before adding a zone, pin them: controllers: { zones: ${pin} }`;
}

function relaxedWarning(findings: Finding[]): string {
  return [
    `profile DEVELOPMENT relaxes ${findings.length} HA invariant(s). This cluster is NOT highly available and must not hold production data:`,
    ...findings.map(f => `  - ${f.prop}: ${f.problem} (production fix: ${f.fix})`),
  ].join('\n');
}

function acceptedWarning(findings: Finding[]): string {
  return [
    `${findings.length} security check(s) explicitly overridden:`,
    ...findings.map(f => `  - ${f.prop}: ${f.problem} (accepted by ${f.acceptedBy}; to close it: ${f.fix})`),
  ].join('\n');
}
