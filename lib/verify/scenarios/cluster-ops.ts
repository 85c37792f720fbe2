import { parseExposition, scrape, waitReady } from '../harness/kafka-pods';
import { waitFor } from '../harness/processes';
import { ClusterFacts } from '../gitops/cluster-facts';
import { LocalPlatform } from '../run/local-platform';

/** What these operations read of a running platform: also what a suite with its own cluster can hand them. */
export type ClusterOpsTarget = Pick<LocalPlatform, 'local' | 'tools' | 'brokers' | 'quorum'> & {
  readonly facts: Pick<ClusterFacts, 'metricsPort' | 'metricsPath'>;
};

/** Sum of the under-replicated-partitions gauge over the running brokers (their JMX exporter). */
export async function underReplicated(p: ClusterOpsTarget): Promise<number> {
  let sum = 0;
  for (const b of p.brokers.filter((x) => p.local.isRunning(x))) {
    const samples = parseExposition(await scrape(p.local, b, p.facts.metricsPort, p.facts.metricsPath));
    sum += samples.filter((s) => s.name === 'kafka_server_replicamanager_underreplicatedpartitions').reduce((n, s) => n + s.value, 0);
  }
  return sum;
}

/** Waits until every partition of `topic` has its full replica set in sync and the brokers report URP 0. */
export async function waitFullyReplicated(p: ClusterOpsTarget, topic: string, timeoutMs = 180_000): Promise<void> {
  await waitFor(`${topic} fully in sync and URP 0`, async () => {
    const d = await p.tools.describeTopic(topic);
    const inSync = d.partitions.every((x) => x.leader >= 0 && x.isr.length === x.replicas.length);
    return inSync && (await underReplicated(p)) === 0;
  }, timeoutMs, 1000);
}

/** Restarts every stopped pod (a scenario's cleanup) and waits until each passes its readiness probe. */
export async function restoreAll(p: ClusterOpsTarget): Promise<void> {
  const down = [...p.quorum, ...p.brokers].filter((x) => !p.local.isRunning(x));
  await Promise.all(down.map((x) => p.local.start(x)));
  await Promise.all(down.map((x) => waitReady(p.local, x)));
}

/** Distinct values of `topic` that start with `<prefix>.` (VerifiableProducer's `--value-prefix`), read from the beginning. */
export async function consumedValues(p: ClusterOpsTarget, topic: string, prefix: string | number): Promise<Set<string>> {
  return new Set((await p.tools.consumeAll(topic)).filter((v) => v.startsWith(`${prefix}.`)));
}
