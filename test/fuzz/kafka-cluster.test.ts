import * as fc from 'fast-check';
import { KafkaClusterProps } from '../../lib/kafka';
import { KAFKA_CLUSTER_PROPS_SHAPE } from '../../lib/kafka/model/cluster-props-shape';
import { shapeProblems } from '../../lib/kafka/k8s/prop-shape';
import { runs, SEED, withTypo } from './arbitraries';
import { buildCluster, haProblems, propertiesProblems } from './cluster-checks';
import { clusterProps } from './cluster-props';
import { attempt, cheapObjectProblems, SampledValidator, show } from './oracle';

/**
 * KafkaCluster against generated props (fixed seed): every case is refused
 * with a typed error naming the prop, or its output passes the Kubernetes
 * validator (on a sample, see SampledValidator), reads back through
 * java.util.Properties as declared, and keeps the HA invariants.
 */
/** Misspelt and misplaced prop names a JavaScript caller might write; each must be refused by the shape check. */
const TYPOS = [
  { path: [], key: 'zone' }, { path: [], key: 'clustername' }, { path: [], key: 'broker' }, { path: [], key: 'topic' }, { path: [], key: '__proto__' },
  { path: ['brokers'], key: 'replica' }, { path: ['brokers'], key: 'configs' }, { path: ['brokers', 'storage'], key: 'sise' },
  { path: ['controllers'], key: 'replica' }, { path: ['credentials'], key: 'constructor' }, { path: ['externalListener'], key: 'domains' },
  { path: ['externalListener', 'loadBalancer'], key: 'allowedSourceCidr' }, { path: ['networkPolicy'], key: 'enable' },
];

test('KafkaCluster: a typed error or a valid, faithful, HA cluster', () => {
  // cdk8s prints each DEVELOPMENT warning at synth; thousands of them would drown the report.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const validator = new SampledValidator(40);
  const tally = { refused: 0, built: 0, typos: 0 };
  fc.assert(fc.property(withTypo(clusterProps, TYPOS), ({ props: generated, typo }) => {
    const props = generated as unknown as KafkaClusterProps;
    const outcome = attempt(() => buildCluster(props));
    if ('refused' in outcome) {
      // A typo is caught by the shape check (the error names the first problem the shapes find, often the typo itself).
      if (typo && !shapeProblems(props, KAFKA_CLUSTER_PROPS_SHAPE).some(p => p.prop === typo)) throw new Error(`misspelt prop ${typo} not found by the shape check (${show(generated)})`);
      if (typo) tally.typos++;
      tally.refused++;
      return;
    }
    if (typo) throw new Error(`misspelt prop ${typo} accepted (${show(generated)})`);
    tally.built++;
    const { cluster, chart, objects } = outcome.built;
    const problems = [...cheapObjectProblems(objects), ...propertiesProblems(props, objects), ...haProblems(cluster, chart, objects), ...validator.problems(objects)];
    if (problems.length > 0) throw new Error(`accepted but wrong (${show(generated)}):\n${problems.join('\n')}`);
  }), { seed: SEED, numRuns: runs(2000), endOnFailure: true });
  // The generators must reach both outcomes, or the property proves little.
  expect(tally.refused).toBeGreaterThan(0);
  expect(tally.built).toBeGreaterThan(runs(2000) / 20);
  expect(validator.validated).toBeGreaterThan(2);
  expect(tally.typos).toBeGreaterThan(runs(2000) / 40);
  console.log(`KafkaCluster: ${tally.refused} refused (${tally.typos} misspelt props), ${tally.built} built, ${validator.validated} validated`);
}, 600_000);
