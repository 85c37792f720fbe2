import { AwsNlbFlavour } from '../../../lib/cloud/aws/load-balancer-flavour';
import { LoadBalancerExposure } from '../../../lib/kafka/types';

describe('AWS NLB flavour', () => {
  test.each([
    [LoadBalancerExposure.INTERNAL, 'internal'],
    [LoadBalancerExposure.INTERNET, 'internet-facing'],
  ])('%s exposure: the Load Balancer Controller provisions an NLB with IP targets, scheme %s', (exposure, scheme) => {
    expect(new AwsNlbFlavour().serviceFields(exposure)).toEqual({
      annotations: {
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': scheme,
      },
    });
  });

  test('has nothing of its own to refuse, and does not keep the client source address', () => {
    const flavour = new AwsNlbFlavour();
    expect(flavour.problems()).toEqual([]);
    expect(flavour.preservesClientSource).toBe(false);
  });
});
