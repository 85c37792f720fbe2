import { ILoadBalancerFlavour, LoadBalancerExposure, LoadBalancerFlavourProblem, LoadBalancerServiceFields } from '../../kafka/types';

/** Which Alibaba Cloud load balancer serves the external listener. */
export enum AlicloudLoadBalancerType {
  /** Classic Load Balancer (SLB), provisioned by ACK's cloud controller manager. */
  CLB = 'alibaba-clb',
  /** Network Load Balancer: the Service asks for the `alibabacloud.com/nlb` class. */
  NLB = 'alibaba-nlb',
}

export interface AlicloudLoadBalancerFlavourProps {
  /** @default AlicloudLoadBalancerType.CLB */
  readonly type?: AlicloudLoadBalancerType;
  /** CLB spec (e.g. `slb.s2.small`). @default - the cloud controller manager's default */
  readonly spec?: string;
  /**
   * NLB only: zone -> vSwitch ID the NLB gets an address in
   * (annotation `service.beta.kubernetes.io/alibaba-cloud-loadbalancer-zone-maps`).
   * An NLB needs at least two.
   * @default - none (required for an NLB)
   */
  readonly zoneMappings?: Record<string, string>;
}

/**
 * An Alibaba Cloud CLB or NLB for the external listener's Services. For plain
 * YAML users on ACK; `AlicloudKafkaCloud` supplies it to `KafkaPlatform` by itself.
 */
export class AlicloudLoadBalancerFlavour implements ILoadBalancerFlavour {
  public readonly name: string;
  /** CLB and NLB keep the client's source address, so the security group must admit the clients. */
  public readonly preservesClientSource = true;
  public readonly type: AlicloudLoadBalancerType;

  constructor(private readonly props: AlicloudLoadBalancerFlavourProps = {}) {
    this.type = props.type ?? AlicloudLoadBalancerType.CLB;
    this.name = this.type;
  }

  public serviceFields(exposure: LoadBalancerExposure): LoadBalancerServiceFields {
    const annotations: Record<string, string> = {
      'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type': exposure === LoadBalancerExposure.INTERNET ? 'internet' : 'intranet',
    };
    if (this.type === AlicloudLoadBalancerType.CLB) {
      if (this.props.spec) annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec'] = this.props.spec;
      return { annotations };
    }
    const maps = this.props.zoneMappings ?? {};
    if (Object.keys(maps).length > 0) {
      annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-zone-maps'] = Object.keys(maps).sort().map(z => `${z}:${maps[z]}`).join(',');
    }
    return { annotations, loadBalancerClass: 'alibabacloud.com/nlb' };
  }

  public problems(): LoadBalancerFlavourProblem[] {
    if (this.type === AlicloudLoadBalancerType.NLB && Object.keys(this.props.zoneMappings ?? {}).length < 2) {
      return [{ prop: 'flavour.zoneMappings', problem: 'an Alibaba Cloud NLB needs vSwitches in at least two zones', fix: 'set zoneMappings to { "<zone>": "<vsw-id>", ... } for two or more zones' }];
    }
    return [];
  }
}
