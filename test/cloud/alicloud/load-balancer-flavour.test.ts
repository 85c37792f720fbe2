import { AlicloudLoadBalancerFlavour, AlicloudLoadBalancerType } from '../../../lib/cloud/alicloud/load-balancer-flavour';
import { LoadBalancerExposure } from '../../../lib/kafka/types';

const ADDRESS_TYPE = 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type';

describe('Alibaba Cloud load-balancer flavours', () => {
  test.each([
    [LoadBalancerExposure.INTERNAL, 'intranet'],
    [LoadBalancerExposure.INTERNET, 'internet'],
  ])('CLB (the default), %s exposure: address type %s, no class, the spec when given', (exposure, addressType) => {
    expect(new AlicloudLoadBalancerFlavour().serviceFields(exposure)).toEqual({ annotations: { [ADDRESS_TYPE]: addressType } });
    expect(new AlicloudLoadBalancerFlavour({ spec: 'slb.s2.small' }).serviceFields(exposure).annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec']).toBe('slb.s2.small');
  });

  test('NLB: the NLB class and the zone maps, sorted by zone', () => {
    const nlb = new AlicloudLoadBalancerFlavour({ type: AlicloudLoadBalancerType.NLB, zoneMappings: { 'zone-b': 'vsw-b', 'zone-a': 'vsw-a' } });
    expect(nlb.serviceFields(LoadBalancerExposure.INTERNAL)).toEqual({
      annotations: { [ADDRESS_TYPE]: 'intranet', 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-zone-maps': 'zone-a:vsw-a,zone-b:vsw-b' },
      loadBalancerClass: 'alibabacloud.com/nlb',
    });
    expect(nlb.problems()).toEqual([]);
  });

  test('an NLB in fewer than two zones is a problem the Kafka rule pack reports', () => {
    const problems = new AlicloudLoadBalancerFlavour({ type: AlicloudLoadBalancerType.NLB, zoneMappings: { 'zone-a': 'vsw-a' } }).problems();
    expect(problems).toHaveLength(1);
    expect(problems[0].prop).toBe('flavour.zoneMappings');
    expect(problems[0].problem).toMatch(/at least two zones/);
    expect(new AlicloudLoadBalancerFlavour().problems()).toEqual([]);
  });

  test('both keep the client source address, so the security group must admit the clients', () => {
    expect(new AlicloudLoadBalancerFlavour().preservesClientSource).toBe(true);
  });
});
