import { ITerraformDependable, TerraformProvider, TerraformStack } from 'cdktf';
import { ExternalEndpoint, ILoadBalancerFlavour, NodePlacement } from '../kafka/types';

/**
 * The cloud-neutral seam. `KafkaPlatform` talks to a cloud only through these
 * interfaces; AWS (`AwsKafkaCloud`) and Alibaba Cloud (`AlicloudKafkaCloud`)
 * implement them. The Kafka side (lib/kafka) never imports anything under
 * lib/cloud.
 */
export interface IKafkaCloud {
  /** Short name for outputs and docs (`aws`, `alicloud`). */
  readonly cloudName: string;
  /**
   * Optional. Checks the request against the cloud's props and returns what
   * the Kafka side needs from the infrastructure, creating nothing.
   * `KafkaPlatform` calls it first and then validates the Kafka and ecosystem
   * props, so bad input fails in milliseconds, before any resource exists.
   * `stack` is the stack `createInfrastructure` will get (for construct paths
   * in errors); nothing is added to it.
   * @default - no early check: the platform builds the infrastructure first
   */
  planInfrastructure?(stack: TerraformStack, request: CloudInfrastructureRequest): CloudInfrastructurePlan;
  /**
   * Builds network, IAM/RAM, the Kubernetes cluster, node pools, DNS zone and
   * monitoring into `stack` (the infrastructure stack), and returns what the
   * Kafka workloads need to run there.
   */
  createInfrastructure(stack: TerraformStack, request: CloudInfrastructureRequest): ICloudInfrastructure;
}

/** What the platform asks of the cloud, derived from the Kafka props before any Kafka object exists. */
export interface CloudInfrastructureRequest {
  /** Platform name; prefix for cloud resource names. */
  readonly name: string;
  /** Namespace the Kafka workloads run in (for IRSA/RRSA trust policies). */
  readonly namespace: string;
  /** Broker count, to size node pools. */
  readonly brokerCount: number;
  /** Ports clients use (internal SASL listener, external listener). Opened to the VPC CIDR and the allow-list only. */
  readonly clientPorts: number[];
  /** Ports only Kafka nodes use among themselves (controller, replication). Opened to the Kafka node security group only. */
  readonly interNodePorts: number[];
  /** When the external listener is on: its DNS domain and exposure. */
  readonly externalListener?: {
    readonly domain: string;
    readonly internetFacing: boolean;
    /**
     * Client CIDRs the load balancer admits (`loadBalancerSourceRanges`). A cloud may
     * refuse an internet-facing listener without them.
     * @default - no restriction at the load balancer
     */
    readonly allowedSourceCidrs?: string[];
    /**
     * The user's one opt-in for a listener open to every address
     * (`kafka.externalListener.loadBalancer.dangerouslyAllowAnySource`): a cloud
     * that would refuse an internet-facing listener without source CIDRs, or
     * must open its security group to the listener's clients, follows it.
     * @default false
     */
    readonly dangerouslyAllowAnySource?: boolean;
  };
}

/** What `IKafkaCloud.planInfrastructure` promises, before anything is built; `createInfrastructure` must return the same values. */
export interface CloudInfrastructurePlan {
  /** Zone names as they appear in the node label `topology.kubernetes.io/zone`; become `broker.rack`. */
  readonly zones: string[];
  /** StorageClass for Kafka volumes. */
  readonly storageClassName: string;
  /** Labels and taints of the dedicated Kafka node pools. */
  readonly kafkaNodePlacement: NodePlacement;
  /** The annotations and class of the external listener's Services. */
  readonly loadBalancerFlavour: ILoadBalancerFlavour;
}

/** The result of `IKafkaCloud.createInfrastructure`. All values used by cdk8s must be concrete strings, never tokens. */
export interface ICloudInfrastructure {
  /** Zone names as they appear in the node label `topology.kubernetes.io/zone`; become `broker.rack`. */
  readonly zones: string[];
  /** StorageClass (encrypted, WaitForFirstConsumer, expandable) for Kafka volumes. */
  readonly storageClassName: string;
  /** Labels and taints of the dedicated Kafka node pools. */
  readonly kafkaNodePlacement: NodePlacement;
  /** How this cloud's load balancers are asked for: the annotations and class of the external listener's Services. */
  readonly loadBalancerFlavour: ILoadBalancerFlavour;
  /**
   * Which field of a LoadBalancer Service's `status.loadBalancer.ingress[0]`
   * this cloud fills: `hostname` (AWS NLB) or `ip` (Alibaba CLB/NLB). The
   * platform waits for that field and passes it to `createDnsRecords`.
   */
  readonly loadBalancerAddressType: 'hostname' | 'ip';
  /** Cluster-scoped Kubernetes objects the cloud needs (the StorageClass, ...), as plain manifests; deployed before the Kafka objects. */
  readonly kubernetesObjects: ReadonlyArray<Record<string, any>>;
  /** Cluster name, for outputs. */
  readonly clusterName: string;
  /** Command that writes a kubeconfig for the cluster (`aws eks update-kubeconfig ...`). */
  readonly kubeconfigCommand: string;

  /**
   * Creates the Kubernetes provider in the workloads stack, configured from this
   * infrastructure's attributes (cdktf turns them into cross-stack outputs).
   */
  createKubernetesProvider(workloads: TerraformStack): TerraformProvider;
  /**
   * Creates DNS records for the external listener in the workloads stack,
   * pointing each host name at the address the cloud gave its LoadBalancer
   * Service. `serviceAddress(endpoint)` returns that address (the field named
   * by `loadBalancerAddressType`) as a token; it is known once the workloads
   * stack has created the Service and its load balancer.
   */
  createDnsRecords(workloads: TerraformStack, endpoints: ExternalEndpoint[], serviceAddress: (endpoint: ExternalEndpoint) => string): void;
  /**
   * Optional. Creates, in the workloads stack, what LoadBalancer Services need
   * before they can get an address (AWS: the AWS Load Balancer Controller), and
   * returns the resources those Services must wait for. Called only when the
   * Kafka cluster has an external listener. Clouds whose load balancers need
   * nothing extra (ACK's built-in cloud controller manager) leave it out.
   */
  createLoadBalancerPrerequisites?(workloads: TerraformStack): ITerraformDependable[];
}
