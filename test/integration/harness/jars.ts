import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** Where everything the suite downloads or writes lives (gitignored). */
export const CACHE_DIR = path.join(__dirname, '..', '.cache');
const POM = path.join(__dirname, '..', 'pom.xml');

/** A set of jars resolved from one profile of test/integration/pom.xml. */
export type JarSet = 'kafka41' | 'kafka39' | 'jmx';

export interface ResolvedJars {
  readonly set: JarSet;
  readonly dir: string;
  /** Every jar of the set, sorted (stable classpath order). */
  readonly jars: string[];
  /** `jars` joined with ':' for `java -cp`. */
  readonly classpath: string;
}

/**
 * Resolves a jar set through Maven into `.cache/<set>/`, once: a marker file
 * records the exact Maven properties it was resolved with, so a version bump
 * re-resolves and an unchanged set is reused without touching the network.
 *
 * If Maven Central cannot be reached the suite FAILS with a message saying so;
 * it never passes by skipping.
 */
export function resolveJars(set: JarSet, properties: Record<string, string> = {}): ResolvedJars {
  const dir = path.join(CACHE_DIR, set);
  const marker = path.join(dir, '.resolved');
  const key = JSON.stringify({ pom: fs.readFileSync(POM, 'utf8'), properties });
  if (!(fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === key)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const args = ['-B', '-q', '-f', POM, '-P', set, 'dependency:copy-dependencies',
      `-DoutputDirectory=${dir}`, '-DincludeScope=runtime',
      ...Object.entries(properties).map(([k, v]) => `-D${k}=${v}`)];
    try {
      execFileSync('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
    } catch (e) {
      const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
      const out = `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`.split('\n').slice(-25).join('\n');
      throw new Error(
        `Could not resolve the '${set}' jars with Maven (mvn ${args.join(' ')}).\n` +
        'The integration suite needs Maven Central to download Kafka, ZooKeeper and the JMX exporter; ' +
        'it does not skip when they are missing. Check network access to Maven Central (or a mirror in ~/.m2/settings.xml).\n' +
        `Maven said:\n${out || err.message}`);
    }
    fs.writeFileSync(marker, key);
  }
  const jars = fs.readdirSync(dir).filter((f) => f.endsWith('.jar')).sort().map((f) => path.join(dir, f));
  if (jars.length === 0) throw new Error(`Jar set '${set}' in ${dir} is empty; delete the directory and re-run.`);
  return { set, dir, jars, classpath: jars.join(':') };
}

const classIndexes = new Map<string, Set<string>>();

/** True when `className` is in one of the jars (read from the zip listings, no JVM start). */
export function jarsContainClass(jars: ResolvedJars, className: string): boolean {
  let index = classIndexes.get(jars.dir);
  if (!index) {
    index = new Set<string>();
    for (const jar of jars.jars) {
      const listing = execFileSync('unzip', ['-Z1', jar], { maxBuffer: 256 * 1024 * 1024 }).toString();
      for (const entry of listing.split('\n')) if (entry.endsWith('.class')) index.add(entry);
    }
    classIndexes.set(jars.dir, index);
  }
  return index.has(`${className.replace(/\./g, '/')}.class`);
}
