import { KafkaPlatformValidationError } from '../../errors';

/**
 * The shape of construct props, checked before anything reads them.
 * TypeScript checks it at compile time; JavaScript and jsii users, and values
 * typed `any`, reach the constructs unchecked, where a null or a number in
 * place of a string would otherwise crash deep inside with a TypeError that
 * names no prop. Every string is also refused when it holds an unresolved
 * cdktf/cdk8s token (it would become a reference in Terraform JSON while the
 * YAML keeps the literal), a control character or a lone surrogate.
 */

/** One value that does not fit its shape. */
export interface ShapeProblem {
  readonly prop: string;
  readonly problem: string;
  /** @default - the caller's generic fix */
  readonly fix?: string;
}

/** Checks `value` found at prop path `at`, appending what is wrong. `undefined` is for `optional` to decide. */
export type Shape = ((value: unknown, at: string, out: ShapeProblem[]) => void) & { readonly structure?: ShapeStructure };

/**
 * What a shape is made of, for tools that walk the shape tables (the test that
 * every field of a public props interface has a shape, and nothing else).
 */
export type ShapeStructure =
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, Shape>>; readonly typeName?: string }
  | { readonly kind: 'optional'; readonly inner: Shape }
  | { readonly kind: 'array'; readonly item: Shape }
  | { readonly kind: 'map'; readonly entry: Shape }
  | { readonly kind: 'either'; readonly shapes: readonly Shape[] }
  | { readonly kind: 'refused' };

function withStructure(shape: (value: unknown, at: string, out: ShapeProblem[]) => void, structure: ShapeStructure): Shape {
  return Object.assign(shape, { structure });
}

/** Unresolved cdktf (`${TfToken[...]}`, `#{TfToken[...]}`) and cdk8s/constructs token markers. */
const TOKEN = /[$#]\{(Tf)?Token\[/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const INT32_MAX = 2 ** 31 - 1;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function present(value: unknown, at: string, out: ShapeProblem[], what: string): boolean {
  if (value === undefined) {
    out.push({ prop: at, problem: `is missing (expected ${what})` });
    return false;
  }
  return true;
}

/** Why `value` is not a plain string prop, or undefined. */
export function plainStringProblem(value: string): string | undefined {
  if (TOKEN.test(value)) return `holds an unresolved token (${JSON.stringify(value.slice(0, 60))}); this prop takes a literal value only`;
  if (CONTROL.test(value)) return 'contains a control character (line break, tab, NUL, ...)';
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate';
  return undefined;
}

/** A literal string of at most `maxLength` characters (default 4096). */
export function str(maxLength = 4096): Shape {
  return (value, at, out) => {
    if (!present(value, at, out, 'a string')) return;
    if (typeof value !== 'string') return void out.push({ prop: at, problem: `is ${describe(value)}, not a string` });
    if (value.length > maxLength) return void out.push({ prop: at, problem: `is ${value.length} characters long (at most ${maxLength})` });
    const problem = plainStringProblem(value);
    if (problem) out.push({ prop: at, problem });
  };
}

/** An integer in [min, max] (default: int32, what the API server stores). */
export function int(min = -INT32_MAX - 1, max = INT32_MAX): Shape {
  return (value, at, out) => {
    if (!present(value, at, out, 'an integer')) return;
    if (typeof value !== 'number' || !Number.isInteger(value)) return void out.push({ prop: at, problem: `is ${typeof value === 'number' ? String(value) : describe(value)}, not an integer` });
    if (value < min || value > max) out.push({ prop: at, problem: `is ${value}, outside ${min}..${max}` });
  };
}

/** A finite number in [min, max]. */
export function num(min = -Number.MAX_VALUE, max = Number.MAX_VALUE): Shape {
  return (value, at, out) => {
    if (!present(value, at, out, 'a number')) return;
    if (typeof value !== 'number' || !Number.isFinite(value)) return void out.push({ prop: at, problem: `is ${typeof value === 'number' ? String(value) : describe(value)}, not a finite number` });
    if (value < min || value > max) out.push({ prop: at, problem: `is ${value}, outside ${min}..${max}` });
  };
}

export const bool: Shape = (value, at, out) => {
  if (!present(value, at, out, 'true or false')) return;
  if (typeof value !== 'boolean') out.push({ prop: at, problem: `is ${describe(value)}, not a boolean` });
};

/** One of the given literal values (an enum's values). */
export function oneOf(values: ReadonlyArray<string | number | boolean>): Shape {
  return (value, at, out) => {
    if (!present(value, at, out, `one of ${values.join(', ')}`)) return;
    if (!values.includes(value as any)) out.push({ prop: at, problem: `is ${JSON.stringify(value) ?? String(value)}, not one of ${values.map(v => JSON.stringify(v)).join(', ')}` });
  };
}

/** `undefined` is fine; anything else, `null` included, must fit `shape`. */
export function optional(shape: Shape): Shape {
  return withStructure((value, at, out) => {
    if (value !== undefined) shape(value, at, out);
  }, { kind: 'optional', inner: shape });
}

