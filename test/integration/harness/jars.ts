import * as path from 'path';
import { KAFKA_DEFAULT_IMAGES } from '../../../lib/kafka/constants';
import { imageVersion } from '../../../lib/verify/gitops/cluster-facts';
import { kafkaDependencies, MavenDependency } from '../../../lib/verify/jars/maven-pom';
import { resolveJars as resolveJarSet, ResolvedJars } from '../../../lib/verify/jars/resolve';

export { jarsContainClass, ResolvedJars } from '../../../lib/verify/jars/resolve';

/** Where everything the suite downloads or writes lives (gitignored). */
export const CACHE_DIR = path.join(__dirname, '..', '.cache');

/** The suite's jar sets: `kafka41` (KRaft + Connect), `kafka39` (ZooKeeper mode + Connect 3.9), `kafka40` (the upgrade scenario's starting release), `jmx` (the agent). */
export type JarSet = 'kafka41' | 'kafka39' | 'kafka40' | 'jmx';

/** The Kafka image the upgrade scenario (upgrade.it.ts) starts from, before it moves to the default KRaft image. */
export const UPGRADE_FROM_IMAGE = 'apache/kafka:4.0.0';

function versionOf(image: string): string {
  const v = imageVersion(image);
  if (!v) throw new Error(`default image ${image} has no version tag`);
  return v;
}

/**
 * The suite's jar sets, resolved by the library's resolver (lib/verify/jars)
 * into `.cache/<set>/`, with the Kafka and ZooKeeper versions of the images
 * the core synthesizes by default. Fails (never skips) without Maven Central.
 */
export function resolveJars(set: JarSet, properties: Record<string, string> = {}): ResolvedJars {
  let deps: MavenDependency[];
  if (set === 'kafka41') {
    deps = kafkaDependencies({ kafkaVersion: versionOf(KAFKA_DEFAULT_IMAGES.kafkaKraft), connect: true });
  } else if (set === 'kafka40') {
    deps = kafkaDependencies({ kafkaVersion: versionOf(UPGRADE_FROM_IMAGE) });
  } else if (set === 'kafka39') {
    deps = kafkaDependencies({ kafkaVersion: versionOf(KAFKA_DEFAULT_IMAGES.kafkaZooKeeper), zookeeperVersion: versionOf(KAFKA_DEFAULT_IMAGES.zookeeper), connect: true });
  } else {
    const version = properties['jmx.exporter.version'];
    if (!version) throw new Error("resolveJars('jmx') needs { 'jmx.exporter.version': <version> }");
    deps = [{ groupId: 'io.prometheus.jmx', artifactId: 'jmx_prometheus_javaagent', version }];
  }
  return resolveJarSet(set, deps, CACHE_DIR);
}
