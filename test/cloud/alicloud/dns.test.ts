import { AlicloudLoadBalancerType } from '../../../lib/cloud/alicloud/load-balancer-flavour';
import { ENDPOINTS, synthesize, values } from './fixture';

const defaults = synthesize();
const infra = defaults.infra;

describe('DNS', () => {
  test('PrivateZone for the listener domain, attached to the VPC', () => {
    expect(values(infra, 'alicloud_pvtz_zone')).toEqual([expect.objectContaining({ zone_name: 'kafka.example.com' })]);
    expect(values(infra, 'alicloud_pvtz_zone_attachment')).toEqual([expect.objectContaining({
      vpcs: [{ vpc_id: expect.stringMatching(/alicloud_vpc\..*\.id/), region_id: 'cn-hangzhou' }],
    })]);
  });

  test('bootstrap and per-broker records match the advertised host names and point at their Services', () => {
    const records = values(defaults.workloads, 'alicloud_pvtz_zone_record');
    expect(records.map((r) => `${r.rr}.kafka.example.com`).sort()).toEqual(ENDPOINTS.map((e) => e.hostname).sort());
    for (const r of records) {
      expect(r.type).toBe('A');
      expect(r.zone_id).toMatch(/cross-stack-output-alicloud_pvtz_zone/);
      expect(r.value).toBe(`\${kubernetes_service_v1.kafka_${r.rr.replace(/-/g, '_')}_external.status[0].load_balancer[0].ingress[0].ip}`);
    }
    expect(values(defaults.workloads, 'alicloud_alidns_record')).toEqual([]);
  });

  test('internet-facing listener: public Alidns records relative to the public domain', () => {
    const s = synthesize({ publicDnsDomain: 'example.com', allowedClientCidrs: ['203.0.113.0/24'] }, { externalListener: { domain: 'kafka.example.com', internetFacing: true } });
    const records = values(s.workloads, 'alicloud_alidns_record');
    expect(records.map((r) => r.rr).sort()).toEqual(['bootstrap.kafka', 'broker-0.kafka', 'broker-1.kafka', 'broker-2.kafka']);
    records.forEach((r) => expect(r.domain_name).toBe('example.com'));
  });

  test('NLB is addressed by host name, so records are CNAMEs', () => {
    const s = synthesize({ loadBalancer: { type: AlicloudLoadBalancerType.NLB, zoneMappings: { 'cn-hangzhou-h': 'vsw-1', 'cn-hangzhou-i': 'vsw-2' } } });
    expect(s.infrastructure.loadBalancerAddressType).toBe('hostname');
    expect(values(s.workloads, 'alicloud_pvtz_zone_record').every((r) => r.type === 'CNAME')).toBe(true);
    expect(defaults.infrastructure.loadBalancerAddressType).toBe('ip');
  });

  test('an advertised host outside the zone fails synth', () => {
    expect(() => synthesize({}, {}, [{ ...ENDPOINTS[0], hostname: 'bootstrap.other.org' }])).toThrow(/bootstrap\.other\.org is not inside the DNS zone kafka\.example\.com/);
  });

  test('public records for an internal listener fail synth', () => {
    expect(() => synthesize({ publicDnsDomain: 'example.com' })).toThrow(/publicDnsDomain/);
  });
});

