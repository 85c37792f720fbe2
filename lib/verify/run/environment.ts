import { spawnSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { PrerequisiteError } from '../errors';

/** Oldest Java that runs Kafka 4 (brokers and tools need 17; clients would take 11). */
export const MIN_JAVA = 17;

/** The major version from `java -version` output (`openjdk version "17.0.15"`, `"1.8.0_392"` -> 8). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return undefined;
  return m[1] === '1' && m[2] ? Number(m[2]) : Number(m[1]);
}

/** The java the shims run (`$JAVA_HOME/bin/java`, else `java` on PATH). */
export function javaCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Fails with what to install unless Java 17+ runs; returns its major version. */
export function requireJava(env: NodeJS.ProcessEnv = process.env): number {
  const java = javaCommand(env);
  // `java -version` prints to stderr.
  const res = spawnSync(java, ['-version'], { encoding: 'utf8', env, timeout: 60_000 });
  const install = `install a Java ${MIN_JAVA}+ runtime (Debian/Ubuntu: \`apt-get install openjdk-17-jre-headless\`; macOS: \`brew install openjdk@17\`), or point JAVA_HOME at one`;
  if (res.error) {
    throw new PrerequisiteError(`Java ${MIN_JAVA}+ is needed to run Kafka locally, and ${env.JAVA_HOME ? `${java} (from JAVA_HOME) cannot run` : 'no `java` is on PATH'}`, install);
  }
  const major = parseJavaMajor(`${res.stdout ?? ''}${res.stderr ?? ''}`);
  if (major === undefined || major < MIN_JAVA) {
    throw new PrerequisiteError(`Java ${MIN_JAVA}+ is needed to run Kafka locally; ${java} is ${major === undefined ? 'of an unknown version' : `Java ${major}`}`, install);
  }
  return major;
}

/** The user cache: `KAFKA_PLATFORM_CACHE`, else `$XDG_CACHE_HOME/kafka-platform`, else `~/.cache/kafka-platform`. */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KAFKA_PLATFORM_CACHE) return path.resolve(env.KAFKA_PLATFORM_CACHE);
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'kafka-platform');
  return path.join(os.homedir(), '.cache', 'kafka-platform');
}
