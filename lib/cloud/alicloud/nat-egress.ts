import { Construct } from 'constructs';
import { EipAddress } from '../../generated/providers/alicloud/eip-address';
import { EipAssociation } from '../../generated/providers/alicloud/eip-association';
import { NatGateway } from '../../generated/providers/alicloud/nat-gateway';
import { SnatEntry } from '../../generated/providers/alicloud/snat-entry';
import { Vswitch } from '../../generated/providers/alicloud/vswitch';

export interface NatEgressProps {
  /** Resource name, e.g. `kafka-nat-cn-hangzhou-h`. */
  readonly name: string;
  readonly vpcId: string;
  /** vSwitch that holds the gateway; its zone is the gateway's zone. */
  readonly vswitch: Vswitch;
  /** EIP bandwidth in Mbit/s (pay by traffic). @default 100 */
  readonly eipBandwidthMbps?: number;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * An enhanced NAT gateway with its EIP. SNAT entries are added per vSwitch with `snatFor`, so the
 * vSwitches a gateway serves are explicit (its own zone's, or all zones' for a shared gateway).
 */
export class NatEgress extends Construct {
  public readonly natGateway: NatGateway;
  public readonly eip: EipAddress;
  private readonly association: EipAssociation;
  private readonly name: string;

  constructor(scope: Construct, id: string, props: NatEgressProps) {
    super(scope, id);
    this.name = props.name;
    const tags = { ...props.tags };
    this.natGateway = new NatGateway(this, 'nat', {
      vpcId: props.vpcId,
      vswitchId: props.vswitch.id,
      natType: 'Enhanced',
      natGatewayName: props.name,
      paymentType: 'PayAsYouGo',
      internetChargeType: 'PayByLcu',
      networkType: 'internet',
      deletionProtection: true,
      tags,
    });
    this.eip = new EipAddress(this, 'eip', {
      addressName: props.name,
      paymentType: 'PayAsYouGo',
      internetChargeType: 'PayByTraffic',
      bandwidth: String(props.eipBandwidthMbps ?? 100),
      deletionProtection: true,
      tags,
    });
    this.association = new EipAssociation(this, 'eip-association', {
      allocationId: this.eip.id,
      instanceId: this.natGateway.id,
      instanceType: 'Nat',
    });
  }

  /**
   * Translates the sources of `vswitch` to this gateway's EIP. Created in `scope` (the served
   * zone's scope), so a zone's entries come and go with the zone.
   */
  public snatFor(scope: Construct, vswitch: Vswitch, zoneId: string): SnatEntry {
    return new SnatEntry(scope, `snat-${vswitch.node.id}`, {
      snatTableId: this.natGateway.snatTableIds,
      sourceVswitchId: vswitch.id,
      snatIp: this.eip.ipAddress,
      snatEntryName: `${this.name}-${vswitch.node.id}-${zoneId}`,
      // The EIP must be bound to the gateway before an entry can use it.
      dependsOn: [this.association],
    });
  }
}
