import { KafkaPlatformValidationError } from '../../errors';
import { CloudInfrastructureRequest } from '../cloud';
import { parseCidr } from './cidr';

export const LISTENER_SOURCES_PROP = 'kafka.externalListener.loadBalancer.allowedSourceCidrs';

/**
 * The external listener's allowed source CIDRs, validated for the security group: IPv4 only (the
 * platform's VPC and its rules are IPv4), and no `/0` unless the listener's one opt-in (`dangerouslyAllowAnySource`) says so. The
 * Services also carry them as `loadBalancerSourceRanges`; the security group is what enforces them
 * whatever the cloud controller manager does with that field.
 */
export function listenerSourceCidrs(path: string, request: CloudInfrastructureRequest, allowInternet: boolean): string[] {
  const cidrs = request.externalListener?.allowedSourceCidrs ?? [];
  return cidrs.filter((cidr, i) => {
    if (cidr.includes(':')) {
      throw new KafkaPlatformValidationError(path, `${LISTENER_SOURCES_PROP}[${i}]`, `${cidr} is an IPv6 block, but the ACK VPC and its security group rules are IPv4`, 'list the clients\' IPv4 CIDRs');
    }
    if (parseCidr(path, `${LISTENER_SOURCES_PROP}[${i}]`, cidr).prefix === 0) {
      if (!allowInternet) {
        throw new KafkaPlatformValidationError(path, `${LISTENER_SOURCES_PROP}[${i}]`, `${cidr} opens the Kafka listener to every address`, 'list the client CIDRs, or set kafka.externalListener.loadBalancer.dangerouslyAllowAnySource: true if the listener really must be public');
      }
      // The opt-in already opens the client ports to 0.0.0.0/0.
      return false;
    }
    return true;
  });
}