/** An array of items fitting `item`, at most `maxItems` long. */
export function arrayOf(item: Shape, maxItems = 10_000): Shape {
  return withStructure((value, at, out) => {
    if (!present(value, at, out, 'an array')) return;
    if (!Array.isArray(value)) return void out.push({ prop: at, problem: `is ${describe(value)}, not an array` });
    if (value.length > maxItems) return void out.push({ prop: at, problem: `has ${value.length} items (at most ${maxItems})` });
    value.forEach((v, i) => item(v, `${at}[${i}]`, out));
  }, { kind: 'array', item });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A map from string keys (each fitting `key`) to values fitting `entry`. */
export function mapOf(entry: Shape, key: Shape = str(253)): Shape {
  return withStructure((value, at, out) => {
    if (!present(value, at, out, 'a map')) return;
    if (!isPlainObject(value)) return void out.push({ prop: at, problem: `is ${describe(value)}, not a map` });
    for (const [k, v] of Object.entries(value)) {
      key(k, `${at}[${JSON.stringify(k)}]`, out);
      entry(v, `${at}[${JSON.stringify(k)}]`, out);
    }
  }, { kind: 'map', entry });
}

/**
 * An object of exactly the listed fields, each fitting its shape (wrap
 * optional fields in `optional`). A field that is not listed is refused, with
 * the nearest listed name: a JavaScript caller's typo (`brokers.replica`)
 * would otherwise be ignored, and the default used without a word. So the
 * table is the whole props type: adding a prop means adding it here.
 * `typeName` (the props interface) makes that error name the type.
 */
export function objectOf(fields: Record<string, Shape>, typeName?: string): Shape {
  const known = Object.keys(fields);
  return withStructure((value, at, out) => {
    if (!present(value, at, out, 'an object')) return;
    if (!isPlainObject(value)) return void out.push({ prop: at, problem: `is ${describe(value)}, not an object` });
    const path = (name: string) => at ? `${at}.${name}` : name;
    for (const name of Object.keys(value)) {
      if (Object.prototype.hasOwnProperty.call(fields, name)) continue;
      const near = nearestName(name, known);
      out.push({
        prop: path(name),
        problem: `is not a prop of ${typeName ?? (at || 'the props')}${near ? `; did you mean ${path(near)}?` : ''}`,
        fix: near ? `rename it to ${path(near)}` : `remove it (the props of ${typeName ?? (at || 'the props')} are ${known.join(', ')})`,
      });
    }
    for (const [name, shape] of Object.entries(fields)) {
      shape(Object.prototype.hasOwnProperty.call(value, name) ? value[name] : undefined, path(name), out);
    }
  }, { kind: 'object', fields, typeName });
}

/** The known name closest to a misspelt one (edit distance, case-insensitive), if close enough to be the likely intent. */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  if (lower.length >= 3) {
    const extended = known.find(candidate => candidate.toLowerCase().startsWith(lower));
    if (extended) return extended;
  }
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  if (!best) return undefined;
  return best.distance <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.max(a.length, b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** An object implementing an interface (a class instance, e.g. a load-balancer flavour): each listed member must be a function. */
export function implementing(...methods: string[]): Shape {
  return (value, at, out) => {
    if (!present(value, at, out, 'an object')) return;
    if (typeof value !== 'object' || value === null) return void out.push({ prop: at, problem: `is ${describe(value)}, not an object` });
    for (const m of methods) if (typeof (value as any)[m] !== 'function') out.push({ prop: `${at}.${m}`, problem: 'is not a method' });
  };
}

/** A value fitting one of the shapes (e.g. `true` or an options object); problems of the last shape are reported. */
export function either(...shapes: Shape[]): Shape {
  return withStructure((value, at, out) => {
    let last: ShapeProblem[] = [];
    for (const shape of shapes) {
      last = [];
      shape(value, at, last);
      if (last.length === 0) return;
    }
    out.push(...last);
  }, { kind: 'either', shapes });
}

/** A function (a callback prop). */
export const func: Shape = (value, at, out) => {
  if (!present(value, at, out, 'a function')) return;
  if (typeof value !== 'function') out.push({ prop: at, problem: `is ${describe(value)}, not a function` });
};

/** The fields of an `objectOf` shape (through `optional`), to build a related table from it (e.g. the same props minus what another layer supplies). */
export function fieldsOf(shape: Shape): Readonly<Record<string, Shape>> {
  const s = shape.structure;
  if (s?.kind === 'optional') return fieldsOf(s.inner);
  if (s?.kind === 'object') return s.fields;
  throw new Error('fieldsOf: not an objectOf shape');
}

/**
 * A name that is not a prop here although it is one elsewhere (a platform's
 * `kafka.zones`, which the cloud supplies): any value is refused with this
 * explanation instead of a guess at a similar name.
 */
export function notAProp(problem: string, fix: string): Shape {
  return withStructure((value, at, out) => {
    if (value !== undefined) out.push({ prop: at, problem, fix });
  }, { kind: 'refused' });
}

/** Anything: a value another check owns. */
export const anything: Shape = () => undefined;

/** Problems of `value` against `shape`, at the root prop path `root` ('' for the props object itself). */
export function shapeProblems(value: unknown, shape: Shape, root = ''): ShapeProblem[] {
  const out: ShapeProblem[] = [];
  shape(value, root, out);
  return out;
}

/** Throws one KafkaPlatformValidationError naming the first misfit prop (and how many more). */
export function assertShape(constructPath: string, value: unknown, shape: Shape, root = '', fix = 'give the value the type the prop documents'): void {
  const [first, ...more] = shapeProblems(value, shape, root);
  if (!first) return;
  const err = new KafkaPlatformValidationError(constructPath, first.prop || 'props', first.problem, first.fix ?? fix);
  if (more.length > 0) err.message += ` (and ${more.length} more: ${more.slice(0, 5).map(p => `${p.prop}: ${p.problem}`).join('; ')})`;
  throw err;
}
