import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { Aspects, Fn, TerraformOutput, TerraformProvider, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DataAlicloudCsClusterCredential } from '../../generated/providers/alicloud/data-alicloud-cs-cluster-credential';
import { AlicloudProvider } from '../../generated/providers/alicloud/provider';
import { KafkaPlatformValidationError } from '../../errors';
import { ExternalEndpoint, NodePlacement } from '../../kafka/types';
import { AlicloudLoadBalancerFlavour, AlicloudLoadBalancerFlavourProps, AlicloudLoadBalancerType } from './load-balancer-flavour';
import { CloudInfrastructurePlan, CloudInfrastructureRequest, ICloudInfrastructure, IKafkaCloud } from '../cloud';
import { ALICLOUD_INFRASTRUCTURE_ID, planAlicloudInfrastructure } from './infrastructure-plan';
import { AckCluster, AckNetworkPlugin } from './ack-cluster';
import { assertShape } from '../../kafka/k8s/prop-shape';
import { ALICLOUD_KAFKA_CLOUD_PROPS_SHAPE } from './alicloud-cloud-props-shape';
import { BrokerDnsRecords, KafkaPrivateZone } from './dns';
import { RotatingKmsKey } from './kms';
import { KmsKeyStore } from './kms-key-store';
import { LoadBalancerAlarms } from './load-balancer-alarms';
import { AlarmThresholds } from './alarm-thresholds';
import { AlarmContact, CloudMonitorAlarms } from './monitoring';
import { NatGatewayMode } from './nat-gateway-mode';
import { AlicloudKafkaNetwork } from './network';
import { AckNodePools, KAFKA_NODE_PLACEMENT, NodePoolSize } from './node-pools';
import { AckServiceRoles, AckServiceRolesMode, RrsaWorkloadRole, RrsaWorkloadRoleSpec } from './ram';
import { RamLeastPrivilegeCheck } from './ram-least-privilege';
import { KafkaSecurityGroup } from './security-group';
import { DEFAULT_STORAGE_CLASS_NAME, essdStorageClass, EssdStorageClassOptions } from './storage-class';
import { ZoneAvailabilityCheck } from './zone-availability';
import { AlicloudZone } from './zone-plan';

