/**
 * The `java.util.Properties` file format, as Kafka reads `server.properties`
 * and `connect-distributed.properties` (`Properties.load(InputStream)`:
 * ISO-8859-1, `\` escapes, line continuations, `=`/`:`/whitespace separators,
 * `#`/`!` comments). Everything the library writes into such a file goes
 * through here: keys must be plain config names, values are escaped, and
 * what cannot be written faithfully is refused, so no user string can add,
 * drop or rename a line.
 */

/** Kafka and Connect config names: dotted words; nothing that needs escaping or could start a comment. */
const CONFIG_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_KEY_LENGTH = 249;
/** C0 and C1 control characters and DEL: a line break splits the line, the others are invisible or mangled by editors and shells. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** A UTF-16 surrogate without its partner cannot be encoded as a character. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `key` cannot be a property name, or undefined. */
export function propertyKeyProblem(key: string): string | undefined {
  if (CONFIG_KEY.test(key) && key.length <= MAX_KEY_LENGTH) return undefined;
  return `${JSON.stringify(key)} is not a config name (letters, digits, ".", "_" and "-", at most ${MAX_KEY_LENGTH} characters)`;
}

/** Why `value` cannot be a property value, or undefined. Non-strings are refused: Kafka reads text, and String(x) would guess. */
export function propertyValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `is a ${value === null ? 'null' : typeof value}, not a string`;
  if (CONTROL.test(value)) return 'contains a control character (line break, tab, ...), which would split or hide a line of the properties file';
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate, which is no character';
  return undefined;
}

/** One refused entry of a properties map. */
export interface PropertyProblem {
  /** Prop path of the entry, e.g. `brokers.config["x"]`. */
  readonly prop: string;
  readonly problem: string;
  readonly fix: string;
}

/** Problems of a user's properties map under the prop path `prop` (keys and values), or of the map itself. */
export function propertiesMapProblems(prop: string, map: unknown): PropertyProblem[] {
  if (map === undefined) return [];
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    return [{ prop, problem: `is a ${map === null ? 'null' : Array.isArray(map) ? 'array' : typeof map}, not a map of strings`, fix: 'give an object such as { "log.retention.hours": "168" }' }];
  }
  const problems: PropertyProblem[] = [];
  for (const [key, value] of Object.entries(map)) {
    const entry = `${prop}[${JSON.stringify(key)}]`;
    const keyProblem = propertyKeyProblem(key);
    if (keyProblem) problems.push({ prop: entry, problem: keyProblem, fix: 'use the config name as Kafka documents it, e.g. "log.retention.hours"' });
    const valueProblem = propertyValueProblem(value);
    if (valueProblem) problems.push({ prop: entry, problem: valueProblem, fix: 'give the value as a single-line string, e.g. "168"' });
  }
  return problems;
}

/** Escapes a key (already a config name; escaping still makes the writer safe on its own). */
export function escapePropertyKey(key: string): string {
  return escape(key, true);
}

/** Escapes a value so `Properties.load` returns exactly `value`. */
export function escapePropertyValue(value: string): string {
  return escape(value, false);
}

/**
 * Renders a properties file: `#` header lines, then `key=value` lines in the
 * given order. Output is pure ASCII, so the ISO-8859-1 reader and a UTF-8
 * ConfigMap agree on every byte.
 */
export function renderPropertiesFile(header: string, entries: Iterable<readonly [string, string]>): string {
  const lines = header.split('\n').map(l => `# ${escapeComment(l)}`.trimEnd());
  for (const [key, value] of entries) lines.push(`${escapePropertyKey(key)}=${escapePropertyValue(value)}`);
  return lines.join('\n') + '\n';
}

function escape(text: string, isKey: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = text.charCodeAt(i);
    if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '\f') out += '\\f';
    // Leading whitespace of a value is skipped by the reader; in a key every separator must be escaped.
    else if (c === ' ' && (isKey || i === 0)) out += '\\ ';
    else if (isKey && (c === '=' || c === ':' || c === '#' || c === '!')) out += `\\${c}`;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return out;
}

function escapeComment(line: string): string {
  // A header line must stay one comment line whatever it holds.
  return line.replace(/[^\x20-\x7e]/g, ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
