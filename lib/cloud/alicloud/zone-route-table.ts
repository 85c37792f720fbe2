import { Construct } from 'constructs';
import { NatGateway } from '../../generated/providers/alicloud/nat-gateway';
import { RouteEntry } from '../../generated/providers/alicloud/route-entry';
import { RouteTable } from '../../generated/providers/alicloud/route-table';
import { RouteTableAttachment } from '../../generated/providers/alicloud/route-table-attachment';
import { Vswitch } from '../../generated/providers/alicloud/vswitch';

export interface ZoneRouteTableProps {
  /** Resource name, e.g. `kafka-rt-cn-hangzhou-h`. */
  readonly name: string;
  readonly vpcId: string;
  /** The zone's vSwitches (nodes, and pods with Terway). */
  readonly vswitches: readonly Vswitch[];
  /** Next hop of the default route. */
  readonly natGateway: NatGateway;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * A custom route table for one zone's vSwitches with its default route to a NAT gateway. An
 * enhanced NAT gateway only writes its `0.0.0.0/0` into the VPC's system route table, which every
 * vSwitch shares; a vSwitch bound to its own table stops following that route, so each zone can
 * leave through its own gateway. Local VPC routes stay implicit in every table.
 */
export class ZoneRouteTable extends Construct {
  public readonly routeTable: RouteTable;
  public readonly attachments: RouteTableAttachment[];
  public readonly defaultRoute: RouteEntry;

  constructor(scope: Construct, id: string, props: ZoneRouteTableProps) {
    super(scope, id);
    this.routeTable = new RouteTable(this, 'table', {
      vpcId: props.vpcId,
      routeTableName: props.name,
      associateType: 'VSwitch',
      description: 'Kafka platform: default route to this zone\'s NAT gateway',
      tags: { ...props.tags },
    });
    this.attachments = props.vswitches.map((vswitch) => new RouteTableAttachment(this, `attach-${vswitch.node.id}`, {
      routeTableId: this.routeTable.id,
      vswitchId: vswitch.id,
    }));
    this.defaultRoute = new RouteEntry(this, 'default-route', {
      routeTableId: this.routeTable.id,
      destinationCidrblock: '0.0.0.0/0',
      nexthopType: 'NatGateway',
      nexthopId: props.natGateway.id,
      name: `${props.name}-default`,
    });
  }
}
