import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { renderPropertiesFile } from '../../lib/kafka/model/java-properties';
import { parseJavaProperties } from './java-properties';

/**
 * The fuzz suite judges every properties file with parseJavaProperties; this
 * proves that reader equal to a real JVM's Properties.load on hand-picked
 * edge cases, random raw text and random rendered files (one JVM run).
 */
const EDGE_CASES = [
  'a=b', 'a = b', 'a:b', 'a b', 'a\tb', 'a\fb', '  a=b  ', 'a=  b', 'a==b', 'a=:b', 'a :=b', 'a\\=b=c', 'a\\:b:c', 'a\\ b c',
  '#c\na=b', '!c\na=b', '  # c\na=b', 'a=b\\\n  c', 'a=b\\\\\nc=d', '#c\\\na=b', 'a=b\\\n', 'a=b\\', 'a\r\nb=c\rd=e',
  'a=\\u0041\\t\\n', 'a=\\q\\=', 'a=\\u00e9', 'a=é', 'k\\\n  ey=v', '=v', ':v', 'a', 'a=b\\\n\n c=d', 'a=\\uZZZZ', 'a=\\u004',
];

const RAW_TEXT = fc.string({ unit: fc.constantFrom('a', 'b', '=', ':', ' ', '\t', '\f', '#', '!', '\\', '\n', '\r', 'u', '0', '4', '1', 'é', '€'), maxLength: 40 });
const VALUE = fc.string({ unit: fc.oneof(fc.constantFrom('\\', '=', ':', '#', '!', ' ', '\n', '\r', '\t', '\f', 'é', '€', '😀', '\u0000'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 30 });
const KEY = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/);

test('parseJavaProperties reads exactly what java.util.Properties.load reads', () => {
  const texts = [
    ...EDGE_CASES,
    ...fc.sample(RAW_TEXT, { numRuns: 300, seed: 16 }),
    ...fc.sample(fc.array(fc.tuple(KEY, VALUE), { maxLength: 6 }), { numRuns: 200, seed: 17 }).map(entries => renderPropertiesFile('header', entries)),
  ];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'java-properties-'));
  const files = texts.map((text, i) => {
    const file = path.join(dir, `${i}.properties`);
    fs.writeFileSync(file, text, 'utf8');
    return file;
  });
  const out = execFileSync('java', [path.join(__dirname, 'fixtures', 'LoadProperties.java'), ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const jvm = out.trimEnd().split('\n').map(line => JSON.parse(line));
  expect(jvm).toHaveLength(texts.length);
  const mismatches: string[] = [];
  texts.forEach((text, i) => {
    let ours: Record<string, string> | { __error__: string };
    try {
      ours = Object.fromEntries([...parseJavaProperties(text).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    } catch {
      ours = { __error__: 'malformed' };
    }
    if (JSON.stringify(ours) !== JSON.stringify(jvm[i])) mismatches.push(`${JSON.stringify(text)}: jvm ${JSON.stringify(jvm[i])}, ours ${JSON.stringify(ours)}`);
  });
  expect(mismatches).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);

test('renderPropertiesFile round-trips any key and value through the reader', () => {
  fc.assert(fc.property(fc.array(fc.tuple(KEY, VALUE), { maxLength: 8 }), entries => {
    const expected = new Map(entries);
    expect(parseJavaProperties(renderPropertiesFile('a header\nwith # two lines', entries))).toEqual(expected);
  }), { seed: 16, numRuns: 500 });
});
