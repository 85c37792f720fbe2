import { LoadBalancerExposure, LoadBalancerOptions, LoadBalancerProvider } from './types';

/**
 * Turns the cloud-neutral LoadBalancer choice into Service annotations and
 * fields. AWS: the AWS Load Balancer Controller provisions an NLB with IP
 * targets. Alibaba Cloud: the cloud controller manager provisions a CLB (SLB),
 * or an NLB when the Service asks for the `alibabacloud.com/nlb` class.
 */
export function loadBalancerServiceFields(lb: LoadBalancerOptions): { annotations: Record<string, string>; loadBalancerClass?: string; loadBalancerSourceRanges?: string[] } {
  const internet = (lb.exposure ?? LoadBalancerExposure.INTERNAL) === LoadBalancerExposure.INTERNET;
  const annotations: Record<string, string> = {};
  let loadBalancerClass: string | undefined;
  switch (lb.provider) {
    case LoadBalancerProvider.AWS_NLB:
      annotations['service.beta.kubernetes.io/aws-load-balancer-type'] = 'external';
      annotations['service.beta.kubernetes.io/aws-load-balancer-nlb-target-type'] = 'ip';
      annotations['service.beta.kubernetes.io/aws-load-balancer-scheme'] = internet ? 'internet-facing' : 'internal';
      break;
    case LoadBalancerProvider.ALIBABA_CLB:
      annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type'] = internet ? 'internet' : 'intranet';
      if (lb.spec) annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec'] = lb.spec;
      break;
    case LoadBalancerProvider.ALIBABA_NLB:
      loadBalancerClass = 'alibabacloud.com/nlb';
      annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type'] = internet ? 'internet' : 'intranet';
      if (lb.zoneMappings && Object.keys(lb.zoneMappings).length > 0) {
        annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-zone-maps'] = Object.keys(lb.zoneMappings).sort().map(z => `${z}:${lb.zoneMappings![z]}`).join(',');
      }
      break;
    case LoadBalancerProvider.GENERIC:
      break;
  }
  const ranges = lb.allowedSourceCidrs && lb.allowedSourceCidrs.length > 0 ? [...lb.allowedSourceCidrs] : undefined;
  return { annotations, loadBalancerClass, loadBalancerSourceRanges: ranges };
}