export interface AlicloudKafkaCloudProps {
  /** Region, e.g. `cn-hangzhou`. */
  readonly region: string;
  /**
   * At least 3 zones of the region, by concrete ID: they become the brokers' `broker.rack`, so
   * they must be known at synth (an `alicloud_zones` lookup would only be known at apply).
   */
  readonly zones: readonly AlicloudZone[];
  /** @default '192.168.0.0/16' */
  readonly vpcCidr?: string;
  /** @default - `<platform name>-vpc` */
  readonly vpcName?: string;
  /**
   * Internet egress of nodes and pods: a NAT gateway, EIP and route table per zone, so a zone's
   * loss never cuts the other zones off. `NatGatewayMode.DANGEROUSLY_ONE_SHARED` saves the
   * gateways of all zones but one, and loses egress everywhere when that zone fails.
   * @default NatGatewayMode.PER_ZONE
   */
  readonly natGateways?: NatGatewayMode;
  /** `DANGEROUSLY_ONE_SHARED` only: zone of the shared gateway. @default - the zone with the lowest address slot */
  readonly natZoneId?: string;
  /** Cluster name. @default - the platform name */
  readonly clusterName?: string;
  /** ACK Kubernetes version. @default '1.33.1-aliyun.1' */
  readonly kubernetesVersion?: string;
  /** @default 'ack.pro.small' */
  readonly clusterSpec?: string;
  /** @default AckNetworkPlugin.TERWAY */
  readonly networkPlugin?: AckNetworkPlugin;
  /** Flannel only: pod CIDR outside the VPC. @default '172.20.0.0/16' */
  readonly podCidr?: string;
  /** @default '172.21.0.0/20' */
  readonly serviceCidr?: string;
  /** Public API server endpoint. Private by default: deploy from inside the VPC (or over VPN/CEN). @default false */
  readonly publicApiEndpoint?: boolean;
  /** @default true */
  readonly deletionProtection?: boolean;
  /**
   * SLS project for control-plane and audit logs (names are unique per region across all
   * accounts: include something of yours).
   * @default `<cluster name>-ack-logs`
   */
  readonly controlPlaneLogProjectName?: string;
  /** Control-plane log retention in SLS. @default 30 */
  readonly controlPlaneLogRetentionDays?: number;
  /** @default AckServiceRolesMode.CREATE */
  readonly ackServiceRoles?: AckServiceRolesMode;
  /** RRSA roles for workloads that call cloud APIs (see RrsaWorkloadRoles). @default [] */
  readonly workloadRoles?: readonly RrsaWorkloadRoleSpec[];
  /**
   * Where the two KMS keys (Secrets, disks) live. Rotating customer keys need a KMS instance on
   * current accounts, so one is created unless you pass `KmsKeyStore.existingInstance(id)` (or
   * `legacySharedKms()` on accounts that still have the instance-less KMS 1.0).
   * @default KmsKeyStore.newInstance()
   */
  readonly kms?: KmsKeyStore;
  /** @default ecs.g7.2xlarge, ceil(brokers / zones) + 1 per zone, 120 GiB system, 200 GiB data disks */
  readonly kafkaNodePool?: NodePoolSize & { readonly nodesPerZone?: number };
  /** @default ecs.g7.xlarge x 3 */
  readonly generalNodePool?: NodePoolSize & { readonly nodes?: number };
  /** @default encrypted ESSD PL1 with the default disk key */
  readonly storageClass?: EssdStorageClassOptions;
  /**
   * CIDRs beyond the VPC allowed to reach the Kafka client ports (VPN, peered VPCs). The external
   * listener's `allowedSourceCidrs` are admitted too, without being repeated here.
   * @default []
   */
  readonly allowedClientCidrs?: readonly string[];
  /** The load balancer of the external listener: CLB (with its spec) or NLB (with its zone mappings). @default - a CLB */
  readonly loadBalancer?: AlicloudLoadBalancerFlavourProps;
  /**
   * Alidns domain (already in the account) for public records of an internet-facing listener,
   * e.g. `example.com` when brokers advertise `broker-0.kafka.example.com`.
   * @default - no public records
   */
  readonly publicDnsDomain?: string;
  /** CloudMonitor alarm recipients (Kafka nodes and the Kafka load balancers only; nothing region-wide). */
  readonly alarmContacts: readonly AlarmContact[];
  /** @default cpu 80, memory 85, disk 75, disk inodes 80 */
  readonly alarmThresholds?: AlarmThresholds;
  /** Tags on every taggable resource. @default {} */
  readonly tags?: Record<string, string>;
}

/** Alibaba Cloud implementation of the cloud seam: VPC, RAM, ACK, PrivateZone/Alidns and CloudMonitor. */
export class AlicloudKafkaCloud implements IKafkaCloud {
  public readonly cloudName = 'alicloud';

  constructor(private readonly props: AlicloudKafkaCloudProps) {
    // The network, security group and alarms are built from these: a wrong type gets a typed error, not a TypeError.
    assertShape('AlicloudKafkaCloud', props, ALICLOUD_KAFKA_CLOUD_PROPS_SHAPE, '', 'give the value the type AlicloudKafkaCloudProps documents');
  }

  public planInfrastructure(stack: TerraformStack, request: CloudInfrastructureRequest): CloudInfrastructurePlan {
    return planAlicloudInfrastructure(`${stack.node.path}/${ALICLOUD_INFRASTRUCTURE_ID}`, this.props, request);
  }

  public createInfrastructure(stack: TerraformStack, request: CloudInfrastructureRequest): ICloudInfrastructure {
    return new AlicloudKafkaInfrastructure(stack, ALICLOUD_INFRASTRUCTURE_ID, { ...this.props, request });
  }
}

export interface AlicloudKafkaInfrastructureProps extends AlicloudKafkaCloudProps {
  readonly request: CloudInfrastructureRequest;
}

