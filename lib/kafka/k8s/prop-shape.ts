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
}

/** Checks `value` found at prop path `at`, appending what is wrong. `undefined` is for `optional` to decide. */
export type Shape = (value: unknown, at: string, out: ShapeProblem[]) => void;

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
  return (value, at, out) => {
    if (value !== undefined) shape(value, at, out);
  };
}

/** An array of items fitting `item`, at most `maxItems` long. */
export function arrayOf(item: Shape, maxItems = 10_000): Shape {
  return (value, at, out) => {
    if (!present(value, at, out, 'an array')) return;
    if (!Array.isArray(value)) return void out.push({ prop: at, problem: `is ${describe(value)}, not an array` });
    if (value.length > maxItems) return void out.push({ prop: at, problem: `has ${value.length} items (at most ${maxItems})` });
    value.forEach((v, i) => item(v, `${at}[${i}]`, out));
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A map from string keys (each fitting `key`) to values fitting `entry`. */
export function mapOf(entry: Shape, key: Shape = str(253)): Shape {
  return (value, at, out) => {
    if (!present(value, at, out, 'a map')) return;
    if (!isPlainObject(value)) return void out.push({ prop: at, problem: `is ${describe(value)}, not a map` });
    for (const [k, v] of Object.entries(value)) {
      key(k, `${at}[${JSON.stringify(k)}]`, out);
      entry(v, `${at}[${JSON.stringify(k)}]`, out);
    }
  };
}

/** An object whose listed fields fit their shapes (wrap optional fields in `optional`). Unlisted fields are not read, so not checked. */
export function objectOf(fields: Record<string, Shape>): Shape {
  return (value, at, out) => {
    if (!present(value, at, out, 'an object')) return;
    if (!isPlainObject(value)) return void out.push({ prop: at, problem: `is ${describe(value)}, not an object` });
    for (const [name, shape] of Object.entries(fields)) {
      shape(Object.prototype.hasOwnProperty.call(value, name) ? value[name] : undefined, at ? `${at}.${name}` : name, out);
    }
  };
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
  return (value, at, out) => {
    let last: ShapeProblem[] = [];
    for (const shape of shapes) {
      last = [];
      shape(value, at, last);
      if (last.length === 0) return;
    }
    out.push(...last);
  };
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
  const err = new KafkaPlatformValidationError(constructPath, first.prop || 'props', first.problem, fix);
  if (more.length > 0) err.message += ` (and ${more.length} more: ${more.slice(0, 5).map(p => `${p.prop}: ${p.problem}`).join('; ')})`;
  throw err;
}
