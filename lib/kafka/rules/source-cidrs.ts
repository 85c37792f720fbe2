import * as net from 'net';
import { Finding, inputFinding, KafkaInputRule } from './rule';

/** `loadBalancerSourceRanges` takes only CIDR blocks; anything else fails at apply time, long after synth. */
export const sourceCidrsRule: KafkaInputRule = ({ props }) => {
  const findings: Finding[] = [];
  for (const cidr of props.externalListener?.loadBalancer?.allowedSourceCidrs ?? []) {
    if (!isCidr(cidr)) findings.push(inputFinding('source-cidrs', 'externalListener.loadBalancer.allowedSourceCidrs', `${JSON.stringify(cidr)} is not a CIDR block`, 'use blocks such as "10.0.0.0/8" or "2001:db8::/32"'));
  }
  return findings;
};

/** An IPv4 or IPv6 CIDR block. */
export function isCidr(value: string): boolean {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(value);
  if (!m) return false;
  const prefix = parseInt(m[2], 10);
  if (net.isIPv4(m[1])) return prefix <= 32;
  if (net.isIPv6(m[1])) return prefix <= 128;
  return false;
}
