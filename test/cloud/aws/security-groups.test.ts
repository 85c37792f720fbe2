import { KafkaPlatformValidationError } from '../../../lib/errors';
import { resourceBodies, synthAws } from './aws-test-helpers';

const OPEN_WORLD = ['0.0.0.0/0', '::/0'];

describe('Kafka security group (least privilege)', () => {
  test('client ports are open to the VPC CIDR and the allow-list only', () => {
    const { json } = synthAws({ allowedClientCidrs: ['10.50.0.0/16'] });
    const rules = resourceBodies(json, 'aws_vpc_security_group_ingress_rule');
    const clientRules = rules.filter((r) => r.cidr_ipv4 !== undefined);
    expect(clientRules.map((r) => `${r.from_port}-${r.to_port}:${r.cidr_ipv4}`).sort()).toEqual([
      '9092-9092:10.40.0.0/16', '9092-9092:10.50.0.0/16', '9094-9094:10.40.0.0/16', '9094-9094:10.50.0.0/16',
    ]);
  });

  test('inter-node ports are reachable only from the Kafka node security group itself', () => {
    const { json } = synthAws();
    const internode = resourceBodies(json, 'aws_vpc_security_group_ingress_rule').filter((r) => r.from_port === 9093);
    expect(internode).toHaveLength(1);
    expect(internode[0].referenced_security_group_id).toBe(internode[0].security_group_id);
    expect(internode[0].cidr_ipv4).toBeUndefined();
  });

  test('nothing in the default infrastructure opens a port to the internet', () => {
    const { json } = synthAws({ allowedClientCidrs: ['10.50.0.0/16'] });
    for (const r of resourceBodies(json, 'aws_vpc_security_group_ingress_rule')) {
      expect(OPEN_WORLD).not.toContain(r.cidr_ipv4);
      expect(OPEN_WORLD).not.toContain(r.cidr_ipv6);
    }
    for (const sg of resourceBodies(json, 'aws_security_group')) {
      expect(sg.ingress ?? []).toEqual([]);
    }
    expect(json.resource.aws_security_group_rule).toBeUndefined();
  });

  test('0.0.0.0/0 in the allow-list is refused, pointing at the external listener', () => {
    expect(() => synthAws({ allowedClientCidrs: ['0.0.0.0/0'] })).toThrow(KafkaPlatformValidationError);
    expect(() => synthAws({ allowedClientCidrs: ['0.0.0.0/0'] })).toThrow(/allowedClientCidrs\[0\].*kafka\.externalListener with LoadBalancerExposure\.INTERNET/);
  });

  test('the listener\'s one opt-in never opens the node security group: the NLB forwards from inside the VPC', () => {
    const internet = { externalListener: { domain: 'kafka.example.com', internetFacing: true, dangerouslyAllowAnySource: true } };
    const { json } = synthAws({}, internet);
    const world = resourceBodies(json, 'aws_vpc_security_group_ingress_rule').filter((r) => r.cidr_ipv4 === '0.0.0.0/0');
    expect(world).toEqual([]);
  });

  test('an internet-facing listener needs source CIDRs at the load balancer, or the listener\'s one opt-in', () => {
    // The NLB reaches pods from its own private addresses: the node security group cannot filter internet clients.
    const internet = (allowedSourceCidrs?: string[]) => ({ externalListener: { domain: 'kafka.example.com', internetFacing: true, allowedSourceCidrs } });
    expect(() => synthAws({}, internet())).toThrow(/kafka\.externalListener\.loadBalancer\.allowedSourceCidrs: an internet-facing Kafka listener without source CIDRs is open.*kafka\.externalListener\.loadBalancer\.dangerouslyAllowAnySource: true/);
    expect(() => synthAws({}, internet(['198.51.100.0/24', '0.0.0.0/0']))).toThrow(/0\.0\.0\.0\/0 opens the internet-facing Kafka listener/);
    expect(() => synthAws({}, internet(['::/0']))).toThrow(KafkaPlatformValidationError);
    expect(() => synthAws({}, internet(['198.51.100.0/24']))).not.toThrow();
    expect(() => synthAws({}, { externalListener: { domain: 'kafka.example.com', internetFacing: true, dangerouslyAllowAnySource: true } })).not.toThrow();
    // Internal listeners are reachable only inside the VPC and peered networks.
    expect(() => synthAws({}, { externalListener: { domain: 'kafka.example.internal', internetFacing: false } })).not.toThrow();
  });

  test('changing the allow-list adds rules without renaming existing ones', () => {
    const before = synthAws({ allowedClientCidrs: ['10.50.0.0/16'] }).json.resource.aws_vpc_security_group_ingress_rule;
    const after = synthAws({ allowedClientCidrs: ['10.60.0.0/16', '10.50.0.0/16'] }).json.resource.aws_vpc_security_group_ingress_rule;
    for (const [name, body] of Object.entries(before)) expect(after[name]).toEqual(body);
    expect(Object.keys(after)).toHaveLength(Object.keys(before).length + 2);
  });
});