/** Everything the platform needs on Alibaba Cloud, built into the infrastructure stack. */
export class AlicloudKafkaInfrastructure extends Construct implements ICloudInfrastructure {
  public readonly zones: string[];
  public readonly storageClassName: string;
  public readonly kafkaNodePlacement: NodePlacement = KAFKA_NODE_PLACEMENT;
  public readonly loadBalancerFlavour: AlicloudLoadBalancerFlavour;
  public readonly loadBalancerAddressType: 'hostname' | 'ip';
  public readonly kubernetesObjects: ReadonlyArray<Record<string, any>>;
  public readonly clusterName: string;
  public readonly kubeconfigCommand: string;

  public readonly region: string;
  public readonly network: AlicloudKafkaNetwork;
  public readonly securityGroup: KafkaSecurityGroup;
  public readonly serviceRoles: AckServiceRoles;
  public readonly secretsKey: RotatingKmsKey;
  public readonly diskKey: RotatingKmsKey;
  public readonly ack: AckCluster;
  public readonly nodePools: AckNodePools;
  public readonly workloadRoles: RrsaWorkloadRole[];
  public readonly privateZone?: KafkaPrivateZone;
  public readonly monitoring: CloudMonitorAlarms;
  private readonly publicDnsDomain?: string;
  private readonly platformName: string;
  private readonly publicApiEndpoint: boolean;

