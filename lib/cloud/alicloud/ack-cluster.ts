import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { CsManagedKubernetes } from '../../generated/providers/alicloud/cs-managed-kubernetes';
import { LogProject } from '../../generated/providers/alicloud/log-project';
import { KafkaPlatformValidationError } from '../../errors';

export enum AckNetworkPlugin {
  /** Pods get VPC IPs from per-zone pod vSwitches (ENI multi-IP); supports NetworkPolicy. */
  TERWAY = 'terway-eniip',
  /** Pods use a separate pod CIDR routed by the VPC; NetworkPolicy is not enforced. */
  FLANNEL = 'flannel',
}

/** ACK control-plane components whose logs go to SLS. */
export const ACK_CONTROL_PLANE_LOG_COMPONENTS = ['apiserver', 'kcm', 'scheduler', 'ccm', 'controlplane-events'];

export interface AckClusterProps {
  readonly name: string;
  /** Kubernetes version offered by ACK. */
  readonly kubernetesVersion: string;
  /** @default 'ack.pro.small' (ACK Pro: SLA-backed control plane) */
  readonly clusterSpec?: string;
  /** vSwitches for the control plane's ENIs and the API server's load balancer, one per zone. */
  readonly vswitchIds: string[];
  readonly networkPlugin: AckNetworkPlugin;
  /** Terway pod vSwitches, one per zone. Required with Terway. */
  readonly podVswitchIds?: string[];
  /** Flannel pod CIDR. Required with Flannel. */
  readonly podCidr?: string;
  readonly serviceCidr: string;
  readonly securityGroupId: string;
  /** KMS key for envelope encryption of Secrets in etcd. */
  readonly secretsKmsKeyId: string;
  /** Expose the API server on an internet-facing load balancer. @default false */
  readonly publicApiEndpoint?: boolean;
  /** @default true */
  readonly deletionProtection?: boolean;
  /**
   * SLS project for control-plane and audit logs. SLS project names are unique per region across
   * all accounts, so set one that includes something of yours (account alias, domain).
   * @default `${name}-ack-logs`
   */
  readonly logProjectName?: string;
  /** Days control-plane and audit logs are kept in SLS. @default 30 */
  readonly logRetentionDays?: number;
  /** Resources ACK needs first (its service roles). @default [] */
  readonly dependsOn?: ITerraformDependable[];
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * The ACK Pro managed cluster: private API endpoint, Secrets encrypted with a customer KMS key,
 * RRSA on, deletion protection on, control-plane and audit logs in an SLS project, and the
 * network plugin plus the disk CSI driver as addons.
 */
export class AckCluster extends Construct {
  public readonly cluster: CsManagedKubernetes;
  public readonly logProject: LogProject;

  constructor(scope: Construct, id: string, props: AckClusterProps) {
    super(scope, id);
    if (props.networkPlugin === AckNetworkPlugin.TERWAY && !props.podVswitchIds?.length) {
      throw new KafkaPlatformValidationError(this.node.path, 'podVswitchIds', 'Terway needs pod vSwitches', 'keep the network\'s pod vSwitches on, or choose AckNetworkPlugin.FLANNEL with a podCidr');
    }
    if (props.networkPlugin === AckNetworkPlugin.FLANNEL && !props.podCidr) {
      throw new KafkaPlatformValidationError(this.node.path, 'podCidr', 'Flannel needs a pod CIDR', 'set podCidr to a range outside the VPC, e.g. 172.20.0.0/16');
    }
    const logProject = props.logProjectName ?? `${props.name}-ack-logs`;
    if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(logProject)) {
      throw new KafkaPlatformValidationError(this.node.path, 'controlPlaneLogProjectName', `"${logProject}" is not a valid SLS project name`, 'use 3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit');
    }
    const retention = props.logRetentionDays ?? 30;
    if (!Number.isInteger(retention) || retention < 1 || retention > 3650) {
      throw new KafkaPlatformValidationError(this.node.path, 'logRetentionDays', `${retention} is not a whole number of days between 1 and 3650`, 'use e.g. 30');
    }

    this.logProject = new LogProject(this, 'logs', {
      projectName: logProject,
      description: `Control-plane and audit logs of ACK cluster ${props.name}`,
      tags: { ...props.tags },
    });

    this.cluster = new CsManagedKubernetes(this, 'cluster', {
      name: props.name,
      clusterSpec: props.clusterSpec ?? 'ack.pro.small',
      version: props.kubernetesVersion,
      vswitchIds: props.vswitchIds,
      podVswitchIds: props.networkPlugin === AckNetworkPlugin.TERWAY ? props.podVswitchIds : undefined,
      podCidr: props.networkPlugin === AckNetworkPlugin.FLANNEL ? props.podCidr : undefined,
      serviceCidr: props.serviceCidr,
      // Egress comes from the platform's own NAT gateway.
      newNatGateway: false,
      securityGroupId: props.securityGroupId,
      proxyMode: 'ipvs',
      slbInternetEnabled: props.publicApiEndpoint ?? false,
      deletionProtection: props.deletionProtection ?? true,
      encryptionProviderKey: props.secretsKmsKeyId,
      enableRrsa: true,
      controlPlaneLogComponents: ACK_CONTROL_PLANE_LOG_COMPONENTS,
      controlPlaneLogProject: this.logProject.projectName,
      controlPlaneLogTtl: String(retention),
      auditLogConfig: { enabled: true, slsProjectName: this.logProject.projectName },
      addons: [
        { name: props.networkPlugin },
        { name: 'csi-plugin' },
        { name: 'csi-provisioner' },
      ],
      tags: { ...props.tags },
      dependsOn: props.dependsOn?.length ? props.dependsOn : undefined,
    });
  }
}
