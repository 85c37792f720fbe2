import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JarsUnavailableError, PrerequisiteError } from '../../lib/verify/errors';
import { jarsFromKafkaDistribution, resolveJars } from '../../lib/verify/jars/resolve';
import { cacheDirectory, parseJavaMajor, requireJava } from '../../lib/verify/run/environment';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'verify-prereq-'));
}

/** A JAVA_HOME whose bin/java prints `version` the way `java -version` does (on stderr). */
function fakeJavaHome(version: string): string {
  const home = tmp();
  fs.mkdirSync(path.join(home, 'bin'));
  fs.writeFileSync(path.join(home, 'bin', 'java'), `#!/bin/sh\necho 'openjdk version "${version}" 2024-01-01' >&2\n`, { mode: 0o755 });
  return home;
}

describe('Java', () => {
  test.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['no version here', undefined],
  ])('%s is Java %s', (out, major) => {
    expect(parseJavaMajor(out)).toBe(major);
  });

  test('no java: a PrerequisiteError that says what to install', () => {
    const env = { PATH: '/nonexistent', JAVA_HOME: path.join(tmp(), 'missing-jdk') };
    expect(() => requireJava(env)).toThrow(PrerequisiteError);
    expect(() => requireJava(env)).toThrow(/Java 17\+ is needed to run Kafka locally[\s\S]*Fix: install a Java 17\+ runtime \(Debian\/Ubuntu: `apt-get install openjdk-17-jre-headless`/);
  });

  test('Java 11 is refused by version, Java 17 and 21 are accepted', () => {
    expect(() => requireJava({ PATH: process.env.PATH, JAVA_HOME: fakeJavaHome('11.0.2') })).toThrow(/is Java 11/);
    expect(requireJava({ PATH: process.env.PATH, JAVA_HOME: fakeJavaHome('17.0.1') })).toBe(17);
    expect(requireJava({ PATH: process.env.PATH, JAVA_HOME: fakeJavaHome('21') })).toBe(21);
  });
});

describe('jars', () => {
  const kafka = [{ groupId: 'org.apache.kafka', artifactId: 'kafka_2.13', version: '4.1.1' }];

  test('no cached set and no Maven: a PrerequisiteError naming Maven, the artifacts and --kafka-home', () => {
    const cache = tmp();
    const env = { PATH: tmp() };
    expect(() => resolveJars('kafka-4.1.1', kafka, cache, { env })).toThrow(PrerequisiteError);
    expect(() => resolveJars('kafka-4.1.1', kafka, cache, { env }))
      .toThrow(/Maven \(mvn\) is needed once to download org.apache.kafka:kafka_2.13:4.1.1 from Maven Central[\s\S]*Fix: install Maven 3.6\+.*or pass --kafka-home/);
  });

  test('Maven that cannot reach Maven Central: a JarsUnavailableError with what Maven said', () => {
    const bin = tmp();
    fs.writeFileSync(path.join(bin, 'mvn'), '#!/bin/sh\n[ "$1" = -v ] && exit 0\necho "Could not transfer artifact: repo1.maven.org: Temporary failure in name resolution"\nexit 1\n', { mode: 0o755 });
    const run = () => resolveJars('kafka-4.1.1', kafka, tmp(), { env: { PATH: `${bin}:/usr/bin:/bin` } });
    expect(run).toThrow(JarsUnavailableError);
    expect(run).toThrow(/could not download org.apache.kafka:kafka_2.13:4.1.1 from Maven Central[\s\S]*Temporary failure in name resolution[\s\S]*runs work offline from the cache/);
  });

  test('a cached set is used without Maven (offline re-run)', () => {
    const cache = tmp();
    const bin = tmp();
    fs.writeFileSync(path.join(bin, 'mvn'), `#!/bin/sh\n[ "$1" = -v ] && exit 0\nfor a; do case "$a" in -DoutputDirectory=*) touch "\${a#-DoutputDirectory=}/kafka_2.13-4.1.1.jar";; esac; done\n`, { mode: 0o755 });
    expect(resolveJars('kafka-4.1.1', kafka, cache, { env: { PATH: `${bin}:/usr/bin:/bin` } }).jars.map((j) => path.basename(j))).toEqual(['kafka_2.13-4.1.1.jar']);
    // Second run: no mvn on PATH at all, the marker matches, the cache answers.
    expect(resolveJars('kafka-4.1.1', kafka, cache, { env: { PATH: tmp() } }).jars.map((j) => path.basename(j))).toEqual(['kafka_2.13-4.1.1.jar']);
    // A different version is a different pom: it would need Maven again.
    expect(() => resolveJars('kafka-4.1.1', [{ ...kafka[0], version: '4.1.2' }], cache, { env: { PATH: tmp() } })).toThrow(PrerequisiteError);
  });

  test('parallel runs share the cache: while another run holds the set\'s lock, this one waits for its marker and never runs Maven', () => {
    const cache = tmp();
    const bin = tmp();
    fs.writeFileSync(path.join(bin, 'mvn'), `#!/bin/sh\n[ "$1" = -v ] && exit 0\nfor a; do case "$a" in -DoutputDirectory=*) touch "\${a#-DoutputDirectory=}/kafka_2.13-4.1.1.jar";; esac; done\n`, { mode: 0o755 });
    // The other run: resolves into its own cache dir first, so we know the marker it will write.
    const other = tmp();
    resolveJars('kafka-4.1.1', kafka, other, { env: { PATH: `${bin}:/usr/bin:/bin` } });
    fs.mkdirSync(path.join(cache, 'kafka-4.1.1.lock'), { recursive: true });
    fs.cpSync(path.join(other, 'kafka-4.1.1'), path.join(cache, 'kafka-4.1.1'), { recursive: true });
    const marker = fs.readFileSync(path.join(cache, 'kafka-4.1.1', '.resolved'), 'utf8');
    fs.rmSync(path.join(cache, 'kafka-4.1.1', '.resolved'));
    // It finishes 1 s later, from another process (this one is blocked in the wait).
    spawn('sh', ['-c', `sleep 1; printf '%s' '${marker.replace(/'/g, "'\\''")}' > '${path.join(cache, 'kafka-4.1.1', '.resolved')}'`], { stdio: 'ignore' });
    const t0 = Date.now();
    // No mvn on PATH: waiting is the only way this can succeed.
    expect(resolveJars('kafka-4.1.1', kafka, cache, { env: { PATH: tmp() } }).jars.map((j) => path.basename(j))).toEqual(['kafka_2.13-4.1.1.jar']);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(fs.existsSync(path.join(cache, 'kafka-4.1.1.lock'))).toBe(true);
  });

  test('--kafka-home that is not a Kafka distribution says so', () => {
    expect(() => jarsFromKafkaDistribution(tmp())).toThrow(/is not an Apache Kafka distribution: it has no libs\/ directory/);
  });

  test('cache directory: KAFKA_PLATFORM_CACHE, else XDG_CACHE_HOME, else ~/.cache', () => {
    expect(cacheDirectory({ KAFKA_PLATFORM_CACHE: '/c/kp', XDG_CACHE_HOME: '/x' })).toBe('/c/kp');
    expect(cacheDirectory({ XDG_CACHE_HOME: '/x' })).toBe('/x/kafka-platform');
    expect(cacheDirectory({})).toBe(path.join(os.homedir(), '.cache', 'kafka-platform'));
  });
});