  constructor(stack: TerraformStack, id: string, props: AlicloudKafkaInfrastructureProps) {
    super(stack, id);
    const { request } = props;
    const name = request.name;
    this.platformName = name;
    // Every check that needs no resource, first: the same function KafkaPlatform runs before building anything.
    const { networkPlugin, vpcCidr, serviceCidr, podCidr, listenerSources } = planAlicloudInfrastructure(this.node.path, props, request);
    this.region = props.region;
    this.clusterName = props.clusterName ?? name;
    const tags = { 'kafka-platform.io/platform': name, ...props.tags };

    if (!stack.node.tryFindChild('alicloud-provider')) {
      // Credentials come from the environment (ALICLOUD_ACCESS_KEY, profiles, ECS RAM role), never from the program.
      new AlicloudProvider(stack, 'alicloud-provider', { region: props.region });
    }
    // Synth fails if anything in this stack grants AdministratorAccess or wildcard actions.
    Aspects.of(stack).add(new RamLeastPrivilegeCheck());

    this.network = new AlicloudKafkaNetwork(this, 'network', {
      name,
      vpcName: props.vpcName,
      vpcCidr,
      zones: props.zones,
      podVswitches: networkPlugin === AckNetworkPlugin.TERWAY,
      natGateways: props.natGateways,
      natZoneId: props.natZoneId,
      tags,
    });
    this.zones = this.network.zoneIds;

    this.loadBalancerFlavour = new AlicloudLoadBalancerFlavour(props.loadBalancer);
    // The one opt-in for a public listener is the user's, on the listener; it reaches the security group here.
    const allowAnySource = request.externalListener?.dangerouslyAllowAnySource ?? false;

    // request.interNodePorts need no rule of their own: they are reached only from inside the group
    // (intra-group traffic is accepted; pod networking needs it), never from outside it.
    this.securityGroup = new KafkaSecurityGroup(this, 'security-group', {
      name,
      vpcId: this.network.vpc.id,
      vpcCidr,
      clientPorts: request.clientPorts,
      // The listener's allow-list is admitted too: ACK's load balancers keep the client source IP, so
      // without these rules its clients could not connect, and with them nobody else can.
      allowedClientCidrs: [...(props.allowedClientCidrs ?? []), ...listenerSources],
      // CLB health checks and forwarding come from this Alibaba-internal range; NLB uses addresses in its vSwitches (the VPC CIDR).
      loadBalancerSourceCidrs: request.externalListener && this.loadBalancerFlavour.type === AlicloudLoadBalancerType.CLB ? ['100.64.0.0/10'] : [],
      podCidr,
      dangerouslyAllowClientPortsFromInternet: allowAnySource,
      tags,
    });

    this.serviceRoles = new AckServiceRoles(this, 'ack-service-roles', { mode: props.ackServiceRoles });
    const kmsInstanceId = (props.kms ?? KmsKeyStore.newInstance()).bind(this, { name, vpcId: this.network.vpc.id, zones: this.network.zones, tags });
    this.secretsKey = new RotatingKmsKey(this, 'secrets-key', { description: `ACK ${this.clusterName}: Secret encryption in etcd`, dkmsInstanceId: kmsInstanceId, tags });
    this.diskKey = new RotatingKmsKey(this, 'disk-key', { description: `ACK ${this.clusterName}: node disk encryption`, dkmsInstanceId: kmsInstanceId, tags });

    this.ack = new AckCluster(this, 'ack', {
      name: this.clusterName,
      kubernetesVersion: props.kubernetesVersion ?? '1.33.1-aliyun.1',
      clusterSpec: props.clusterSpec,
      vswitchIds: this.network.zonesBySlot.map((z) => z.nodeVswitch.id),
      networkPlugin,
      podVswitchIds: this.network.zonesBySlot.flatMap((z) => (z.podVswitch ? [z.podVswitch.id] : [])),
      podCidr,
      serviceCidr,
      securityGroupId: this.securityGroup.securityGroup.id,
      secretsKmsKeyId: this.secretsKey.keyId,
      publicApiEndpoint: props.publicApiEndpoint,
      deletionProtection: props.deletionProtection,
      logProjectName: props.controlPlaneLogProjectName,
      logRetentionDays: props.controlPlaneLogRetentionDays,
      // The service roles must exist (with their policies) before ACK assumes them.
      dependsOn: this.serviceRoles.attachments,
      tags,
    });

    const kafkaNodePool = props.kafkaNodePool ?? { instanceTypes: ['ecs.g7.2xlarge'] };
    const generalNodePool = props.generalNodePool ?? { instanceTypes: ['ecs.g7.xlarge'] };
    new ZoneAvailabilityCheck(this, 'zone-availability', {
      zoneIds: this.zones,
      instanceTypes: [...kafkaNodePool.instanceTypes, ...generalNodePool.instanceTypes],
    });

    this.nodePools = new AckNodePools(this, 'node-pools', {
      name,
      clusterId: this.ack.cluster.id,
      zoneVswitches: this.network.zonesBySlot.map((z) => ({ zoneId: z.zoneId, vswitchId: z.nodeVswitch.id })),
      diskKmsKeyId: this.diskKey.keyId,
      brokerCount: request.brokerCount,
      kafka: kafkaNodePool,
      general: generalNodePool,
      tags,
    });

    const rrsa = this.ack.cluster.rrsaMetadata.get(0);
    this.workloadRoles = (props.workloadRoles ?? []).map((spec) => new RrsaWorkloadRole(this, `workload-role-${spec.name}`, {
      platformName: name,
      spec,
      oidcProviderArn: rrsa.ramOidcProviderArn,
      oidcIssuerUrl: rrsa.rrsaOidcIssuerUrl,
    }));

    // ACK's cloud controller fills `ip` for CLB; NLB instances are addressed by their DNS name.
    this.loadBalancerAddressType = this.loadBalancerFlavour.type === AlicloudLoadBalancerType.NLB ? 'hostname' : 'ip';
    if (request.externalListener) {
      this.privateZone = new KafkaPrivateZone(this, 'private-zone', { domain: request.externalListener.domain, vpcId: this.network.vpc.id, region: props.region });
      this.publicDnsDomain = props.publicDnsDomain;
    }

    this.monitoring = new CloudMonitorAlarms(this, 'monitoring', {
      name,
      region: props.region,
      contacts: props.alarmContacts,
      thresholds: props.alarmThresholds,
      tags,
    });

    this.storageClassName = props.storageClass?.name ?? DEFAULT_STORAGE_CLASS_NAME;
    this.kubernetesObjects = [essdStorageClass(props.storageClass)];
    this.publicApiEndpoint = props.publicApiEndpoint ?? false;
    // The cluster ID is only known after apply: it is the infrastructure stack's `cluster_id` output.
    this.kubeconfigCommand = `aliyun cs DescribeClusterUserKubeconfig --ClusterId "$CLUSTER_ID" --PrivateIpAddress ${!this.publicApiEndpoint} | jq -r .config > kubeconfig`;

    new TerraformOutput(stack, 'cluster_id', { value: this.ack.cluster.id, description: 'ACK cluster ID' });
    new TerraformOutput(stack, 'vpc_id', { value: this.network.vpc.id });
    new TerraformOutput(stack, 'kafka_zones', { value: this.zones, description: 'Zone IDs = broker.rack values' });
    new TerraformOutput(stack, 'rrsa_oidc_provider_arn', { value: rrsa.ramOidcProviderArn });
    for (const role of this.workloadRoles) {
      new TerraformOutput(stack, `workload_role_${role.node.id.replace(/-/g, '_')}_arn`, { value: role.role.arn });
    }
  }

