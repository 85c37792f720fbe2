import { App, Testing } from 'cdktf';
import * as fc from 'fast-check';
import { IKafkaCloud } from '../../lib/cloud/cloud';
import { isAnyAddressCidr } from '../../lib/kafka/k8s/cidr';
import { LoadBalancerExposure } from '../../lib/kafka/types';
import { KafkaPlatformValidationError } from '../../lib/errors';
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

/**
 * A misspelt or misplaced prop name at some level of the Kafka props (what a
 * JavaScript caller's typo looks like), or none: `path` is where it went.
 */
const TYPOS: ReadonlyArray<{ readonly path: string[]; readonly key: string; readonly fromCloud?: boolean }> = [
  { path: [], key: 'zone' }, { path: [], key: 'zones', fromCloud: true }, { path: [], key: 'clustername' }, { path: [], key: 'broker' }, { path: [], key: 'storageClassName', fromCloud: true },
  { path: ['brokers'], key: 'replica' }, { path: ['brokers'], key: 'configs' }, { path: ['brokers'], key: 'x\ny' },
  { path: ['credentials'], key: 'adminUser' }, { path: ['externalListener'], key: 'domains' },
  { path: ['externalListener', 'loadBalancer'], key: 'allowedSourceCidr' }, { path: ['externalListener', 'loadBalancer'], key: 'flavour', fromCloud: true },
  { path: [], key: '__proto__' }, { path: [], key: 'constructor' }, { path: ['brokers'], key: 'toString' },
];

/** Puts the typo into `kafka` when every object on its path is there; returns the prop path it has, or undefined. */
function plantTypo(kafka: Record<string, unknown>, typo: (typeof TYPOS)[number] | undefined, value: unknown): string | undefined {
  // A prop the cloud supplies may be present as undefined (what spreading a cluster's props gives); any value is refused.
  if (!typo || (typo.fromCloud && value === undefined)) return undefined;
  let at: any = kafka;
  for (const step of typo.path) {
    at = at?.[step];
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
  }
  Object.defineProperty(at, typo.key, { value, enumerable: true, configurable: true, writable: true });
  return ['kafka', ...typo.path, typo.key].join('.');
}

/** Kafka props for a platform (the cloud supplies zones, flavour and storage), plus the cloud's own client CIDRs; now and then with a misspelt prop. */
export const platformCase = fc.oneof(
  ...[0, 1].map(h => withHostility(h as 0 | 1, () => fc.record({
    kafka: platformKafkaArbitrary(),
    clientCidrs: slot(fc.array(cidr(), { maxLength: 2 })),
    typo: fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...TYPOS) }),
    typoValue: fc.constantFrom(3, 'x', ['a'], {}, undefined),
  }).map(({ typo, typoValue, ...generated }) => ({ ...generated, typo: plantTypo(generated.kafka, typo, typoValue) })))),
);

/**
 * cdktf records a stack trace of unlimited depth for every token it creates
 * (each resource attribute and output reference): 70-90% of building a
 * platform under jest. The traces appear only in cdktf's own messages about
 * unresolvable tokens, never in the output, so a case builds with stack
 * capture off (`Error.stackTraceLimit` held at a value V8 ignores). A case
 * that fails with anything but a validation error is built again with stacks,
 * so its failure shows where it broke.
 */
function withoutStackTraces<T>(build: () => T): T {
  const limit = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')!;
  Object.defineProperty(Error, 'stackTraceLimit', { get: () => undefined, set: () => undefined, configurable: true });
  try {
    return build();
  } finally {
    Object.defineProperty(Error, 'stackTraceLimit', limit);
  }
}

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
let builtSoFar = 0;

export function checkPlatformCase(cloud: () => IKafkaCloud, generated: { kafka: Record<string, unknown>; typo?: string }): 'refused' | 'built' {
  const apps: App[] = [];
  const build = () => {
    const app = Testing.stubVersion(new App({ stackTraces: false }));
    apps.push(app);
    const platform = new KafkaPlatform(app, 'kafka', { cloud: cloud(), kafka: generated.kafka as any, ecosystem: false, gitops: false });
    return { platform, objects: platform.objects as any[] };
  };
  const outcome = attempt(() => {
    try {
      return withoutStackTraces(build);
    } catch (e) {
      if (e instanceof KafkaPlatformValidationError) throw e;
      return build();
    }
  });
  const app = apps[0];
  if ('refused' in outcome) {
    // Fail fast: every refusal comes before the first cloud resource (this is what keeps a refused case at ~1 ms).
    const resources = app.node.findAll().filter(c => typeof (c as any).terraformResourceType === 'string');
    if (resources.length > 0) throw new Error(`refused only after building ${resources.length} cloud resources (${outcome.refused.message}) (${show(generated)})`);
    // A misspelt prop never gets past the shape checks (platform and cloud props); it is named unless another problem of the shapes comes first.
    if (generated.typo && !['kafka', 'AwsKafkaCloud', 'AlicloudKafkaCloud'].includes(outcome.refused.constructPath)) {
      throw new Error(`misspelt prop ${generated.typo} got past the shape checks: ${outcome.refused.message} (${show(generated)})`);
    }
    return 'refused';
  }
  if (generated.typo) throw new Error(`misspelt prop ${generated.typo} accepted (${show(generated)})`);
  if (++builtSoFar <= 3) {
    // Stack capture off must change nothing: the first built cases are synthesized both ways and compared.
    const again = build().platform;
    const synth = (p: KafkaPlatform) => [p.infraStack, p.workloadsStack].map(stack => Testing.synth(stack)).join('\n');
    if (synth(again) !== withoutStackTraces(() => synth(outcome.built.platform))) throw new Error(`stack capture changes the output (${show(generated)})`);
  }
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
