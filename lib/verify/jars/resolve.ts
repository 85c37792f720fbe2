import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { JarsUnavailableError, PrerequisiteError } from '../errors';
import { MavenDependency, renderPom } from './maven-pom';
import { zipEntryNames } from './zip-entries';

export interface ResolvedJars {
  /** Name of the set (cache directory name). */
  readonly set: string;
  readonly dir: string;
  /** Every jar of the set, sorted (stable classpath order). */
  readonly jars: string[];
  /** `jars` joined with ':' for `java -cp`. */
  readonly classpath: string;
}

export interface ResolveOptions {
  /** Keep Maven's repository layout (`group/path/artifact/version/…jar`) and skip transitive dependencies. @default false */
  readonly repositoryLayout?: boolean;
  /** Environment of the `mvn` run (PATH, JAVA_HOME, MAVEN_OPTS). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

function listJars(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listJars(full));
    else if (e.name.endsWith('.jar')) out.push(full);
  }
  return out.sort();
}

function hasMaven(env: NodeJS.ProcessEnv): boolean {
  try {
    execFileSync('mvn', ['-v'], { stdio: 'ignore', timeout: 60_000, env });
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves `deps` through Maven into `<cacheDir>/<set>/`, once: a marker file
 * records the exact pom it was resolved with, so a version change re-resolves
 * and an unchanged set is reused without Maven or the network (offline re-runs).
 * Fails with what to install or check; never returns an empty set.
 */
export function resolveJars(set: string, deps: readonly MavenDependency[], cacheDir: string, opts: ResolveOptions = {}): ResolvedJars {
  const dir = path.join(cacheDir, set);
  const marker = path.join(dir, '.resolved');
  const pom = renderPom(set, deps);
  const key = JSON.stringify({ pom, repositoryLayout: !!opts.repositoryLayout });
  const resolved = () => fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === key;
  // Runs in parallel (CI's lanes) share the cache: one resolves a set, the others wait for its marker.
  const release = resolved() ? undefined : holdResolveLock(`${dir}.lock`, resolved);
  try {
    if (!resolved()) {
      download(dir, deps, pom, opts);
      fs.writeFileSync(marker, key);
    }
  } finally {
    release?.();
  }
  const jars = listJars(dir);
  if (jars.length === 0) {
    throw new JarsUnavailableError(`the jar set ${set} in ${dir} is empty`, `delete ${dir} and run again`);
  }
  return { set, dir, jars, classpath: jars.join(':') };
}

const LOCK_STALE_MS = 15 * 60_000;

/**
 * Takes the lock directory (mkdir is atomic); while another run holds it, waits until `done()` or the lock is
 * gone. A lock older than 15 minutes (its run died) is broken. Returns the release function, or undefined when
 * the other run finished the work meanwhile.
 */
function holdResolveLock(lock: string, done: () => boolean): (() => void) | undefined {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return () => fs.rmSync(lock, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (done()) return undefined;
    try {
      if (Date.now() - fs.statSync(lock).mtimeMs > LOCK_STALE_MS) fs.rmSync(lock, { recursive: true, force: true });
    } catch {
      // released meanwhile
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
}

function download(dir: string, deps: readonly MavenDependency[], pom: string, opts: ResolveOptions): void {
  const wanted = deps.map((d) => `${d.groupId}:${d.artifactId}:${d.version}`).join(', ');
  const env = opts.env ?? process.env;
  if (!hasMaven(env)) {
    throw new PrerequisiteError(`Maven (mvn) is needed once to download ${wanted} from Maven Central into ${dir}, and it is not on PATH`,
      'install Maven 3.6+ (Debian/Ubuntu: `apt-get install maven`; macOS: `brew install maven`), or pass --kafka-home <an Apache Kafka distribution>');
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const pomFile = path.join(dir, 'pom.xml');
  fs.writeFileSync(pomFile, pom);
  const args = ['-B', '-q', '-f', pomFile, 'dependency:copy-dependencies', `-DoutputDirectory=${dir}`, '-DincludeScope=runtime',
    ...(opts.repositoryLayout ? ['-Dmdep.useRepositoryLayout=true', '-DexcludeTransitive=true'] : [])];
  try {
    execFileSync('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000, env });
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
    const said = `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`.split('\n').filter(Boolean).slice(-15).join('\n');
    throw new JarsUnavailableError(
      `could not download ${wanted} from Maven Central (mvn ${args.join(' ')}).\nMaven said:\n${said || err.message}`,
      'check network access to Maven Central (or a mirror in ~/.m2/settings.xml) and run again; once downloaded, runs work offline from the cache. ' +
      'Or pass --kafka-home <an Apache Kafka distribution of that version>');
  }
}

/** The jars of an unpacked Apache Kafka distribution (`<home>/libs/*.jar`), for `--kafka-home`. */
export function jarsFromKafkaDistribution(home: string): ResolvedJars {
  const libs = path.join(home, 'libs');
  if (!fs.existsSync(libs)) {
    throw new PrerequisiteError(`${home} is not an Apache Kafka distribution: it has no libs/ directory`,
      'pass --kafka-home the directory an Apache Kafka release unpacks into (kafka_2.13-<version>, holding bin/ and libs/)');
  }
  const jars = listJars(libs);
  if (jars.length === 0) throw new PrerequisiteError(`${libs} holds no jars`, 'pass --kafka-home a complete Apache Kafka distribution');
  return { set: `kafka-home:${path.basename(home)}`, dir: libs, jars, classpath: jars.join(':') };
}

const classIndexes = new Map<string, Set<string>>();

/** True when `className` is in one of the jars (read from the zip listings, no JVM start). */
export function jarsContainClass(jars: ResolvedJars, className: string): boolean {
  let index = classIndexes.get(jars.dir);
  if (!index) {
    index = new Set<string>();
    for (const jar of jars.jars) {
      for (const entry of zipEntryNames(jar)) if (entry.endsWith('.class')) index.add(entry);
    }
    classIndexes.set(jars.dir, index);
  }
  return index.has(`${className.replace(/\./g, '/')}.class`);
}
