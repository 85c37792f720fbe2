import { AckNetworkPlugin } from '../../../lib/cloud/alicloud/ack-cluster';
import { NatGatewayMode } from '../../../lib/cloud/alicloud/nat-gateway-mode';
import { BASE_PROPS, resources, synthesize, values } from './fixture';
import { alicloudSchemaChecker } from './terraform-schema';

const infra = synthesize().infra;
const ZONES = ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j'];
const ref = (type: string, id: string, attr = 'id') => `\${${type}.${id}.${attr}}`;

/** Which zone each resource serves, derived only from the synthesized JSON (vSwitch zone IDs and references). */
function egressByZone(stack: any) {
  const vswitchZone = new Map(Object.entries<any>(resources(stack, 'alicloud_vswitch')).map(([id, v]) => [ref('alicloud_vswitch', id), v.zone_id]));
  const natZone = new Map(Object.entries<any>(resources(stack, 'alicloud_nat_gateway')).map(([id, n]) => [ref('alicloud_nat_gateway', id), vswitchZone.get(n.vswitch_id)]));
  const tableZones = new Map<string, string[]>();
  for (const attachment of values(stack, 'alicloud_route_table_attachment')) {
    tableZones.set(attachment.route_table_id, [...(tableZones.get(attachment.route_table_id) ?? []), vswitchZone.get(attachment.vswitch_id)!]);
  }
  return { vswitchZone, natZone, tableZones };
}

describe('egress per zone (default)', () => {
  const { vswitchZone, natZone, tableZones } = egressByZone(infra);

  test('as many NAT gateways, EIPs and custom route tables as zones, each NAT in its own zone', () => {
    expect(values(infra, 'alicloud_nat_gateway')).toHaveLength(3);
    expect(values(infra, 'alicloud_eip_address')).toHaveLength(3);
    expect(values(infra, 'alicloud_route_table')).toHaveLength(3);
    expect([...natZone.values()].sort()).toEqual(ZONES);
    for (const nat of values(infra, 'alicloud_nat_gateway')) expect(nat).toMatchObject({ nat_type: 'Enhanced', deletion_protection: true });
  });

  test("each zone's node and pod vSwitches are attached to that zone's own route table, and nothing else is", () => {
    expect(values(infra, 'alicloud_route_table_attachment')).toHaveLength(6);
    expect(tableZones.size).toBe(3);
    for (const zones of tableZones.values()) expect(zones).toEqual([zones[0], zones[0]]);
    expect([...tableZones.values()].map((z) => z[0]).sort()).toEqual(ZONES);
    expect(new Set(values(infra, 'alicloud_route_table_attachment').map((a) => a.vswitch_id)).size).toBe(6);
    expect(vswitchZone.size).toBe(6);
  });

  test("every route table's only route is 0.0.0.0/0 to the NAT gateway of the same zone", () => {
    const routes = values(infra, 'alicloud_route_entry');
    expect(routes).toHaveLength(3);
    for (const route of routes) {
      expect(route).toMatchObject({ destination_cidrblock: '0.0.0.0/0', nexthop_type: 'NatGateway' });
      const tableZone = tableZones.get(route.route_table_id)![0];
      expect(natZone.get(route.nexthop_id)).toBe(tableZone);
    }
  });

  test("every vSwitch's SNAT entry uses the EIP and SNAT table of its own zone's gateway", () => {
    const natIdByEip = new Map<string, string>();
    for (const association of values(infra, 'alicloud_eip_association')) {
      expect(association.instance_type).toBe('Nat');
      natIdByEip.set(association.allocation_id.replace(/\.id\}$/, '.ip_address}'), association.instance_id);
    }
    const snat = values(infra, 'alicloud_snat_entry');
    expect(snat).toHaveLength(6);
    for (const entry of snat) {
      const zone = vswitchZone.get(entry.source_vswitch_id);
      const nat = natIdByEip.get(entry.snat_ip)!;
      expect(natZone.get(nat)).toBe(zone);
      expect(entry.snat_table_id).toBe(nat.replace(/\.id\}$/, '.snat_table_ids}'));
    }
  });

  test('flannel: only node vSwitches, each in its zone table', () => {
    const flannel = egressByZone(synthesize({ networkPlugin: AckNetworkPlugin.FLANNEL }).infra);
    expect([...flannel.tableZones.values()].sort()).toEqual(ZONES.map((z) => [z]));
    expect(flannel.natZone.size).toBe(3);
  });

  test('adding a zone only adds resources; existing NATs, EIPs, SNAT entries, route tables, attachments and routes stay identical', () => {
    // cn-hangzhou-b takes slot 1, below every existing zone: the hardest case for slot-keyed identities.
    const grown = synthesize({ zones: [{ zoneId: 'cn-hangzhou-b' }, ...BASE_PROPS.zones] }).infra;
    const types = ['alicloud_vswitch', 'alicloud_nat_gateway', 'alicloud_eip_address', 'alicloud_eip_association', 'alicloud_snat_entry', 'alicloud_route_table', 'alicloud_route_table_attachment', 'alicloud_route_entry'];
    for (const type of types) {
      const before = resources(infra, type);
      const after = resources(grown, type);
      for (const [id, body] of Object.entries(before)) expect({ type, id, body: after[id] }).toEqual({ type, id, body });
      expect(Object.keys(after).length).toBeGreaterThan(Object.keys(before).length);
    }
    expect(egressByZone(grown).natZone.size).toBe(4);
    // Nothing at all disappears from the stack.
    for (const [type, instances] of Object.entries<any>(infra.resource)) {
      for (const id of Object.keys(instances)) expect({ type, id, kept: grown.resource[type]?.[id] !== undefined }).toEqual({ type, id, kept: true });
    }
  });

  test('both stacks of every egress mode pass the provider schema', () => {
    const checker = alicloudSchemaChecker();
    for (const natGateways of Object.values(NatGatewayMode)) {
      const s = synthesize({ natGateways });
      expect(checker.check(s.infra)).toEqual([]);
    }
  });
});

