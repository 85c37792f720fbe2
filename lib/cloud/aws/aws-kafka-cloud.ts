import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { Aspects, Fn, ITerraformDependable, TerraformOutput, TerraformProvider, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { ExternalEndpoint, NodePlacement } from '../../kafka/types';
import { assertShape } from '../../kafka/k8s/prop-shape';
import { AWS_KAFKA_CLOUD_PROPS_SHAPE } from './aws-cloud-props-shape';
import { CloudInfrastructurePlan, CloudInfrastructureRequest, ICloudInfrastructure, IKafkaCloud } from '../cloud';
import { AWS_INFRASTRUCTURE_ID, planAwsInfrastructure } from './infrastructure-plan';
import { selectAvailabilityZones } from './availability-zones';
import { EksClusterRoles } from './cluster-roles';
import { BrokerDnsRecords, KafkaDnsZones } from './dns';
import { EksAddonVersions, NetworkingAddons, WorkloadAddons } from './eks-addons';
import { EksControlPlane } from './eks-cluster';
import { ClusterOidcProvider, ServiceAccountRole } from './irsa';
import { KafkaSecurityGroup } from './kafka-security-group';
import { AwsNlbFlavour } from './load-balancer-flavour';
import { LeastPrivilegeCheck } from './least-privilege-check';
import { AwsKafkaMonitoring } from './monitoring';
import { AwsKafkaNetwork, NatGatewayMode } from './network';
import { HelmProvider, HelmRelease } from './helm-release';
import {
  LOAD_BALANCER_CONTROLLER_CHART_VERSION, LOAD_BALANCER_CONTROLLER_NAMESPACE, LOAD_BALANCER_CONTROLLER_SERVICE_ACCOUNT, LoadBalancerControllerRole,
} from './load-balancer-controller';
import { EksNodeGroups, KAFKA_NODE_PLACEMENT, NodeGroupSize } from './node-groups';
import { KAFKA_STORAGE_CLASS_NAME, KafkaVolumeEncryption, gp3StorageClassManifest } from './storage-class';

export interface AwsKafkaCloudProps {
  /** AWS region, e.g. `eu-west-1`. */
  readonly region: string;
  /**
   * At least 3 AZ names in `region`, e.g. `['eu-west-1a', 'eu-west-1b', 'eu-west-1c']`.
   * Required: explicit names (not a count) because they become the brokers'
   * `broker.rack` and the nodes' zone labels, which must be known at synth.
   * Declared optional only so that `maxAzs` alone fails with an explanation.
   */
  readonly availabilityZones?: string[];
  /**
   * Use only the first `maxAzs` (>= 3) of `availabilityZones`. A count alone is
   * refused: AZ names cannot be derived safely at synth (see docs).
   * @default - all of `availabilityZones`
   */
  readonly maxAzs?: number;
  /** Subnet slot per AZ for AZ names that do not end in a letter; see docs. @default - derived from the AZ letter */
  readonly azSlots?: Record<string, number>;
  /** @default '10.40.0.0/16' */
  readonly vpcCidr?: string;
  /** @default NatGatewayMode.PER_AZ */
  readonly natGateways?: NatGatewayMode;
  /** VPC flow logs to CloudWatch with this retention (days). @default - no flow logs */
  readonly flowLogRetentionDays?: number;
  /** EKS cluster name. @default - the platform name */
  readonly clusterName?: string;
  /** @default '1.33' */
  readonly kubernetesVersion?: string;
  /** CIDRs allowed to reach the public API endpoint; empty keeps the endpoint private. @default [] */
  readonly publicEndpointCidrs?: string[];
  /** IAM principals (CI role, SSO admin role) granted cluster admin. @default [] */
  readonly adminPrincipalArns?: string[];
  /** Control-plane log retention in days. @default 90 */
  readonly controlPlaneLogRetentionDays?: number;
  /** Per-AZ Kafka node groups. @default m6i.2xlarge, ceil(brokers / AZs) + 1 nodes per AZ */
  readonly kafkaNodes?: NodeGroupSize;
  /** The general node group (monitoring, ecosystem, system pods). @default m6i.large x 3 */
  readonly generalNodes?: NodeGroupSize;
  /** CIDRs beyond the VPC allowed to reach the Kafka client ports. @default [] */
  readonly allowedClientCidrs?: string[];
  /** Create an IRSA role for external-dns (service account `external-dns/external-dns`) limited to the Kafka zones. @default false */
  readonly externalDnsRole?: boolean;
  /** E-mail addresses that receive CloudWatch alarms. @default [] */
  readonly alarmEmails?: string[];
  /** @default - each add-on's default version for the Kubernetes version */
  readonly addonVersions?: EksAddonVersions;
  /** eks-charts `aws-load-balancer-controller` chart version, installed when the external listener is on. @default LOAD_BALANCER_CONTROLLER_CHART_VERSION */
  readonly loadBalancerControllerChartVersion?: string;
  /** Extra AWS managed policies the least-privilege check accepts. @default [] */
  readonly additionalAllowedManagedPolicies?: string[];
  /** Tags on every resource. @default {} */
  readonly tags?: Record<string, string>;
}

/** AWS implementation of the cloud seam: VPC, IAM, EKS, Route53 and CloudWatch. */
export class AwsKafkaCloud implements IKafkaCloud {
  public readonly cloudName = 'aws';

  constructor(private readonly props: AwsKafkaCloudProps) {
    // The network and security groups are built from these lists: a wrong type gets a typed error, not a TypeError.
    assertShape('AwsKafkaCloud', props, AWS_KAFKA_CLOUD_PROPS_SHAPE, '', 'give the value the type AwsKafkaCloudProps documents');
  }

  public planInfrastructure(stack: TerraformStack, request: CloudInfrastructureRequest): CloudInfrastructurePlan {
    return planAwsInfrastructure(`${stack.node.path}/${AWS_INFRASTRUCTURE_ID}`, this.props, request);
  }

  public createInfrastructure(stack: TerraformStack, request: CloudInfrastructureRequest): ICloudInfrastructure {
    return new AwsKafkaInfrastructure(stack, AWS_INFRASTRUCTURE_ID, { ...this.props, request });
  }
}

export interface AwsKafkaInfrastructureProps extends AwsKafkaCloudProps {
  readonly request: CloudInfrastructureRequest;
}

/** Everything `AwsKafkaCloud` builds in the infrastructure stack. */
export class AwsKafkaInfrastructure extends Construct implements ICloudInfrastructure {
  public readonly zones: string[];
  public readonly storageClassName = KAFKA_STORAGE_CLASS_NAME;
  public readonly kafkaNodePlacement: NodePlacement = KAFKA_NODE_PLACEMENT;
  public readonly loadBalancerFlavour = new AwsNlbFlavour();
  public readonly loadBalancerAddressType = 'hostname' as const;
  public readonly kubernetesObjects: ReadonlyArray<Record<string, any>>;
  public readonly clusterName: string;
  public readonly kubeconfigCommand: string;

  public readonly network: AwsKafkaNetwork;
  public readonly controlPlane: EksControlPlane;
  public readonly nodeGroups: EksNodeGroups;
  public readonly kafkaSecurityGroup: KafkaSecurityGroup;
  public readonly monitoring: AwsKafkaMonitoring;
  public readonly dnsZones?: KafkaDnsZones;
  public readonly loadBalancerControllerRole?: LoadBalancerControllerRole;
  /** IAM OIDC provider of the cluster, for your own `ServiceAccountRole`s. */
  public readonly oidc: ClusterOidcProvider;
  private readonly region: string;
  private readonly chartVersion: string;

  constructor(scope: TerraformStack, id: string, props: AwsKafkaInfrastructureProps) {
    super(scope, id);
    const request = props.request;
    this.region = props.region;
    this.chartVersion = props.loadBalancerControllerChartVersion ?? LOAD_BALANCER_CONTROLLER_CHART_VERSION;
    planAwsInfrastructure(this.node.path, props, request);
    this.clusterName = props.clusterName ?? request.name;
    const tags = { 'kafka-platform.io/platform': request.name, ...(props.tags ?? {}) };

    new AwsProvider(scope, 'aws-provider', { region: props.region, defaultTags: [{ tags }] });
    Aspects.of(scope).add(new LeastPrivilegeCheck(props.additionalAllowedManagedPolicies));

    const availabilityZones = selectAvailabilityZones(this.node.path, props);

    this.network = new AwsKafkaNetwork(this, 'network', {
      name: this.clusterName,
      clusterName: this.clusterName,
      vpcCidr: props.vpcCidr ?? '10.40.0.0/16',
      availabilityZones,
      azSlots: props.azSlots,
      natGateways: props.natGateways,
      flowLogRetentionDays: props.flowLogRetentionDays,
    });
    this.zones = this.network.plans.map((p) => p.availabilityZone);

    this.kafkaSecurityGroup = new KafkaSecurityGroup(this, 'kafka-sg', {
      name: this.clusterName,
      vpcId: this.network.vpc.id,
      vpcCidr: this.network.vpcCidr,
      clientPorts: request.clientPorts,
      interNodePorts: request.interNodePorts,
      allowedClientCidrs: props.allowedClientCidrs,
    });

    const roles = new EksClusterRoles(this, 'iam', { name: this.clusterName });
    this.controlPlane = new EksControlPlane(this, 'eks', {
      clusterName: this.clusterName,
      kubernetesVersion: props.kubernetesVersion ?? '1.33',
      subnetIds: this.network.privateSubnetIds,
      roles,
      publicEndpointCidrs: props.publicEndpointCidrs,
      logRetentionDays: props.controlPlaneLogRetentionDays,
      adminPrincipalArns: props.adminPrincipalArns,
    });
    const cluster = this.controlPlane.cluster;
    const oidc = new ClusterOidcProvider(this, 'oidc', { issuerUrl: cluster.identity.get(0).oidc.get(0).issuer });
    this.oidc = oidc;

    const networking = new NetworkingAddons(this, 'networking-addons', {
      name: this.clusterName,
      clusterName: cluster.name,
      oidc,
      versions: props.addonVersions,
    });
    this.nodeGroups = new EksNodeGroups(this, 'node-groups', {
      clusterName: cluster.name,
      namePrefix: this.clusterName,
      nodeRoleArn: roles.nodeRole.arn,
      privateSubnetIds: this.network.plans.map((p) => ({ availabilityZone: p.availabilityZone, subnetId: this.network.privateSubnets[p.availabilityZone].id })),
      clusterSecurityGroupId: cluster.vpcConfig.clusterSecurityGroupId,
      kafkaSecurityGroupId: this.kafkaSecurityGroup.securityGroup.id,
      brokerCount: request.brokerCount,
      kafka: props.kafkaNodes,
      general: props.generalNodes,
      dependsOn: [...roles.nodeRoleAttachments, networking.vpcCni, networking.kubeProxy],
    });
    const nodeGroupList = [...Object.values(this.nodeGroups.kafkaNodeGroups), this.nodeGroups.generalNodeGroup];

    const volumes = new KafkaVolumeEncryption(this, 'kafka-volumes', { clusterName: this.clusterName });
    const workloadAddons = new WorkloadAddons(this, 'workload-addons', {
      name: this.clusterName,
      clusterName: cluster.name,
      oidc,
      versions: props.addonVersions,
      ebsKeyArn: volumes.key.arn,
      dependsOn: nodeGroupList,
    });
    this.kubernetesObjects = [gp3StorageClassManifest({ name: KAFKA_STORAGE_CLASS_NAME, kmsKeyAlias: volumes.aliasName })];

    if (request.externalListener) {
      this.loadBalancerControllerRole = new LoadBalancerControllerRole(this, 'lb-controller', { name: this.clusterName, oidc });
      this.dnsZones = new KafkaDnsZones(this, 'dns', {
        domain: request.externalListener.domain,
        vpcId: this.network.vpc.id,
        publicZone: request.externalListener.internetFacing,
      });
      if (props.externalDnsRole) {
        const zoneArns = [this.dnsZones.privateZone.arn, ...(this.dnsZones.publicZone ? [this.dnsZones.publicZone.arn] : [])];
        new ServiceAccountRole(this, 'external-dns-role', {
          oidc,
          roleName: `${this.clusterName}-external-dns`,
          namespace: 'external-dns',
          serviceAccount: 'external-dns',
          statements: [
            { Sid: 'ChangeKafkaZones', Effect: 'Allow', Action: ['route53:ChangeResourceRecordSets', 'route53:ListResourceRecordSets', 'route53:ListTagsForResource'], Resource: zoneArns },
            // ListHostedZones has no resource-level permissions.
            { Sid: 'DiscoverZones', Effect: 'Allow', Action: ['route53:ListHostedZones'], Resource: '*' },
          ],
        });
      }
    }

    this.monitoring = new AwsKafkaMonitoring(this, 'monitoring', {
      clusterName: this.clusterName,
      expectedNodeCount: this.nodeGroups.kafkaNodesPerAz * this.zones.length + this.nodeGroups.generalNodes,
      alarmEmails: props.alarmEmails,
      dependsOn: [workloadAddons.cloudwatchObservability],
    });

    this.kubeconfigCommand = `aws eks update-kubeconfig --region ${props.region} --name ${this.clusterName}`;
    new TerraformOutput(scope, 'alarm-topic-arn', { value: this.monitoring.topic.arn, description: 'SNS topic of the CloudWatch alarms' });
    new TerraformOutput(scope, 'vpc-id', { value: this.network.vpc.id });
  }

  public createKubernetesProvider(workloads: TerraformStack): TerraformProvider {
    const cluster = this.controlPlane.cluster;
    return new KubernetesProvider(workloads, 'kubernetes', {
      host: cluster.endpoint,
      clusterCaCertificate: Fn.base64decode(cluster.certificateAuthority.get(0).data),
      // A fresh token per run (aws CLI on the deploying machine) instead of a 15-minute token stored in state.
      exec: [{
        apiVersion: 'client.authentication.k8s.io/v1beta1',
        command: 'aws',
        args: ['eks', 'get-token', '--cluster-name', this.clusterName, '--region', this.region],
      }],
    });
  }

  /**
   * The AWS Load Balancer Controller (Helm, pinned chart, IRSA role from the
   * infrastructure stack): the broker Services ask for NLBs with IP targets,
   * which only this controller provisions.
   */
  public createLoadBalancerPrerequisites(workloads: TerraformStack): ITerraformDependable[] {
    if (!this.loadBalancerControllerRole) {
      throw new KafkaPlatformValidationError(this.node.path, 'externalListener', 'LoadBalancer Services need the AWS Load Balancer Controller, whose role is created only with an external listener', 'pass externalListener in the CloudInfrastructureRequest');
    }
    const cluster = this.controlPlane.cluster;
    const helm = new HelmProvider(workloads, 'helm', {
      host: cluster.endpoint,
      clusterCaCertificate: Fn.base64decode(cluster.certificateAuthority.get(0).data),
      exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'aws', args: ['eks', 'get-token', '--cluster-name', this.clusterName, '--region', this.region] },
    });
    const release = new HelmRelease(workloads, 'aws-load-balancer-controller', {
      provider: helm,
      name: 'aws-load-balancer-controller',
      namespace: LOAD_BALANCER_CONTROLLER_NAMESPACE,
      repository: 'https://aws.github.io/eks-charts',
      chart: 'aws-load-balancer-controller',
      version: this.chartVersion,
      values: {
        clusterName: this.clusterName,
        region: this.region,
        vpcId: this.network.vpc.id,
        replicaCount: 2,
        podDisruptionBudget: { maxUnavailable: 1 },
        // Only Services that ask for it (the Kafka ones do) get an NLB; other LoadBalancer Services are left alone.
        enableServiceMutatorWebhook: false,
        serviceAccount: {
          create: true,
          name: LOAD_BALANCER_CONTROLLER_SERVICE_ACCOUNT,
          annotations: { 'eks.amazonaws.com/role-arn': this.loadBalancerControllerRole.role.role.arn },
        },
      },
    });
    return [release];
  }

  public createDnsRecords(workloads: TerraformStack, endpoints: ExternalEndpoint[], serviceAddress: (endpoint: ExternalEndpoint) => string): void {
    if (endpoints.length === 0) return;
    if (!this.dnsZones) {
      throw new KafkaPlatformValidationError(this.node.path, 'externalListener', 'the Kafka cluster has external endpoints but the infrastructure was built without an external listener', 'pass externalListener in the CloudInfrastructureRequest');
    }
    new AwsProvider(workloads, 'aws-provider', { region: this.region });
    const zoneIds = [this.dnsZones.privateZone.zoneId, ...(this.dnsZones.publicZone ? [this.dnsZones.publicZone.zoneId] : [])];
    new BrokerDnsRecords(workloads, 'kafka-dns', { zoneIds, endpoints, loadBalancerHostname: serviceAddress });
  }
}
