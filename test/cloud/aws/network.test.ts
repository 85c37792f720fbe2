import { TerraformStack, Testing } from 'cdktf';
import { AwsKafkaNetwork, NatGatewayMode } from '../../../lib/cloud/aws/network';
import { planSubnets } from '../../../lib/cloud/aws/subnet-plan';
import { KafkaPlatformValidationError } from '../../../lib/errors';
import { AZS, nameWhere, ref, resourceBodies, resources, synthAws } from './aws-test-helpers';

function synthNetwork(availabilityZones: string[], extra: Partial<ConstructorParameters<typeof AwsKafkaNetwork>[2]> = {}): any {
  const stack = new TerraformStack(Testing.app(), 'net');
  new AwsKafkaNetwork(stack, 'network', { name: 'kafka', clusterName: 'kafka', vpcCidr: '10.40.0.0/16', availabilityZones, ...extra });
  return JSON.parse(Testing.synth(stack));
}

describe('subnet plan', () => {
  test('slots come from the AZ letter and CIDRs from the slot', () => {
    const plan = planSubnets('p', '10.40.0.0/16', ['eu-west-1c', 'eu-west-1a']);
    expect(plan).toEqual([
      { availabilityZone: 'eu-west-1c', slot: 2, privateCidr: '10.40.64.0/19', publicCidr: '10.40.200.0/22' },
      { availabilityZone: 'eu-west-1a', slot: 0, privateCidr: '10.40.0.0/19', publicCidr: '10.40.192.0/22' },
    ]);
  });

  test('private and public ranges never overlap for all slots', () => {
    const azs = ['a', 'b', 'c', 'd', 'e', 'f'].map((l) => `us-east-1${l}`);
    const plan = planSubnets('p', '10.0.0.0/16', azs);
    const toRange = (cidr: string) => {
      const [ip, prefix] = cidr.split('/');
      const n = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
      return [n, n + 2 ** (32 - Number(prefix)) - 1];
    };
    const ranges = plan.flatMap((p) => [toRange(p.privateCidr), toRange(p.publicCidr)]);
    for (let i = 0; i < ranges.length; i++) {
      for (let j = i + 1; j < ranges.length; j++) {
        expect(ranges[i][1] < ranges[j][0] || ranges[j][1] < ranges[i][0]).toBe(true);
      }
    }
  });

  test('local-zone names need an explicit slot; clashing slots are refused', () => {
    expect(() => planSubnets('p', '10.0.0.0/16', ['us-west-2-lax-1a-x'])).toThrow(/azSlots/);
    expect(planSubnets('p', '10.0.0.0/16', ['us-west-2-lax-1a-x'], { 'us-west-2-lax-1a-x': 5 })[0].slot).toBe(5);
    expect(() => planSubnets('p', '10.0.0.0/16', ['eu-west-1a', 'eu-west-1b'], { 'eu-west-1b': 0 })).toThrow(KafkaPlatformValidationError);
  });

  test('VPC CIDRs that are not a network address or too small are refused', () => {
    expect(() => planSubnets('p', '10.40.0.1/16', AZS)).toThrow(/host bits/);
    expect(() => planSubnets('p', '10.40.0.0/24', AZS)).toThrow(/vpcCidr/);
  });
});

