import { isAnyAddressCidr } from '../k8s/cidr';
import { LoadBalancerExposure } from '../types';
import { KafkaRule } from './rule';

const PROP = 'externalListener.loadBalancer.allowedSourceCidrs';
const OPT_IN = 'externalListener.loadBalancer.dangerouslyAllowAnySource';

/**
 * An internet-facing listener without `loadBalancerSourceRanges` accepts
 * connections from every address on the internet: SASL and TLS are then the
 * only barrier against credential stuffing and broker CVEs. A `/0` block is the
 * same thing spelled differently. Not relaxed by the DEVELOPMENT profile: a
 * development cluster on the internet is just as exposed.
 */
export const internetListenerSourceRangesRule: KafkaRule = (ctx) => {
  const lb = ctx.externalListener?.loadBalancer;
  if (!lb) return [];
  const cidrs = lb.allowedSourceCidrs ?? [];
  // Parsed, not matched as text: `0.0.0.0/00`, `::/0` and `::ffff:0:0/96` open the listener just as `0.0.0.0/0` does.
  const open = cidrs.find(c => isAnyAddressCidr(c));
  if (lb.exposure !== LoadBalancerExposure.INTERNET) {
    // An INTERNAL listener without CIDRs admits its network; a listed `/0` reads as a restriction and is none, and
    // becomes an open door the day the exposure changes: it needs the same opt-in.
    if (open === undefined) return [];
    return [{
      ruleId: 'internet-listener-source-ranges',
      prop: PROP,
      problem: `${open} admits every address that reaches the load balancer`,
      fix: `drop it (an INTERNAL listener without ${PROP} admits its network), list the client CIDRs, or set ${OPT_IN}: true`,
      relaxable: false,
      ...(lb.dangerouslyAllowAnySource === true ? { acceptedBy: OPT_IN } : {}),
    }];
  }
  if (cidrs.length > 0 && open === undefined) return [];
  return [{
    ruleId: 'internet-listener-source-ranges',
    prop: PROP,
    problem: open !== undefined
      ? `${open} opens the internet-facing external listener to every address`
      : 'an internet-facing external listener without source CIDRs is open to every address on the internet',
    fix: `list the client CIDRs in ${PROP} (they become the Services' loadBalancerSourceRanges), use LoadBalancerExposure.INTERNAL, or set ${OPT_IN}: true if the listener really must be public`,
    relaxable: false,
    ...(lb.dangerouslyAllowAnySource === true ? { acceptedBy: OPT_IN } : {}),
  }];
};
