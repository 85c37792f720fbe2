import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { VerifyError } from './errors';
import { ClusterFacts, clusterFacts } from './gitops/cluster-facts';
import { resolveGitopsDirectory } from './gitops/discover';
import { readGitopsObjects } from './gitops/read-objects';
import { KafkaHome, writeKafkaHome, writeZooKeeperHome } from './harness/kafka-home';
import { mavenCentralDownloads, MavenMirror, startMavenMirror } from './harness/maven-mirror';
import { killAll, reapLeftovers, useProcessStateDir } from './harness/processes';
import { kafkaDependencies } from './jars/maven-pom';
import { jarsFromKafkaDistribution, resolveJars, ResolvedJars } from './jars/resolve';
import { cacheDirectory, requireJava } from './run/environment';
import { LocalPlatform, startLocalPlatform } from './run/local-platform';
import { Progress, seconds } from './run/progress';
import { ScenarioReport, VerifyReport } from './run/report';
import { selectScenarios } from './scenarios/registry';
import { Figures, VerifyScenario } from './scenarios/scenario';

/** The topic the producing scenarios write to: created by the run with the cluster's defaults. */
export const VERIFY_TOPIC = 'kafka-platform-verify';

export interface VerifyOptions {
  /** The GitOps directory. @default the first one found under the cdktf output directory */
  readonly directory?: string;
  /** Scenario names. @default every scenario that applies to the configuration */
  readonly scenarios?: readonly string[];
  /** An unpacked Apache Kafka distribution to take the jars from. @default jars from Maven Central, cached */
  readonly kafkaHome?: string;
  /** @default process.cwd() */
  readonly cwd?: string;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Where progress lines go. @default stdout */
  readonly write?: (text: string) => void;
}

function kafkaJars(facts: ClusterFacts, cache: string, kafkaHome: string | undefined, env: NodeJS.ProcessEnv): ResolvedJars {
  if (kafkaHome) return jarsFromKafkaDistribution(path.resolve(kafkaHome));
  const zk = facts.mode === 'zookeeper' ? facts.zookeeperVersion : undefined;
  if (facts.mode === 'zookeeper' && !zk) {
    throw new VerifyError('ZooKeeper mode, but the ZooKeeper StatefulSet\'s image has no x.y.z version tag', 'pin the zookeeper image by version (e.g. zookeeper:3.8.4)');
  }
  return resolveJars(`kafka-${facts.kafkaVersion}${zk ? `-zookeeper-${zk}` : ''}`,
    kafkaDependencies({ kafkaVersion: facts.kafkaVersion, zookeeperVersion: zk }), path.join(cache, 'jars'), { env });
}

/** Kills what crashed earlier runs left (their PID files under `<cache>/runs`) and removes their directories. */
function cleanEarlierRuns(runs: string): void {
  if (!fs.existsSync(runs)) return;
  for (const name of fs.readdirSync(runs)) {
    const dir = path.join(runs, name);
    if (!fs.existsSync(path.join(dir, 'pids'))) continue;
    const pids = fs.readFileSync(path.join(dir, 'pids'), 'utf8').split('\n').map(Number).filter((n) => n > 0);
    // A run still in progress (another terminal) has a live Node.js parent; leave it alone.
    const ownerAlive = fs.existsSync(path.join(dir, 'owner')) && fs.existsSync(`/proc/${fs.readFileSync(path.join(dir, 'owner'), 'utf8').trim()}`);
    if (ownerAlive) continue;
    if (pids.length > 0) reapLeftovers(dir);
  }
}

async function runScenario(s: VerifyScenario, platform: LocalPlatform, progress: Progress): Promise<ScenarioReport> {
  const figures: Figures = {};
  const t0 = Date.now();
  progress.info(`scenario ${s.name}: ${s.summary}`);
  try {
    await s.run({ platform, verifyTopic: VERIFY_TOPIC, progress }, figures);
    const took = Number(seconds(Date.now() - t0));
    progress.info(`  PASS ${s.name} in ${took.toFixed(1)} s`);
    return { name: s.name, passed: true, seconds: took, figures, ...counts(figures) };
  } catch (e) {
    const took = Number(seconds(Date.now() - t0));
    const error = String((e as Error).message ?? e).split('\n').slice(0, 8).join('\n');
    progress.info(`  FAIL ${s.name} after ${took.toFixed(1)} s: ${error.split('\n')[0]}`);
    return { name: s.name, passed: false, seconds: took, error, figures, ...counts(figures) };
  }
}

function counts(figures: Figures): { acknowledged?: number; consumed?: number } {
  const n = (k: string) => (typeof figures[k] === 'number' ? figures[k] as number : undefined);
  return { acknowledged: n('acknowledged'), consumed: n('consumed') };
}

