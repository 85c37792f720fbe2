import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { ExternalEndpoint } from '../../kafka/types';

export interface KafkaDnsZonesProps {
  /** Domain of the external listener (`kafka.example.internal`). */
  readonly domain: string;
  readonly vpcId: string;
  /** Also create a public hosted zone (for an internet-facing listener). @default false */
  readonly publicZone?: boolean;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/** Refuses a listener domain Route53 cannot host as given (upper case, a trailing dot, no dot at all). */
export function checkDnsDomain(path: string, domain: string): void {
  if (!/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]+$/.test(domain)) {
    throw new KafkaPlatformValidationError(path, 'externalListener.domain', `"${domain}" is not a lower-case DNS domain`, 'use a domain like kafka.example.com');
  }
}

/** Route53 hosted zones for the external listener: a private zone associated with the VPC, optionally a public one. */
export class KafkaDnsZones extends Construct {
  public readonly privateZone: Route53Zone;
  public readonly publicZone?: Route53Zone;
  public readonly domain: string;

  constructor(scope: Construct, id: string, props: KafkaDnsZonesProps) {
    super(scope, id);
    checkDnsDomain(this.node.path, props.domain);
    this.domain = props.domain;
    this.privateZone = new Route53Zone(this, 'private', {
      name: props.domain,
      comment: 'Kafka external listener (VPC-internal view)',
      vpc: [{ vpcId: props.vpcId }],
      tags: props.tags,
    });
    if (props.publicZone) {
      this.publicZone = new Route53Zone(this, 'public', {
        name: props.domain,
        comment: 'Kafka external listener (internet view)',
        tags: props.tags,
      });
    }
  }
}

export interface BrokerDnsRecordsProps {
  readonly zoneIds: string[];
  readonly endpoints: ExternalEndpoint[];
  /** Host name of the load balancer serving each endpoint (an NLB DNS name). */
  readonly loadBalancerHostname: (endpoint: ExternalEndpoint) => string;
  /** @default 60 */
  readonly ttl?: number;
}

/** CNAME records for the bootstrap and per-broker host names, created in the workloads stack once the NLBs exist. */
export class BrokerDnsRecords extends Construct {
  constructor(scope: Construct, id: string, props: BrokerDnsRecordsProps) {
    super(scope, id);
    const sorted = [...props.endpoints].sort((a, b) => a.hostname.localeCompare(b.hostname));
    props.zoneIds.forEach((zoneId, zoneIndex) => {
      for (const endpoint of sorted) {
        new Route53Record(this, `${zoneIndex === 0 ? 'private' : 'public'}-${endpoint.hostname}`, {
          zoneId,
          name: endpoint.hostname,
          type: 'CNAME',
          ttl: props.ttl ?? 60,
          records: [props.loadBalancerHostname(endpoint)],
        });
      }
    });
  }
}
