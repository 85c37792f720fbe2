import { App, Testing } from 'cdktf';
import * as fc from 'fast-check';
import { IKafkaCloud } from '../../lib/cloud/cloud';
import { isAnyAddressCidr } from '../../lib/kafka/k8s/cidr';
import { LoadBalancerExposure } from '../../lib/kafka/types';
import { KafkaPlatform } from '../../lib/platform/kafka-platform';
import { cidr, clean, configMap, dnsName, hostileNumber, hostileString, mostly, record, slot, withHostility } from './arbitraries';
import { attempt, cheapObjectProblems, show } from './oracle';

function platformKafkaArbitrary(): fc.Arbitrary<Record<string, unknown>> {
  return record({
    clusterName: slot(dnsName, hostileString),
    brokers: slot(record({ replicas: slot(clean() ? fc.constantFrom(3, 6) : fc.constantFrom(3, 303), hostileNumber), config: slot(configMap()) })),
    clusterDomain: slot(fc.constant('cluster.local'), fc.constantFrom('${TfToken[TOKEN.1]}', 'Bad_Domain', '')),
    credentials: slot(record({ adminUsername: slot(fc.constant('admin'), fc.constantFrom('constructor', '__proto__', 'x y')) })),
    externalListener: slot(record({
      domain: mostly(fc.constant('kafka.example.com'), hostileString),
      tls: fc.constant({ secretName: 'kafka-tls' }),
      loadBalancer: slot(record({
        exposure: slot(fc.constantFrom(LoadBalancerExposure.INTERNAL, LoadBalancerExposure.INTERNET)),
        allowedSourceCidrs: slot(fc.array(cidr(), { minLength: 1, maxLength: 3 })),
        dangerouslyAllowAnySource: slot(fc.boolean()),
      })),
    })),
  });
}

/** Kafka props for a platform (the cloud supplies zones, flavour and storage), plus the cloud's own client CIDRs. */
export const platformCase = fc.oneof(
  ...[0, 1].map(h => withHostility(h as 0 | 1, () => fc.record({ kafka: platformKafkaArbitrary(), clientCidrs: slot(fc.array(cidr(), { maxLength: 2 })) }))),
);

/** Every string-valued input of the construct tree's resources whose name says it holds CIDRs. */
function cidrInputs(platform: KafkaPlatform): string[] {
  const out: string[] = [];
  for (const c of platform.infraStack.node.findAll()) {
    for (const key of ['cidrIpInput', 'cidrIpv4Input', 'cidrBlocksInput']) {
      const v = (c as any)[key];
      if (typeof v === 'string') out.push(v);
      else if (Array.isArray(v)) out.push(...v.filter((x: unknown): x is string => typeof x === 'string'));
    }
  }
  return out;
}

/**
 * One platform case: a typed error, or objects that pass the cheap checks
 * and a cloud that opens nothing to every address unless the listener's
 * opt-in says so (the Services' source ranges and the security groups).
 */
export function checkPlatformCase(cloud: () => IKafkaCloud, generated: { kafka: Record<string, unknown> }): 'refused' | 'built' {
  const outcome = attempt(() => {
    const app = Testing.stubVersion(new App({ stackTraces: false }));
    const platform = new KafkaPlatform(app, 'kafka', { cloud: cloud(), kafka: generated.kafka as any, ecosystem: false, gitops: false });
    return { platform, objects: platform.objects as any[] };
  });
  if ('refused' in outcome) return 'refused';
  const { platform, objects } = outcome.built;
  const optIn = (generated.kafka.externalListener as any)?.loadBalancer?.dangerouslyAllowAnySource === true;
  const problems = cheapObjectProblems(objects);
  if (!optIn) {
    const open = objects.filter(o => o.kind === 'Service' && (o.spec?.loadBalancerSourceRanges ?? []).some((c: string) => isAnyAddressCidr(c)));
    if (open.length > 0) problems.push(`Services open to every address without the opt-in: ${open.map(o => o.metadata.name).join(', ')}`);
    const anyRule = cidrInputs(platform).find(c => isAnyAddressCidr(c) && c !== '0.0.0.0/0');
    if (anyRule) problems.push(`a security group admits ${anyRule}, every address in disguise`);
  }
  if (problems.length > 0) throw new Error(`accepted but wrong (${show(generated)}):\n${problems.join('\n')}`);
  return 'built';
}
