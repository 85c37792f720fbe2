import * as fs from 'fs';
import { LocalCluster, LocalPod } from './local-cluster';
import { GiveUp, sleep, waitFor } from './processes';

/** Node id a Kafka pod's start script chose (it logs `kafka-start: <role> node <id> (pod <name>)`). */
export async function nodeIdOf(pod: LocalPod): Promise<number> {
  // Wrapped in an object: node id 0 is a valid answer but falsy.
  const found = await waitFor(`${pod.name} to log its node id`, () => {
    if (!pod.process) return undefined;
    const m = /kafka-start: \w+ node (\d+) \(pod /.exec(fs.readFileSync(pod.process.logFile, 'utf8'));
    return m ? { id: Number(m[1]) } : undefined;
  }, 60_000, 200);
  return found.id;
}

/**
 * Waits until the pod's synthesized readinessProbe passes (polled every
 * second, faster than its periodSeconds, to keep a run short). Fails
 * early with the log tail if the process died.
 */
export async function waitReady(cluster: LocalCluster, pod: LocalPod, timeoutMs = 180_000): Promise<number> {
  const t0 = Date.now();
  let last = '';
  await waitFor(`${pod.name} to pass its readinessProbe`, async () => {
    if (!cluster.isRunning(pod)) throw new GiveUp(`${pod.name} exited`);
    const res = await cluster.probe(pod, 'readinessProbe');
    last = res.output;
    return res.ok;
  }, timeoutMs, 1000).catch((e) => {
    throw new Error(`${(e as Error).message}\nlast probe output: ${last}\n${logTail(pod)}`);
  });
  return Date.now() - t0;
}

export function logTail(pod: LocalPod, lines = 30): string {
  if (!pod.process) return '(never started)';
  try {
    const text = fs.readFileSync(pod.process.logFile, 'utf8').split('\n');
    return `--- ${pod.process.logFile} (last ${lines} lines)\n${text.slice(-lines).join('\n')}`;
  } catch {
    return '(no log)';
  }
}

/** Starts pods in parallel (as `podManagementPolicy: Parallel` does) and waits for all to be ready. */
export async function startAndWaitReady(cluster: LocalCluster, pods: LocalPod[], timeoutMs = 240_000): Promise<void> {
  await Promise.all(pods.map((p) => cluster.start(p)));
  await Promise.all(pods.map((p) => waitReady(cluster, p, timeoutMs)));
}

/** Scrapes a pod's Prometheus endpoint (the JMX exporter agent) on its local metrics port. */
export async function scrape(cluster: LocalCluster, pod: LocalPod, metricsPort: number, metricsPath: string): Promise<string> {
  const port = cluster.port(pod, metricsPort);
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${metricsPath}`, { signal: AbortSignal.timeout(10_000) });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      return await res.text();
    } catch (e) {
      if (attempt >= 3) throw new Error(`scrape of ${pod.name} on 127.0.0.1:${port}${metricsPath} failed: ${e}`);
      await sleep(1000);
    }
  }
}

export interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** Parses the Prometheus text exposition format (what the JMX exporter serves). */
export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const lm of (m[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:\\.|[^"\\])*)"/g)) labels[lm[1]] = lm[2].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    const value = m[4] === 'NaN' ? NaN : m[4] === '+Inf' ? Infinity : m[4] === '-Inf' ? -Infinity : Number(m[4]);
    samples.push({ name: m[1], labels, value });
  }
  return samples;
}
