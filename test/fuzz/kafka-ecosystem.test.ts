import { Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { KafkaEcosystem, KafkaEcosystemProps } from '../../lib/kafka/ecosystem';
import { KafkaCluster, KafkaMetadataMode, KafkaProfile } from '../../lib/kafka';
import { parseJavaProperties } from '../support/java-properties';
import { runs, SEED } from './arbitraries';
import { ecosystemProps } from './ecosystem-props';
import { attempt, cheapObjectProblems, PromtoolBatch, SampledValidator, show } from './oracle';

/** Connect's worker file holds what the user declared, and the keys KafkaConnect manages keep their values. */
function workerProblems(props: any, ecosystem: KafkaEcosystem, objects: any[]): string[] {
  if (!ecosystem.connect) return [];
  const cm = objects.find(o => o.kind === 'ConfigMap' && o.metadata.name === ecosystem.connect!.workerConfigMapName);
  const parsed = parseJavaProperties(cm.data['connect-distributed.properties']);
  const declared: Record<string, string> = (typeof props.connect === 'object' && props.connect.workerConfig) || {};
  const problems = Object.entries(declared).filter(([k, v]) => parsed.get(k) !== v).map(([k, v]) => `workerConfig ${JSON.stringify(k)} reads ${JSON.stringify(parsed.get(k))}, declared ${JSON.stringify(v)}`);
  if (parsed.get('connector.client.config.override.policy') !== 'None') problems.push('connectors may override the worker identity');
  const extra = [...parsed.keys()].filter(k => !(k in declared) && !BASELINE_WORKER_KEYS.has(k));
  if (extra.length > 0) problems.push(`extra worker keys ${JSON.stringify(extra)}`);
  return problems;
}

const CLUSTERS = [
  { clusterName: 'kafka', zones: ['a', 'b', 'c'] },
  { clusterName: 'events', zones: ['a', 'b', 'c'], metadataMode: KafkaMetadataMode.ZOOKEEPER },
  { clusterName: 'dev', zones: ['a'], brokers: { replicas: 1 }, controllers: { replicas: 1 }, profile: KafkaProfile.DEVELOPMENT },
];

function build(clusterIndex: number, props: unknown): { ecosystem: KafkaEcosystem; objects: any[] } {
  const chart = new Chart(Testing.app(), 'fuzz');
  const cluster = new KafkaCluster(chart, 'kafka', CLUSTERS[clusterIndex]);
  const ecosystem = new KafkaEcosystem(chart, 'ecosystem', { ...(props as object), cluster } as KafkaEcosystemProps);
  return { ecosystem, objects: chart.toJson() };
}

const BASELINE_WORKER_KEYS = (() => {
  const { ecosystem, objects } = build(0, { connect: true });
  const cm = objects.find(o => o.kind === 'ConfigMap' && o.metadata.name === ecosystem.connect!.workerConfigMapName);
  return new Set(parseJavaProperties(cm.data['connect-distributed.properties']).keys());
})();

/**
 * KafkaEcosystem against generated props over three clusters: a typed error
 * naming the prop, or objects that pass the checks, a worker file read back
 * as declared, and rule files promtool accepts (every 10th accepted case,
 * checked in one promtool run at the end).
 */
test('KafkaEcosystem: a typed error or valid, faithful output', () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const validator = new SampledValidator(60, 3);
  const promtool = new PromtoolBatch();
  const tally = { refused: 0, built: 0 };
  fc.assert(fc.property(fc.nat(CLUSTERS.length - 1), ecosystemProps, (clusterIndex, props) => {
    const outcome = attempt(() => build(clusterIndex, props));
    if ('refused' in outcome) {
      tally.refused++;
      return;
    }
    tally.built++;
    const { ecosystem, objects } = outcome.built;
    const problems = [...cheapObjectProblems(objects), ...workerProblems(props, ecosystem, objects), ...validator.problems(objects)];
    if (ecosystem.monitoring && tally.built % 10 === 1) promtool.addRules(show(props), ecosystem.monitoring.alertRulesYaml);
    if (problems.length > 0) throw new Error(`accepted but wrong (cluster ${clusterIndex}, ${show(props)}):\n${problems.join('\n')}`);
  }), { seed: SEED, numRuns: runs(2000), endOnFailure: true });
  expect(promtool.check()).toEqual([]);
  expect(tally.refused).toBeGreaterThan(0);
  expect(tally.built).toBeGreaterThan(runs(2000) / 20);
  expect(promtool.size).toBeGreaterThan(2);
  console.log(`KafkaEcosystem: ${tally.refused} refused, ${tally.built} built, ${validator.validated} validated, ${promtool.size} rule files through promtool`);
}, 900_000);