describe('one shared NAT gateway: explicit, loudly named, never the default', () => {
  const shared = synthesize({ natGateways: NatGatewayMode.DANGEROUSLY_ONE_SHARED }).infra;

  test('the default is not the shared gateway', () => {
    expect(values(infra, 'alicloud_nat_gateway').length).toBeGreaterThan(1);
  });

  test('one gateway in the lowest slot; every zone keeps its own route table, all pointing at that gateway', () => {
    const { natZone, tableZones } = egressByZone(shared);
    expect([...natZone.values()]).toEqual(['cn-hangzhou-h']);
    expect(tableZones.size).toBe(3);
    const [natRef] = [...natZone.keys()];
    expect(values(shared, 'alicloud_route_entry').map((r) => r.nexthop_id)).toEqual([natRef, natRef, natRef]);
    expect(values(shared, 'alicloud_snat_entry')).toHaveLength(6);
  });

  test('a zone loss there is every zone\'s egress loss: this is exactly what the default avoids', () => {
    const { natZone } = egressByZone(infra);
    const zonesLosingEgress = (stack: any, failed: string) => {
      const { natZone: nats, tableZones } = egressByZone(stack);
      return values(stack, 'alicloud_route_entry').filter((r) => nats.get(r.nexthop_id) === failed).map((r) => tableZones.get(r.route_table_id)![0]).sort();
    };
    expect(zonesLosingEgress(shared, 'cn-hangzhou-h')).toEqual(ZONES);
    expect(zonesLosingEgress(infra, 'cn-hangzhou-h')).toEqual(['cn-hangzhou-h']);
    expect(natZone.size).toBe(3);
  });

  test('the shared gateway zone can be pinned; an unknown zone, or a pin without the shared mode, fails synth', () => {
    const pinned = synthesize({ natGateways: NatGatewayMode.DANGEROUSLY_ONE_SHARED, natZoneId: 'cn-hangzhou-j' }).infra;
    expect([...egressByZone(pinned).natZone.values()]).toEqual(['cn-hangzhou-j']);
    expect(() => synthesize({ natGateways: NatGatewayMode.DANGEROUSLY_ONE_SHARED, natZoneId: 'cn-hangzhou-b' })).toThrow(/natZoneId: zone cn-hangzhou-b is not one of the platform's zones/);
    expect(() => synthesize({ natZoneId: 'cn-hangzhou-j' })).toThrow(/natZoneId: natZoneId only places a shared NAT gateway, but natGateways is per-zone.*Fix: drop natZoneId/);
  });

  test('NONE: no gateway, no EIP, no SNAT, no custom route table', () => {
    const none = synthesize({ natGateways: NatGatewayMode.NONE }).infra;
    for (const type of ['alicloud_nat_gateway', 'alicloud_eip_address', 'alicloud_snat_entry', 'alicloud_route_table', 'alicloud_route_table_attachment', 'alicloud_route_entry']) {
      expect({ type, count: values(none, type).length }).toEqual({ type, count: 0 });
    }
  });
});
