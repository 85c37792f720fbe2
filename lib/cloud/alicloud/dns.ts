import { Construct } from 'constructs';
import { AlidnsRecord } from '../../generated/providers/alicloud/alidns-record';
import { PvtzZone } from '../../generated/providers/alicloud/pvtz-zone';
import { PvtzZoneAttachment } from '../../generated/providers/alicloud/pvtz-zone-attachment';
import { PvtzZoneRecord } from '../../generated/providers/alicloud/pvtz-zone-record';
import { KafkaPlatformValidationError } from '../../errors';
import { ExternalEndpoint } from '../../kafka/types';

export interface KafkaPrivateZoneProps {
  /** Domain of the brokers' advertised host names (`bootstrap.<domain>`, `broker-<id>.<domain>`). */
  readonly domain: string;
  readonly vpcId: string;
  readonly region: string;
}

/** A PrivateZone for the Kafka domain, resolvable from the platform's VPC. */
export class KafkaPrivateZone extends Construct {
  public readonly zone: PvtzZone;
  public readonly domain: string;

  constructor(scope: Construct, id: string, props: KafkaPrivateZoneProps) {
    super(scope, id);
    assertDomain(this.node.path, 'externalListener.domain', props.domain);
    this.domain = props.domain;
    this.zone = new PvtzZone(this, 'zone', {
      zoneName: props.domain,
      remark: 'Kafka advertised listener names',
      proxyPattern: 'ZONE',
    });
    new PvtzZoneAttachment(this, 'vpc', {
      zoneId: this.zone.id,
      vpcs: [{ vpcId: props.vpcId, regionId: props.region }],
    });
  }
}

export interface BrokerDnsRecordsProps {
  /** ID of the PrivateZone (may be a cross-stack reference). */
  readonly privateZoneId: string;
  /** Domain of the PrivateZone. */
  readonly privateDomain: string;
  readonly endpoints: readonly ExternalEndpoint[];
  /** Address of each endpoint's LoadBalancer Service (token). */
  readonly serviceAddress: (endpoint: ExternalEndpoint) => string;
  /** `A` for CLB (an IP), `CNAME` for NLB (a DNS name). */
  readonly recordType: 'A' | 'CNAME';
  /** Alidns (public) domain for an internet-facing listener; records are created there too. @default - none */
  readonly publicDomain?: string;
  /** @default 60 */
  readonly ttl?: number;
}

/**
 * One record per advertised host name (bootstrap and each broker), named exactly as the brokers
 * advertise them. Construct IDs are the host names, so adding a broker adds one record.
 */
export class BrokerDnsRecords extends Construct {
  public readonly privateRecords: PvtzZoneRecord[] = [];
  public readonly publicRecords: AlidnsRecord[] = [];

  constructor(scope: Construct, id: string, props: BrokerDnsRecordsProps) {
    super(scope, id);
    const ttl = props.ttl ?? 60;
    const seen = new Set<string>();
    for (const endpoint of props.endpoints) {
      const hostname = endpoint.hostname.replace(/\.$/, '');
      if (seen.has(hostname)) {
        throw new KafkaPlatformValidationError(this.node.path, 'endpoints', `host name ${hostname} is listed twice`, 'give each broker its own advertised host name');
      }
      seen.add(hostname);
      const value = props.serviceAddress(endpoint);
      this.privateRecords.push(new PvtzZoneRecord(this, `private-${hostname.replace(/\./g, '-')}`, {
        zoneId: props.privateZoneId,
        rr: relativeName(this.node.path, hostname, props.privateDomain),
        type: props.recordType,
        value,
        ttl,
      }));
      if (props.publicDomain) {
        this.publicRecords.push(new AlidnsRecord(this, `public-${hostname.replace(/\./g, '-')}`, {
          domainName: props.publicDomain,
          rr: relativeName(this.node.path, hostname, props.publicDomain),
          type: props.recordType,
          value,
          ttl: Math.max(ttl, 600),
          remark: 'Kafka external listener',
        }));
      }
    }
  }
}

/** `broker-0.kafka.example.com` in `example.com` -> `broker-0.kafka`. */
export function relativeName(path: string, hostname: string, domain: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const zone = domain.toLowerCase().replace(/\.$/, '');
  if (host === zone) return '@';
  if (!host.endsWith(`.${zone}`)) {
    throw new KafkaPlatformValidationError(path, 'externalListener.domain', `advertised host ${hostname} is not inside the DNS zone ${domain}`, `advertise host names under ${domain}, or set the zone to a parent domain of ${hostname}`);
  }
  return host.slice(0, -(zone.length + 1));
}

export function assertDomain(path: string, prop: string, domain: string): void {
  if (!/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/.test(domain)) {
    throw new KafkaPlatformValidationError(path, prop, `"${domain}" is not a lowercase DNS domain`, 'use e.g. kafka.internal.example.com');
  }
}