describe('AwsKafkaNetwork', () => {
  test('one public and one private subnet per AZ, tagged for load balancers', () => {
    const json = synthNetwork(AZS);
    const subnets = resourceBodies(json, 'aws_subnet');
    expect(subnets).toHaveLength(6);
    for (const az of AZS) {
      const priv = subnets.filter((s) => s.availability_zone === az && s.tags['kubernetes.io/role/internal-elb'] === '1');
      const pub = subnets.filter((s) => s.availability_zone === az && s.tags['kubernetes.io/role/elb'] === '1');
      expect(priv).toHaveLength(1);
      expect(pub).toHaveLength(1);
      expect(pub[0].map_public_ip_on_launch).toBe(false);
      expect(priv[0].tags['kubernetes.io/cluster/kafka']).toBe('shared');
    }
  });

  test('a NAT gateway per AZ, and each private route table uses the NAT of its own AZ', () => {
    const json = synthNetwork(AZS);
    expect(resources(json, 'aws_nat_gateway')).toHaveLength(3);
    for (const az of AZS) {
      const publicSubnet = nameWhere(json, 'aws_subnet', (s) => s.availability_zone === az && s.tags['kubernetes.io/role/elb'] === '1');
      const privateSubnet = nameWhere(json, 'aws_subnet', (s) => s.availability_zone === az && s.tags['kubernetes.io/role/internal-elb'] === '1');
      const nat = nameWhere(json, 'aws_nat_gateway', (n) => n.subnet_id === ref('aws_subnet', publicSubnet, 'id'));
      const association = resourceBodies(json, 'aws_route_table_association').find((a) => a.subnet_id === ref('aws_subnet', privateSubnet, 'id'));
      const routeTable = association.route_table_id.match(/^\$\{aws_route_table\.([^.]+)\.id\}$/)[1];
      const routes = resourceBodies(json, 'aws_route').filter((r) => r.route_table_id === ref('aws_route_table', routeTable, 'id'));
      expect(routes).toEqual([expect.objectContaining({ destination_cidr_block: '0.0.0.0/0', nat_gateway_id: ref('aws_nat_gateway', nat, 'id') })]);
    }
  });

  test('single-NAT mode routes every private subnet through one NAT gateway', () => {
    const json = synthNetwork(AZS, { natGateways: NatGatewayMode.SINGLE });
    const nats = resources(json, 'aws_nat_gateway');
    expect(nats).toHaveLength(1);
    const natRoutes = resourceBodies(json, 'aws_route').filter((r) => r.nat_gateway_id);
    expect(natRoutes).toHaveLength(3);
    expect(new Set(natRoutes.map((r) => r.nat_gateway_id))).toEqual(new Set([ref('aws_nat_gateway', nats[0][0], 'id')]));
  });

  test('adding an AZ (in any list position) leaves existing subnets, NATs and routes untouched', () => {
    const before = synthNetwork(AZS);
    const after = synthNetwork(['eu-west-1d', 'eu-west-1c', 'eu-west-1a', 'eu-west-1b']);
    for (const type of ['aws_subnet', 'aws_nat_gateway', 'aws_eip', 'aws_route_table', 'aws_route', 'aws_route_table_association']) {
      for (const [name, body] of resources(before, type)) {
        expect(after.resource[type][name]).toEqual(body);
      }
    }
    expect(resources(after, 'aws_subnet')).toHaveLength(8);
  });

  test('fewer than 3 AZs fails synth with the prop and the fix', () => {
    expect(() => synthNetwork(['eu-west-1a', 'eu-west-1b'])).toThrow(/availabilityZones: 2 AZ\(s\) given.*Fix: list at least 3 AZ names/);
  });

  test('flow logs go to a log group with retention, through a role limited to that group', () => {
    const json = synthNetwork(AZS, { flowLogRetentionDays: 30 });
    const [groupName, group] = resources(json, 'aws_cloudwatch_log_group')[0];
    expect(group.retention_in_days).toBe(30);
    expect(resourceBodies(json, 'aws_flow_log')).toEqual([expect.objectContaining({ traffic_type: 'ALL', log_destination: ref('aws_cloudwatch_log_group', groupName, 'arn') })]);
    const policy = JSON.parse(resourceBodies(json, 'aws_iam_role_policy')[0].policy);
    expect(policy.Statement[0].Resource).toEqual([ref('aws_cloudwatch_log_group', groupName, 'arn'), `${ref('aws_cloudwatch_log_group', groupName, 'arn')}:*`]);
    expect(synthNetwork(AZS).resource.aws_flow_log).toBeUndefined();
  });

  test('the full infrastructure exposes the AZs as zones, in the given order', () => {
    expect(synthAws().infra.zones).toEqual(AZS);
  });
});

describe('availability zone selection (explicit names, optionally capped by maxAzs)', () => {
  const FOUR = [...AZS, 'eu-west-1d'];

  test('maxAzs caps the listed names, keeping their order', () => {
    const { infra, json } = synthAws({ availabilityZones: FOUR, maxAzs: 3 });
    expect(infra.zones).toEqual(AZS);
    expect(resourceBodies(json, 'aws_subnet').map((s) => s.availability_zone).sort()).toEqual([...AZS, ...AZS].sort());
    expect(synthAws({ availabilityZones: FOUR }).infra.zones).toEqual(FOUR);
  });

  test('maxAzs without AZ names is refused with the reason and the command that lists the names', () => {
    expect(() => synthAws({ availabilityZones: undefined, maxAzs: 3 }))
      .toThrow(/maxAzs: maxAzs alone cannot be used: AZ names become Kafka racks.*Fix: list the AZ names your account uses in eu-west-1 in availabilityZones.*aws ec2 describe-availability-zones --region eu-west-1/s);
    expect(() => synthAws({ availabilityZones: undefined })).toThrow(/availabilityZones: no availability zones given/);
  });

  test('maxAzs below 3 or above the listed names, and AZs of another region, are refused', () => {
    expect(() => synthAws({ availabilityZones: FOUR, maxAzs: 2 })).toThrow(/maxAzs: 2 is not an integer >= 3/);
    expect(() => synthAws({ availabilityZones: AZS, maxAzs: 4 })).toThrow(/maxAzs: asks for 4 AZs but availabilityZones lists 3/);
    expect(() => synthAws({ availabilityZones: ['eu-west-1a', 'eu-west-1b', 'us-east-1c'] })).toThrow(/availabilityZones\[2\]: "us-east-1c" is not an availability zone of region eu-west-1/);
    expect(() => synthAws({ availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-10c'] })).toThrow(KafkaPlatformValidationError);
  });
});
