import * as fc from 'fast-check';

/**
 * Hostile and careless input for the property suite: valid values mixed
 * with control characters, Unicode, unresolved tokens, shell syntax, quotes,
 * YAML-1.1 words, prototype names, very long strings, numbers at and beyond
 * int32, and null/undefined/wrong types in every position a slot covers.
 */

const NASTY_STRINGS = [
  '', ' ', 'a b', ' x', 'x ', '${TfToken[TOKEN.1]}', '#{TfToken[TOKEN.2]}', '${Token[X.3]}', '$(id)', '`id`', '${env:X}',
  "'", '"', '\\', 'a=b', 'a:b', '#x', '!x', 'x\ny', 'x\ry', 'y\rmin.insync.replicas=1', 'x\tz', '\u0000', '\u0085', '\u2028',
  'é', '€', '😀', '\ud800', 'yes', 'on', 'no', '1:20', '0x1F', '~', 'constructor', '__proto__', 'toString', 'hasOwnProperty',
  'UPPER', '-lead', 'trail-', 'a.b', 'a_b', 'a/b', '0.0.0.0/00', '::/0', 'latest', 'x'.repeat(64), 'k'.repeat(300),
];

/** Any string a careless or hostile caller might pass. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', '-', '.', '_', '1', 'Z', '/', ' '), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 250, maxLength: 600 }) },
);

/** Numbers at and beyond int32, non-finite, fractional, negative. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom(0, -1, -0, 1.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, NaN, Infinity, -Infinity, 1e21, 65535, 65536),
  fc.double(),
);

/**
 * How hostile the arbitraries built now are: 0 builds only valid or absent
 * values (so a case reaches the output checks), 1 mixes in hostile ones.
 * Each target draws from both, so both outcomes are reached often.
 */
let hostility = 1;

/** True while clean (hostility 0) arbitraries are built. */
export function clean(): boolean {
  return hostility === 0;
}

export function withHostility<T>(level: 0 | 1, build: () => T): T {
  const before = hostility;
  hostility = level;
  try {
    return build();
  } finally {
    hostility = before;
  }
}

/** A value of the wrong type. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, [], {}, ['a'], 'x', 0, -1),
  fc.constant(new Date(0)),
);

/**
 * A slot of a props object: mostly `valid`, sometimes absent, sometimes
 * hostile of the same type (`hostile`), sometimes null or a wrong type.
 */
export function slot<T>(valid: fc.Arbitrary<T>, hostile?: fc.Arbitrary<unknown>): fc.Arbitrary<T | undefined> {
  if (hostility === 0) return fc.oneof({ weight: 2, arbitrary: valid }, { weight: 1, arbitrary: fc.constant(undefined) });
  return fc.oneof(
    { weight: 8, arbitrary: valid },
    { weight: 4, arbitrary: fc.constant(undefined) },
    ...(hostile ? [{ weight: 2, arbitrary: hostile as fc.Arbitrary<any> }] : []),
    { weight: 1, arbitrary: wrongType as fc.Arbitrary<any> },
  );
}

/** Mostly `valid`, now and then `hostile`. */
export function mostly<T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown>): fc.Arbitrary<T> {
  if (hostility === 0) return valid;
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostile as fc.Arbitrary<any> });
}

/** A plain record without the undefined entries (so "absent" is really absent). */
export function record<T extends Record<string, fc.Arbitrary<unknown>>>(fields: T): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(fields).map(r => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
}

const HA_KEYS = ['min.insync.replicas', 'default.replication.factor', 'offsets.topic.replication.factor', 'unclean.leader.election.enable', 'auto.create.topics.enable', 'num.partitions', 'transaction.state.log.min.isr'];
const OTHER_KEYS = ['log.retention.hours', 'message.max.bytes', 'compression.type', 'log.segment.bytes', 'socket.send.buffer.bytes'];

