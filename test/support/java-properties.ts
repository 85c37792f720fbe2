/**
 * An exact reader of the `java.util.Properties` format, as
 * `Properties.load(InputStream)` reads a file (and so Kafka reads
 * `server.properties`): bytes as ISO-8859-1, natural lines ended by \n, \r or
 * \r\n, comment lines (`#`, `!` first after leading white space, never
 * continued), line continuation by an odd number of trailing backslashes,
 * keys ended by an unescaped `=`, `:` or white space, escapes \t \n \r \f
 * \uXXXX and `\x` = x. test/support/java-properties.test.ts checks it against
 * a real JVM.
 */
export function parseJavaProperties(text: string): Map<string, string> {
  // The ConfigMap holds UTF-8; the JVM reads each byte as one ISO-8859-1 character.
  const latin1 = Buffer.from(text, 'utf8').toString('latin1');
  const result = new Map<string, string>();
  for (const line of logicalLines(latin1)) {
    const [key, value] = splitKeyValue(line);
    result.set(unescape(key), unescape(value));
  }
  return result;
}

const WHITE = new Set([' ', '\t', '\f']);

function logicalLines(text: string): string[] {
  const natural = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  let current: string | undefined;
  for (const raw of natural) {
    let i = 0;
    while (i < raw.length && WHITE.has(raw[i])) i++;
    const stripped = raw.slice(i);
    if (current === undefined) {
      if (stripped === '' || stripped[0] === '#' || stripped[0] === '!') continue;
      current = '';
    }
    let trailing = 0;
    while (trailing < stripped.length && stripped[stripped.length - 1 - trailing] === '\\') trailing++;
    if (trailing % 2 === 1) {
      current += stripped.slice(0, -1);
      continue;
    }
    out.push(current + stripped);
    current = undefined;
  }
  // A continuation at the end of the file still ends a line (Java 9+), even an empty one.
  if (current !== undefined) out.push(current);
  return out;
}

function splitKeyValue(line: string): [string, string] {
  let keyLen = 0;
  let valueStart = line.length;
  let hasSep = false;
  let backslash = false;
  while (keyLen < line.length) {
    const c = line[keyLen];
    if ((c === '=' || c === ':') && !backslash) {
      valueStart = keyLen + 1;
      hasSep = true;
      break;
    } else if (WHITE.has(c) && !backslash) {
      valueStart = keyLen + 1;
      break;
    }
    backslash = c === '\\' ? !backslash : false;
    keyLen++;
  }
  while (valueStart < line.length) {
    const c = line[valueStart];
    if (!WHITE.has(c)) {
      if (!hasSep && (c === '=' || c === ':')) hasSep = true;
      else break;
    }
    valueStart++;
  }
  return [line.slice(0, keyLen), line.slice(valueStart)];
}

function unescape(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    i++;
    if (i >= text.length) break;
    const e = text[i];
    if (e === 'u') {
      const hex = text.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Error(`Malformed \\uxxxx encoding: ${JSON.stringify(hex)}`);
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
    } else {
      out += e === 't' ? '\t' : e === 'n' ? '\n' : e === 'r' ? '\r' : e === 'f' ? '\f' : e;
    }
  }
  return out;
}
