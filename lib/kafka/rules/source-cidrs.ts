import { isCanonicalCidrText, isCidr } from '../k8s/cidr';
import { Finding, inputFinding, KafkaInputRule } from './rule';

/**
 * `loadBalancerSourceRanges` takes only CIDR blocks; anything else fails at
 * apply time, long after synth. A prefix with leading zeros (`/00`) is refused:
 * parsers disagree on it, and the internet guard must see what the cloud sees.
 */
export const sourceCidrsRule: KafkaInputRule = ({ props }) => {
  const findings: Finding[] = [];
  const cidrs: unknown[] = props.externalListener?.loadBalancer?.allowedSourceCidrs ?? [];
  cidrs.forEach((cidr, i) => {
    if (!isCidr(cidr) || !isCanonicalCidrText(cidr as string)) findings.push(inputFinding('source-cidrs', 'externalListener.loadBalancer.allowedSourceCidrs', `entry ${i}, ${JSON.stringify(cidr)}, is not a CIDR block in canonical form`, 'use blocks such as "10.0.0.0/8" or "2001:db8::/32" (prefix without leading zeros)'));
  });
  return findings;
};

export { isCidr } from '../k8s/cidr';