  public createKubernetesProvider(workloads: TerraformStack): TerraformProvider {
    this.ensureProvider(workloads);
    const credential = new DataAlicloudCsClusterCredential(workloads, 'ack-credential', {
      clusterId: this.ack.cluster.id,
      // Short-lived client certificate, fetched on every plan.
      temporaryDurationMinutes: 60,
    });
    const endpoint = this.ack.cluster.connections.lookup(this.publicApiEndpoint ? 'api_server_internet' : 'api_server_intranet');
    const kubernetes = new KubernetesProvider(workloads, 'kubernetes', {
      host: endpoint,
      clusterCaCertificate: Fn.base64decode(credential.certificateAuthority.lookup('cluster_cert')),
      clientCertificate: Fn.base64decode(credential.certificateAuthority.lookup('client_cert')),
      clientKey: Fn.base64decode(credential.certificateAuthority.lookup('client_key')),
    });
    // The node alarms' members are the Kafka nodes' instances, only known once the node pools have
    // nodes: the workloads stack is the first place that can list them (this is its one always-called hook).
    this.monitoring.kafkaNodes.addMembers(workloads, kubernetes);
    return kubernetes;
  }

  public createDnsRecords(workloads: TerraformStack, endpoints: ExternalEndpoint[], serviceAddress: (endpoint: ExternalEndpoint) => string): void {
    if (endpoints.length === 0) return;
    if (!this.privateZone) {
      throw new KafkaPlatformValidationError(this.node.path, 'externalListener', 'the Kafka cluster has external endpoints but the infrastructure was built without an external listener', 'pass externalListener in the CloudInfrastructureRequest');
    }
    this.ensureProvider(workloads);
    const records = new BrokerDnsRecords(workloads, 'kafka-dns', {
      privateZoneId: this.privateZone.zone.id,
      privateDomain: this.privateZone.domain,
      endpoints,
      serviceAddress,
      recordType: this.loadBalancerAddressType === 'hostname' ? 'CNAME' : 'A',
      publicDomain: this.publicDnsDomain,
    });
    const kubernetes = workloads.node.tryFindChild('kubernetes') as KubernetesProvider | undefined;
    if (!kubernetes) {
      throw new KafkaPlatformValidationError(this.node.path, 'workloads', 'DNS records were requested before the Kubernetes provider of the workloads stack', 'call createKubernetesProvider(workloads) first');
    }
    const services = [...new Map(endpoints.map((e) => [`${e.serviceNamespace}/${e.serviceName}`, { namespace: e.serviceNamespace, name: e.serviceName }])).entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, service]) => service);
    // The Kafka load balancers are created with their Services, so their alarms are made here, after the DNS records that wait for them.
    new LoadBalancerAlarms(workloads, 'kafka-lb-alarms', {
      name: this.platformName,
      contactGroupName: this.monitoring.contactGroupName,
      // On ACK only NLBs are addressed by host name.
      loadBalancerKind: this.loadBalancerAddressType === 'hostname' ? 'nlb' : 'clb',
      services,
      kubernetes,
      after: records.privateRecords,
    });
  }

  private ensureProvider(workloads: TerraformStack): void {
    if (!workloads.node.tryFindChild('alicloud-provider')) {
      new AlicloudProvider(workloads, 'alicloud-provider', { region: this.region });
    }
  }
}