/**
 * `kafka-platform verify`: runs the cluster of a GitOps directory as local
 * JVMs on 127.0.0.1 and puts it through the scenarios. Throws VerifyError for
 * what the user must fix before a run can happen; a run that happened returns
 * its report (`passed` false when a scenario or the start failed). Every
 * process it started is gone when it returns or throws.
 */
export async function verify(opts: VerifyOptions = {}): Promise<VerifyReport> {
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  const progress = new Progress(opts.write ?? ((t) => process.stdout.write(t)));
  const directory = resolveGitopsDirectory(opts.directory, cwd, env);
  const objects = readGitopsObjects(directory);
  const facts = clusterFacts(objects, directory);
  const scenarios = selectScenarios(opts.scenarios, facts);
  const rel = path.relative(cwd, directory).startsWith('..') ? directory : path.relative(cwd, directory) || '.';
  progress.info(`${rel}: cluster ${facts.clusterName}, ${facts.mode === 'kraft' ? 'KRaft' : 'ZooKeeper mode'}, Kafka ${facts.kafkaVersion}, `
    + `${facts.brokerSets.length} broker StatefulSets, ${facts.topics.length} declared topics; scenarios ${scenarios.map((s) => s.name).join(', ')}`);
  const java = requireJava(env);
  const cache = cacheDirectory(env);
  const jars = await progress.step(opts.kafkaHome ? `reading the jars of ${opts.kafkaHome}` : `resolving Kafka ${facts.kafkaVersion} jars (cache ${cache})`,
    () => kafkaJars(facts, cache, opts.kafkaHome, env), (j, s) => `${j.jars.length} jars in ${s} s (Java ${java})`);
  const workloads = [...facts.brokerSets, ...facts.controllerSets, ...facts.zookeeperSets];
  const downloads = mavenCentralDownloads(workloads);
  const downloadsDir = downloads.length === 0 ? undefined : await progress.step(`caching what the init containers download (${downloads.map((d) => `${d.artifactId} ${d.version}`).join(', ')})`,
    () => resolveJars('maven-central', downloads, cache, { repositoryLayout: true, env }).dir);

  const runs = path.join(cache, 'runs');
  cleanEarlierRuns(runs);
  fs.mkdirSync(runs, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(runs, 'run-'));
  fs.writeFileSync(path.join(runDir, 'owner'), String(process.pid));
  useProcessStateDir(runDir);
  const t0 = Date.now();
  const results: ScenarioReport[] = [];
  const reportFacts: Record<string, number | string> = { jars: jars.set, java };
  let mirror: MavenMirror | undefined;
  let platform: LocalPlatform | undefined;
  try {
    // Keyed by classpath and Java: an archive only maps into the JVM and classpath that wrote it.
    const archiveKey = createHash('sha256').update(`${jars.classpath}\n${java}`).digest('hex').slice(0, 16);
    fs.mkdirSync(path.join(cache, 'class-archives'), { recursive: true });
    const home: KafkaHome = writeKafkaHome(path.join(runDir, 'kafka-home'), jars, { toolsClassArchive: path.join(cache, 'class-archives', `tools-${archiveKey}.jsa`) });
    const zookeeperHome = facts.mode === 'zookeeper' ? writeZooKeeperHome(path.join(runDir, 'zookeeper-home'), jars, home) : undefined;
    if (downloadsDir) mirror = await startMavenMirror(downloadsDir);
    try {
      platform = await startLocalPlatform({ facts, objects, home, zookeeperHome, mirror, runDir: 'cluster', progress, runAdminJobs: scenarios.some((s) => s.needsAdminJobs) });
      reportFacts['started and ready (s)'] = Number(seconds(Date.now() - t0));
      await progress.step(`creating topic ${VERIFY_TOPIC} with the cluster's defaults`, () => platform!.tools.createTopicWithDefaults(VERIFY_TOPIC, 6));
    } catch (e) {
      if (e instanceof VerifyError) throw e;
      results.push({ name: 'start', passed: false, seconds: Number(seconds(Date.now() - t0)), error: String((e as Error).message ?? e).split('\n').slice(0, 12).join('\n'), figures: {} });
    }
    if (platform) for (const s of scenarios) results.push(await runScenario(s, platform, progress));
  } finally {
    await platform?.local.killAll();
    killAll();
    await mirror?.close();
    // Exit handlers of the killed processes would otherwise rewrite the PID file into a removed directory.
    useProcessStateDir(undefined);
  }
  const passed = results.length > 0 && results.every((r) => r.passed);
  if (passed) fs.rmSync(runDir, { recursive: true, force: true });
  else fs.rmSync(path.join(runDir, 'owner'), { force: true });
  return {
    directory: rel, cluster: facts.clusterName, mode: facts.mode, kafkaVersion: facts.kafkaVersion, passed,
    seconds: Number(seconds(progress.elapsed() * 1000)), facts: reportFacts, scenarios: results, logs: passed ? undefined : runDir,
  };
}
