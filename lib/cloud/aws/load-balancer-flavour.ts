import { ILoadBalancerFlavour, LoadBalancerExposure, LoadBalancerFlavourProblem, LoadBalancerServiceFields } from '../../kafka/types';

/**
 * An AWS Network Load Balancer provisioned by the AWS Load Balancer Controller,
 * with IP targets (traffic goes straight to the broker pods). For plain YAML
 * users on EKS; `AwsKafkaCloud` supplies it to `KafkaPlatform` by itself.
 */
export class AwsNlbFlavour implements ILoadBalancerFlavour {
  public readonly name = 'aws-nlb';
  /** IP targets see the NLB's own private addresses, not the client's; `loadBalancerSourceRanges` is enforced on the NLB. */
  public readonly preservesClientSource = false;

  public serviceFields(exposure: LoadBalancerExposure): LoadBalancerServiceFields {
    return {
      annotations: {
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': exposure === LoadBalancerExposure.INTERNET ? 'internet-facing' : 'internal',
      },
    };
  }

  public problems(): LoadBalancerFlavourProblem[] {
    return [];
  }
}