/** A `server.properties`-style override map: real keys, managed keys, hostile keys; canonical and non-canonical values. */
export const configMap = (): fc.Arbitrary<Record<string, unknown>> => hostility === 0
  ? fc.subarray([['min.insync.replicas', '2'], ['default.replication.factor', '3'], ['log.retention.hours', '168'], ['compression.type', 'lz4']]).map(e => Object.fromEntries(e))
  : fc.dictionary(
  fc.oneof(
    { weight: 16, arbitrary: fc.constantFrom(...HA_KEYS, ...OTHER_KEYS) },
    { weight: 1, arbitrary: fc.constantFrom('node.id', 'listeners', 'listener.name.x.y', 'sasl.enabled.mechanisms', 'x\nsasl.enabled.mechanisms', 'x y', 'x=y', 'x:y', '#x', 'é') },
    { weight: 1, arbitrary: hostileString },
  ),
  fc.oneof(
    { weight: 24, arbitrary: fc.constantFrom('1', '2', '3', '4', 'false', 'true', '168', 'lz4', '1048576') },
    { weight: 2, arbitrary: fc.constantFrom('false ', ' 2', '01', '+2', 'TRUE', '2147483648', 'y\rmin.insync.replicas=1', 'a\\b', 'é') },
    { weight: 1, arbitrary: hostileString },
    { weight: 1, arbitrary: wrongType },
  ),
  { maxKeys: 4 },
);

/** Kubernetes quantities, real and not. */
export const cpuQuantity = (): fc.Arbitrary<string> => hostility === 0 ? fc.constantFrom('100m', '250m', '500m', '1') : fc.oneof({ weight: 8, arbitrary: fc.constantFrom('100m', '250m', '500m', '1', '2', '4', '1.5') }, { weight: 1, arbitrary: fc.constantFrom('0', '-1', '1e3', '2 ', 'abc', '99999999999', '1000000000m') });
export const memoryQuantity = (): fc.Arbitrary<string> => hostility === 0 ? fc.constantFrom('1Gi', '2Gi', '4Gi', '8Gi') : fc.oneof({ weight: 8, arbitrary: fc.constantFrom('512Mi', '1Gi', '2Gi', '4Gi', '8Gi', '1073741824') }, { weight: 1, arbitrary: fc.constantFrom('4GB', '-1Gi', ' 1Gi', '1e9', 'Gi', '9'.repeat(20)) });

export const resources = (): fc.Arbitrary<Record<string, unknown>> => hostility === 0
  ? record({ cpuRequest: slot(fc.constantFrom('100m', '250m')), cpuLimit: slot(fc.constantFrom('2', '4')), memory: slot(memoryQuantity()) })
  : record({ cpuRequest: slot(cpuQuantity(), hostileString), cpuLimit: slot(cpuQuantity(), hostileString), memory: slot(memoryQuantity(), hostileString) });

/** DNS-ish names: mostly fine, sometimes too long or malformed. */
export const dnsName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('kafka', 'events', 'orders', 'k', 'a1') },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,50}[a-z0-9]$/) },
);

export const cidr = (): fc.Arbitrary<string> => hostility === 0 ? fc.constantFrom('10.0.0.0/8', '203.0.113.0/24', '2001:db8::/32') : fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('10.0.0.0/8', '203.0.113.0/24', '198.51.100.7/32', '2001:db8::/32') },
  { weight: 2, arbitrary: fc.constantFrom('0.0.0.0/0', '0.0.0.0/00', '::/0', '::ffff:0:0/96', '10.0.0.0/08', '010.0.0.0/8', '10.0.0.0', '10.0.0.0/33', ' 10.0.0.0/8', 'office') },
);

/** How many cases each target runs: FUZZ_RUNS (npm run fuzz sets 50,000), else the CI size. */
export function runs(ciDefault: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : ciDefault;
}

/** The fixed seed of the CI run; FUZZ_SEED explores others. */
export const SEED = Number(process.env.FUZZ_SEED ?? 16016);

/** A misspelt or misplaced prop name at `path` (what a JavaScript caller's typo looks like). */
export interface Typo {
  readonly path: readonly string[];
  readonly key: string;
}

/**
 * `props` with, in one case of eight, one of `typos` planted where every
 * object on its path exists; `typo` is its dotted prop path, or undefined.
 */
export function withTypo(props: fc.Arbitrary<Record<string, unknown>>, typos: readonly Typo[]): fc.Arbitrary<{ props: Record<string, unknown>; typo?: string }> {
  return fc.record({
    props,
    typo: fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...typos) }),
    value: fc.constantFrom(3, 'x', ['a'], {}, undefined),
  }).map(({ props: p, typo, value }) => {
    if (!typo) return { props: p };
    let at: any = p;
    for (const step of typo.path) {
      at = at?.[step];
      if (typeof at !== 'object' || at === null || Array.isArray(at)) return { props: p };
    }
    Object.defineProperty(at, typo.key, { value, enumerable: true, configurable: true, writable: true });
    return { props: p, typo: [...typo.path, typo.key].join('.') };
  });
}
