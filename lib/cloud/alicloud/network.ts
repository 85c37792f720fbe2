import { Construct } from 'constructs';
import { Vpc } from '../../generated/providers/alicloud/vpc';
import { Vswitch } from '../../generated/providers/alicloud/vswitch';
import { KafkaPlatformValidationError } from '../../errors';
import { NatEgress } from './nat-egress';
import { NatGatewayMode } from './nat-gateway-mode';
import { ZoneRouteTable } from './zone-route-table';
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
   * Internet egress of the private nodes and pods (image pulls, cloud APIs). See NatGatewayMode for
   * the blast radius of the shared option.
   * @default NatGatewayMode.PER_ZONE
   */
  readonly natGateways?: NatGatewayMode;
  /**
   * `DANGEROUSLY_ONE_SHARED` only: zone whose node vSwitch holds the shared gateway. Pin it when
   * you may later add a zone with a lower address slot.
   * @default - the zone with the lowest address slot (independent of the order of `zones`)
   */
  readonly natZoneId?: string;
  /** EIP bandwidth per NAT gateway in Mbit/s (pay by traffic). @default 100 */
  readonly natEipBandwidthMbps?: number;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/** The network of one zone. */
export interface AlicloudZoneNetwork extends ZonePlan {
  readonly nodeVswitch: Vswitch;
  readonly podVswitch?: Vswitch;
  /** The gateway this zone leaves through (its own, or the shared one). */
  readonly egress?: NatEgress;
  readonly routeTable?: ZoneRouteTable;
}

/**
 * VPC, node (and Terway pod) vSwitches in every zone, and internet egress per zone: by default each
 * zone has its own enhanced NAT gateway, EIP and custom route table, so losing a zone never takes
 * the other zones' egress with it (as on AWS, one NAT gateway and route table per zone).
 *
 * Identity: every per-zone resource lives under a construct named by its zone ID and its CIDR comes
 * from the zone's address slot, so adding a zone only adds resources and reordering changes none.
 */
export class AlicloudKafkaNetwork extends Construct {
  public readonly vpc: Vpc;
  public readonly vpcCidr: string;
  public readonly zones: AlicloudZoneNetwork[];
  public readonly natGateways: NatGatewayMode;
  /** The NAT gateways by zone ID (one entry when shared, none with `NONE`). */
  public readonly egressByZone: Record<string, NatEgress> = {};

  constructor(scope: Construct, id: string, props: AlicloudKafkaNetworkProps) {
    super(scope, id);
    this.vpcCidr = props.vpcCidr ?? '192.168.0.0/16';
    this.natGateways = props.natGateways ?? NatGatewayMode.PER_ZONE;
    if (props.zones.length < 3) {
      throw new KafkaPlatformValidationError(this.node.path, 'zones', `${props.zones.length} zone(s) given; a highly available Kafka needs at least 3`, 'list at least 3 zone IDs of the region, e.g. cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j');
    }
    if (!Object.values(NatGatewayMode).includes(this.natGateways)) {
      throw new KafkaPlatformValidationError(this.node.path, 'natGateways', `"${this.natGateways}" is not a NatGatewayMode`, 'use NatGatewayMode.PER_ZONE (or NONE / DANGEROUSLY_ONE_SHARED)');
    }
    if (props.natZoneId !== undefined && this.natGateways !== NatGatewayMode.DANGEROUSLY_ONE_SHARED) {
      throw new KafkaPlatformValidationError(this.node.path, 'natZoneId', `natZoneId only places a shared NAT gateway, but natGateways is ${this.natGateways}`, 'drop natZoneId (each zone has its own gateway), or set natGateways: NatGatewayMode.DANGEROUSLY_ONE_SHARED');
    }
    const plans = planZones(this.node.path, this.vpcCidr, props.zones);
    const tags = { ...props.tags };

    this.vpc = new Vpc(this, 'vpc', {
      vpcName: props.vpcName ?? `${props.name}-vpc`,
      cidrBlock: this.vpcCidr,
      description: `Kafka platform ${props.name}`,
      tags,
    });

    const subnets = plans.map((plan) => {
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
      return { plan, zoneScope, nodeVswitch, podVswitch };
    });

    const shared = this.natGateways === NatGatewayMode.DANGEROUSLY_ONE_SHARED ? this.sharedEgress(props, subnets) : undefined;
    this.zones = subnets.map(({ plan, zoneScope, nodeVswitch, podVswitch }) => {
      if (this.natGateways === NatGatewayMode.NONE) return { ...plan, nodeVswitch, podVswitch };
      const vswitches = podVswitch ? [nodeVswitch, podVswitch] : [nodeVswitch];
      const egress = shared ?? new NatEgress(zoneScope, 'egress', {
        name: `${props.name}-nat-${plan.zoneId}`,
        vpcId: this.vpc.id,
        vswitch: nodeVswitch,
        eipBandwidthMbps: props.natEipBandwidthMbps,
        tags,
      });
      if (!shared) this.egressByZone[plan.zoneId] = egress;
      for (const vswitch of vswitches) egress.snatFor(zoneScope, vswitch, plan.zoneId);
      const routeTable = new ZoneRouteTable(zoneScope, 'routes', {
        name: `${props.name}-rt-${plan.zoneId}`,
        vpcId: this.vpc.id,
        vswitches,
        natGateway: egress.natGateway,
        tags,
      });
      return { ...plan, nodeVswitch, podVswitch, egress, routeTable };
    });
  }

  /** The zones ordered by address slot: lists handed to the cluster stay the same when the zones are reordered. */
  public get zonesBySlot(): AlicloudZoneNetwork[] {
    return [...this.zones].sort((a, b) => a.slot - b.slot);
  }

  public get zoneIds(): string[] {
    return this.zones.map((z) => z.zoneId);
  }

  private sharedEgress(props: AlicloudKafkaNetworkProps, subnets: ReadonlyArray<{ plan: ZonePlan; nodeVswitch: Vswitch }>): NatEgress {
    // Not `zones[0]`: reordering the zones or adding one in front must not move the gateway.
    const natZone = props.natZoneId
      ? subnets.find((z) => z.plan.zoneId === props.natZoneId)
      : [...subnets].sort((a, b) => a.plan.slot - b.plan.slot)[0];
    if (!natZone) {
      throw new KafkaPlatformValidationError(this.node.path, 'natZoneId', `zone ${props.natZoneId} is not one of the platform's zones`, `use one of ${subnets.map((z) => z.plan.zoneId).join(', ')}`);
    }
    const egress = new NatEgress(this, 'shared-egress', {
      name: `${props.name}-nat`,
      vpcId: this.vpc.id,
      vswitch: natZone.nodeVswitch,
      eipBandwidthMbps: props.natEipBandwidthMbps,
      tags: { ...props.tags },
    });
    this.egressByZone[natZone.plan.zoneId] = egress;
    return egress;
  }
}
