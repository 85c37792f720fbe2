import * as fc from 'fast-check';
import { KafkaClusterProps } from '../../lib/kafka';
import { runs, SEED } from './arbitraries';
import { buildCluster, haProblems, propertiesProblems } from './cluster-checks';
import { clusterProps } from './cluster-props';
import { attempt, cheapObjectProblems, SampledValidator, show } from './oracle';

/**
 * KafkaCluster against generated props (fixed seed): every case is refused
 * with a typed error naming the prop, or its output passes the Kubernetes
 * validator (on a sample, see SampledValidator), reads back through
 * java.util.Properties as declared, and keeps the HA invariants.
 */
test('KafkaCluster: a typed error or a valid, faithful, HA cluster', () => {
  // cdk8s prints each DEVELOPMENT warning at synth; thousands of them would drown the report.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const validator = new SampledValidator(40);
  const tally = { refused: 0, built: 0 };
  fc.assert(fc.property(clusterProps, (generated) => {
    const props = generated as unknown as KafkaClusterProps;
    const outcome = attempt(() => buildCluster(props));
    if ('refused' in outcome) {
      tally.refused++;
      return;
    }
    tally.built++;
    const { cluster, chart, objects } = outcome.built;
    const problems = [...cheapObjectProblems(objects), ...propertiesProblems(props, objects), ...haProblems(cluster, chart, objects), ...validator.problems(objects)];
    if (problems.length > 0) throw new Error(`accepted but wrong (${show(generated)}):\n${problems.join('\n')}`);
  }), { seed: SEED, numRuns: runs(2000), endOnFailure: true });
  // The generators must reach both outcomes, or the property proves little.
  expect(tally.refused).toBeGreaterThan(0);
  expect(tally.built).toBeGreaterThan(runs(2000) / 20);
  expect(validator.validated).toBeGreaterThan(2);
  console.log(`KafkaCluster: ${tally.refused} refused, ${tally.built} built, ${validator.validated} validated`);
}, 600_000);
