import { Construct } from 'constructs';
import { EipAddress } from '../../generated/providers/alicloud/eip-address';
import { EipAssociation } from '../../generated/providers/alicloud/eip-association';
import { NatGateway } from '../../generated/providers/alicloud/nat-gateway';
import { SnatEntry } from '../../generated/providers/alicloud/snat-entry';
import { Vpc } from '../../generated/providers/alicloud/vpc';
import { Vswitch } from '../../generated/providers/alicloud/vswitch';
import { KafkaPlatformValidationError } from '../../errors';
import { AlicloudZone, planZones, ZonePlan } from './zone-plan';

export interface AlicloudKafkaNetworkProps {
  /** Prefix for resource names. */
  readonly name: string;
  /** @default `${name}-vpc` */
  readonly vpcName?: string;
  /** @default '192.168.0.0/16' */
  readonly vpcCidr?: string;
  /** Zones (at least 3): one node vSwitch each, and one pod vSwitch each when `podVswitches` is on. */
  readonly zones: readonly AlicloudZone[];
  /** Create a pod vSwitch per zone (Terway needs them). @default true */
  readonly podVswitches?: boolean;
  /**
   * Create an enhanced NAT gateway with an EIP and one SNAT entry per vSwitch so that private
   * nodes reach the internet (image pulls). Off when egress is provided otherwise (CEN, a shared NAT).
   * @default true
   */
  readonly natGateway?: boolean;
  /**
   * Zone whose node vSwitch holds the NAT gateway. Pin it when you may later add a zone with a
   * lower address slot.
   * @default - the zone with the lowest address slot (independent of the order of `zones`)
   */
  readonly natZoneId?: string;
  /** EIP bandwidth in Mbit/s (pay by traffic). @default 100 */
  readonly natEipBandwidthMbps?: number;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/** The network of one zone. */
export interface AlicloudZoneNetwork extends ZonePlan {
  readonly nodeVswitch: Vswitch;
  readonly podVswitch?: Vswitch;
}

/**
 * VPC, node (and Terway pod) vSwitches in every zone, and egress through one enhanced NAT gateway.
 *
 * Identity: every per-zone resource's construct ID is its zone ID and its CIDR comes from the
 * zone's address slot, so adding a zone only adds resources.
 *
 * Single NAT: an enhanced NAT gateway lives in one vSwitch and installs the `0.0.0.0/0` route in
 * the VPC's system route table, which every vSwitch shares. A NAT per zone would need a custom
 * route table per vSwitch (`alicloud_route_table`, `_route_table_attachment`, `_route_entry`),
 * which this provider schema subset does not include. Losing the NAT's zone stops internet egress
 * for all zones, but not Kafka: client, replication and controller traffic stays inside the VPC.
 */
export class AlicloudKafkaNetwork extends Construct {
  public readonly vpc: Vpc;
  public readonly vpcCidr: string;
  public readonly zones: AlicloudZoneNetwork[];
  public readonly natGateway?: NatGateway;
  public readonly natEip?: EipAddress;

  constructor(scope: Construct, id: string, props: AlicloudKafkaNetworkProps) {
    super(scope, id);
    this.vpcCidr = props.vpcCidr ?? '192.168.0.0/16';
    if (props.zones.length < 3) {
      throw new KafkaPlatformValidationError(this.node.path, 'zones', `${props.zones.length} zone(s) given; a highly available Kafka needs at least 3`, 'list at least 3 zone IDs of the region, e.g. cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j');
    }
    const plans = planZones(this.node.path, this.vpcCidr, props.zones);
    const tags = { ...props.tags };

    this.vpc = new Vpc(this, 'vpc', {
      vpcName: props.vpcName ?? `${props.name}-vpc`,
      cidrBlock: this.vpcCidr,
      description: `Kafka platform ${props.name}`,
      tags,
    });

    this.zones = plans.map((plan) => {
      const zoneScope = new Construct(this, plan.zoneId);
      const nodeVswitch = new Vswitch(zoneScope, 'nodes', {
        vpcId: this.vpc.id,
        zoneId: plan.zoneId,
        cidrBlock: plan.nodeCidr,
        vswitchName: `${props.name}-nodes-${plan.zoneId}`,
        tags: { ...tags, 'kafka-platform.io/role': 'nodes' },
      });
      const podVswitch = props.podVswitches === false ? undefined : new Vswitch(zoneScope, 'pods', {
        vpcId: this.vpc.id,
        zoneId: plan.zoneId,
        cidrBlock: plan.podCidr,
        vswitchName: `${props.name}-pods-${plan.zoneId}`,
        tags: { ...tags, 'kafka-platform.io/role': 'pods' },
      });
      return { ...plan, nodeVswitch, podVswitch };
    });

    if (props.natGateway !== false) {
      // Not `zones[0]`: reordering the zones or adding one in front must not move the NAT gateway.
      const natZone = props.natZoneId
        ? this.zones.find((z) => z.zoneId === props.natZoneId)
        : [...this.zones].sort((a, b) => a.slot - b.slot)[0];
      if (!natZone) {
        throw new KafkaPlatformValidationError(this.node.path, 'natZoneId', `zone ${props.natZoneId} is not one of the platform's zones`, `use one of ${this.zoneIds.join(', ')}`);
      }
      this.natGateway = new NatGateway(this, 'nat', {
        vpcId: this.vpc.id,
        vswitchId: natZone.nodeVswitch.id,
        natType: 'Enhanced',
        natGatewayName: `${props.name}-nat`,
        paymentType: 'PayAsYouGo',
        internetChargeType: 'PayByLcu',
        networkType: 'internet',
        deletionProtection: true,
        tags,
      });
      this.natEip = new EipAddress(this, 'nat-eip', {
        addressName: `${props.name}-nat`,
        paymentType: 'PayAsYouGo',
        internetChargeType: 'PayByTraffic',
        bandwidth: String(props.natEipBandwidthMbps ?? 100),
        deletionProtection: true,
        tags,
      });
      const association = new EipAssociation(this, 'nat-eip-association', {
        allocationId: this.natEip.id,
        instanceId: this.natGateway.id,
        instanceType: 'Nat',
      });
      for (const zone of this.zones) {
        const zoneScope = this.node.findChild(zone.zoneId);
        for (const vswitch of [zone.nodeVswitch, zone.podVswitch]) {
          if (!vswitch) continue;
          new SnatEntry(zoneScope, `snat-${vswitch.node.id}`, {
            snatTableId: this.natGateway.snatTableIds,
            sourceVswitchId: vswitch.id,
            snatIp: this.natEip.ipAddress,
            snatEntryName: `${props.name}-${vswitch.node.id}-${zone.zoneId}`,
            dependsOn: [association],
          });
        }
      }
    }
  }

  /** The zones ordered by address slot: lists handed to the cluster stay the same when the zones are reordered. */
  public get zonesBySlot(): AlicloudZoneNetwork[] {
    return [...this.zones].sort((a, b) => a.slot - b.slot);
  }

  public get zoneIds(): string[] {
    return this.zones.map((z) => z.zoneId);
  }
}
