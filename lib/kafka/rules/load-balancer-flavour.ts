import { Finding, inputFinding, KafkaInputRule } from './rule';

/** The cloud's load balancer judges its own settings (an Alibaba NLB needs two zones, ...); its findings join the others. */
export const loadBalancerFlavourRule: KafkaInputRule = ({ props }) => {
  const flavour = props.externalListener?.loadBalancer?.flavour;
  if (!flavour) return [];
  return flavour.problems().map((p): Finding => inputFinding('load-balancer-flavour', `externalListener.loadBalancer.${p.prop}`, p.problem, p.fix));
};
