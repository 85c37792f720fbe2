import * as cdk8s from 'cdk8s';
import { Annotations, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { CloudInfrastructurePlan, CloudInfrastructureRequest, ICloudInfrastructure, IKafkaCloud } from '../cloud/cloud';
import { KafkaPlatformValidationError } from '../errors';
import { KAFKA_PORTS } from '../kafka/constants';
import { KafkaEcosystem, KafkaEcosystemProps } from '../kafka/ecosystem/kafka-ecosystem';
import { KafkaCluster } from '../kafka/cluster/kafka-cluster';
import { takeSynthWarnings } from '../kafka/cluster/synth-warnings';
import { KafkaClusterProps } from '../kafka/model/cluster-props';
import {
  ExternalListenerOptions, IKafkaCluster, KafkaMetadataMode, LoadBalancerExposure, LoadBalancerOptions,
} from '../kafka/types';
import { GitopsYamlWriter } from './gitops-writer';
import { KubernetesManifestBridge } from './manifest-bridge';
import { KubernetesObject } from './object-identity';
import { addClientConfigOutputs } from './client-outputs';
import { RenderBeforeSynthStack } from './render-before-synth-stack';
import { assertShape } from '../kafka/k8s/prop-shape';
import { KAFKA_PLATFORM_PROPS_SHAPE } from './platform-props-shape';

/** The external listener as the platform takes it: the cloud supplies the load-balancer flavour. */
export interface PlatformExternalListenerOptions extends Omit<ExternalListenerOptions, 'loadBalancer'> {
  /** @default { exposure: LoadBalancerExposure.INTERNAL } */
  readonly loadBalancer?: Omit<LoadBalancerOptions, 'flavour'>;
}

/** `KafkaCluster` props minus what the cloud provides (zones, storage class, node placement, load-balancer provider). */
export interface PlatformKafkaClusterProps extends Omit<KafkaClusterProps, 'zones' | 'storageClassName' | 'nodePlacement' | 'externalListener'> {
  /** @default - no external listener */
  readonly externalListener?: PlatformExternalListenerOptions;
}

/** `KafkaEcosystem` props minus the cluster, which the platform wires in. */
export type PlatformEcosystemProps = Omit<KafkaEcosystemProps, 'cluster'>;

/** What extra workloads contribute to the platform's outputs. */
export interface PlatformWorkloadsResult {
  /** In-cluster URL of Prometheus, for the `prometheus-url` output. @default - no output */
  readonly prometheusUrl?: string;
}

export interface KafkaPlatformProps {
  /** The cloud (`new AwsKafkaCloud({...})`, `new AlicloudKafkaCloud({...})`). Swapping it is the only change needed to move clouds. */
  readonly cloud: IKafkaCloud;
  /** @default - a 3-broker KRaft cluster with the library's defaults */
  readonly kafka?: PlatformKafkaClusterProps;
  /**
   * Schema Registry, Connect, monitoring (Prometheus + alert rules), ... next to
   * the cluster; `false` for the Kafka cluster alone.
   * @default - KafkaEcosystem defaults (Schema Registry, Connect, monitoring)
   */
  readonly ecosystem?: PlatformEcosystemProps | false;
  /**
   * Adds more cdk8s constructs (your own apps, extra components) to the
   * workloads chart, next to the Kafka cluster.
   * @default - none
   */
  readonly workloads?: (chart: cdk8s.Chart, kafka: IKafkaCluster) => PlatformWorkloadsResult | void;
  /** Write the Kubernetes objects as YAML for GitOps under `<outdir>/<gitopsDirectory>`. @default true */
  readonly gitops?: boolean;
  /** @default `gitops/<id>` */
  readonly gitopsDirectory?: string;
}

/**
 * One Kafka platform: an infrastructure stack (`<id>-infra`) from the cloud,
 * and a workloads stack (`<id>-workloads`) that applies every Kubernetes
 * object through a Kubernetes provider configured from the infrastructure
 * stack's outputs. `cdktf deploy '*'` deploys them in that order. The same
 * objects are written as YAML for GitOps users.
 *
 * The Kubernetes side is rendered when the app synthesizes, so users and
 * topics added after construction (`platform.kafka.addTopic(...)`) reach both
 * the workloads stack and the YAML. Reading `objects`, `bridge` or `gitops`
 * renders it early; a declaration after that fails loudly.
 */
export class KafkaPlatform extends Construct {
  public readonly infraStack: TerraformStack;
  public readonly workloadsStack: TerraformStack;
  public readonly infrastructure: ICloudInfrastructure;
  public readonly kafka: KafkaCluster;
  public readonly ecosystem?: KafkaEcosystem;
  public readonly chart: cdk8s.Chart;
  private readonly props: KafkaPlatformProps;
  private readonly prometheusUrl?: string;
  private rendered?: { objects: KubernetesObject[]; bridge: KubernetesManifestBridge; gitops?: GitopsYamlWriter };

  constructor(scope: Construct, id: string, props: KafkaPlatformProps) {
    super(scope, id);
    if (!/^[a-z][a-z0-9-]{1,30}[a-z0-9]$/.test(id)) {
      throw new KafkaPlatformValidationError(this.node.path, 'id', `"${id}" cannot prefix cloud resource names`, 'use 3-32 lower-case letters, digits and hyphens, starting with a letter');
    }
    this.props = props;
    // Before the cloud reads them (it builds the network from the listener's CIDRs): typed errors, not TypeErrors.
    assertShape(this.node.path, props, KAFKA_PLATFORM_PROPS_SHAPE);
    const kafkaProps = props.kafka ?? {};
    const namespace = kafkaProps.namespace ?? 'kafka';
    const external = kafkaProps.externalListener;
    const request: CloudInfrastructureRequest = {
      name: id,
      namespace,
      brokerCount: kafkaProps.brokers?.replicas ?? 3,
      clientPorts: [KAFKA_PORTS.internal, ...(external ? [external.port ?? KAFKA_PORTS.external] : [])],
      interNodePorts: kafkaProps.metadataMode === KafkaMetadataMode.ZOOKEEPER
        ? [KAFKA_PORTS.zookeeperClient, KAFKA_PORTS.zookeeperPeer, KAFKA_PORTS.zookeeperElection]
        : [KAFKA_PORTS.controller],
      externalListener: external ? {
        domain: external.domain,
        internetFacing: external.loadBalancer?.exposure === LoadBalancerExposure.INTERNET,
        allowedSourceCidrs: external.loadBalancer?.allowedSourceCidrs,
        dangerouslyAllowAnySource: external.loadBalancer?.dangerouslyAllowAnySource ?? false,
      } : undefined,
    };

    this.infraStack = new TerraformStack(this, `${id}-infra`);
    // A cloud that can plan checks its props first and tells the zones; the Kafka and ecosystem rules then run
    // before any cloud resource exists, so bad input fails in milliseconds (and never leaves a half-built stack).
    const plan = props.cloud.planInfrastructure?.(this.infraStack, request);
    const buildWorkloads = (placement: CloudInfrastructurePlan): { chart: cdk8s.Chart; kafka: KafkaCluster; ecosystem?: KafkaEcosystem } => {
      // cdk8s tree of its own: the chart is synthesized to JSON when the app synthesizes, and handed to the bridge.
      const k8sApp = new cdk8s.App({ outdir: 'cdk8s.out' });
      const chart = new cdk8s.Chart(k8sApp, id);
      const kafka = new KafkaCluster(chart, 'kafka', {
        ...kafkaProps,
        namespace,
        zones: placement.zones,
        storageClassName: placement.storageClassName,
        nodePlacement: placement.kafkaNodePlacement,
        externalListener: external ? {
          ...external,
          loadBalancer: { exposure: LoadBalancerExposure.INTERNAL, ...(external.loadBalancer ?? {}), flavour: placement.loadBalancerFlavour },
        } : undefined,
      });
      const ecosystem = props.ecosystem === false ? undefined : new KafkaEcosystem(chart, 'ecosystem', { ...(props.ecosystem ?? {}), cluster: kafka });
      return { chart, kafka, ecosystem };
    };
    const early = plan ? buildWorkloads(plan) : undefined;
    this.infrastructure = props.cloud.createInfrastructure(this.infraStack, request);
    if (plan) assertPlanKept(props.cloud.cloudName, plan, this.infrastructure);
    ({ chart: this.chart, kafka: this.kafka, ecosystem: this.ecosystem } = early ?? buildWorkloads(this.infrastructure));

    const extra = props.workloads?.(this.chart, this.kafka) ?? {};
    this.prometheusUrl = extra.prometheusUrl ?? this.ecosystem?.monitoring?.prometheus.url;

    this.workloadsStack = new RenderBeforeSynthStack(this, `${id}-workloads`, () => this.render());
    this.workloadsStack.addDependency(this.infraStack);
  }

  /** Every Kubernetes object the platform applies (cloud objects first). Renders the Kubernetes side. */
  public get objects(): KubernetesObject[] {
    return this.render().objects;
  }

  /** The `kubernetes_manifest` resources of the workloads stack. Renders the Kubernetes side. */
  public get bridge(): KubernetesManifestBridge {
    return this.render().bridge;
  }

  /** The GitOps YAML writer, unless `gitops: false`. Renders the Kubernetes side. */
  public get gitops(): GitopsYamlWriter | undefined {
    return this.render().gitops;
  }

  private render(): { objects: KubernetesObject[]; bridge: KubernetesManifestBridge; gitops?: GitopsYamlWriter } {
    if (this.rendered) return this.rendered;
    const { props, infrastructure: infra, workloadsStack } = this;
    this.kafka.sealDeclarations(`KafkaPlatform ${this.node.path}`);
    // cdktf collects annotations per stack: the cluster's warnings (DEVELOPMENT profile, accepted risks) go on the workloads stack.
    for (const warning of takeSynthWarnings(this.chart)) Annotations.of(workloadsStack).addWarning(`${warning.constructPath}: ${warning.message}`);
    const objects = withNamespaces([...infra.kubernetesObjects, ...this.chart.toJson()]);
    const provider = infra.createKubernetesProvider(workloadsStack);
    const endpoints = this.kafka.externalEndpoints;
    const lbPrerequisites = endpoints.length > 0 ? infra.createLoadBalancerPrerequisites?.(workloadsStack) ?? [] : [];
    const bridge = new KubernetesManifestBridge(workloadsStack, 'k8s', {
      objects,
      provider,
      loadBalancerServices: [...new Set(endpoints.map((e) => `${e.serviceNamespace}/${e.serviceName}`))].sort(),
      loadBalancerAddressType: infra.loadBalancerAddressType,
      loadBalancerDependsOn: lbPrerequisites,
    });
    infra.createDnsRecords(workloadsStack, endpoints, (e) => bridge.loadBalancerAddress(e.serviceNamespace, e.serviceName));

    new TerraformOutput(this.infraStack, 'cluster-name', { value: infra.clusterName, description: 'Kubernetes cluster name' });
    new TerraformOutput(this.infraStack, 'kubeconfig-command', { value: infra.kubeconfigCommand, description: 'Writes a kubeconfig for the cluster' });
    new TerraformOutput(workloadsStack, 'internal-bootstrap-servers', { value: this.kafka.internalBootstrapServers, description: `In-cluster bootstrap servers (${this.kafka.internalSecurityProtocol}, ${this.kafka.saslMechanism})` });
    if (this.kafka.externalBootstrapServers) {
      new TerraformOutput(workloadsStack, 'external-bootstrap-servers', { value: this.kafka.externalBootstrapServers, description: 'External bootstrap servers (SASL_SSL)' });
    }
    addClientConfigOutputs(workloadsStack, this.kafka.declaredUsers.map((u) => this.kafka.clientConfig(u.username)));
    if (this.prometheusUrl) {
      new TerraformOutput(workloadsStack, 'prometheus-url', { value: this.prometheusUrl, description: 'In-cluster Prometheus (kubectl port-forward to reach it from outside)' });
    }

    const gitops = (props.gitops ?? true)
      ? new GitopsYamlWriter(this, 'gitops', { stack: workloadsStack, objects: bridge.objects.map((o) => o.object), directory: props.gitopsDirectory ?? `gitops/${this.node.id}` })
      : undefined;
    this.rendered = { objects, bridge, gitops };
    return this.rendered;
  }
}

/** The infrastructure must be what the plan promised: the Kafka side was built from the plan. */
function assertPlanKept(cloudName: string, plan: CloudInfrastructurePlan, infra: ICloudInfrastructure): void {
  const promised = JSON.stringify([plan.zones, plan.storageClassName, plan.kafkaNodePlacement, plan.loadBalancerFlavour.name]);
  const built = JSON.stringify([infra.zones, infra.storageClassName, infra.kafkaNodePlacement, infra.loadBalancerFlavour.name]);
  if (promised !== built) throw new Error(`cloud ${cloudName}: createInfrastructure returned ${built}, but planInfrastructure promised ${promised}`);
}

/** Adds a Namespace object for every namespace the objects use but do not declare. */
function withNamespaces(objects: KubernetesObject[]): KubernetesObject[] {
  const declared = new Set(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name));
  const used = [...new Set(objects.map((o) => o.metadata?.namespace).filter((n): n is string => !!n && !declared.has(n)))].sort();
  return [...used.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })), ...objects];
}
