import * as fc from 'fast-check';
import { AwsKafkaCloud } from '../../lib/cloud/aws/aws-kafka-cloud';
import { runs, SEED } from './arbitraries';
import { checkPlatformCase, platformCase } from './platform-target';

/**
 * KafkaPlatform on AWS, 2,000 cases in `npm test` (`npm run fuzz`: 20,000).
 * A refused case costs ~1 ms: KafkaPlatform checks every prop, the cloud's
 * plan and the Kafka rules before it builds anything (the target checks that
 * no cloud resource exists after a refusal). A built case (VPC, EKS, IAM, the
 * Kubernetes objects) costs ~15-25 ms of CPU; see README "Bad input and the
 * property suite".
 */
test('KafkaPlatform on AWS: a typed error before anything is built, or a cloud that stays closed', () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const tally = { refused: 0, built: 0 };
  const started = { wall: Date.now(), cpu: process.cpuUsage() };
  fc.assert(fc.property(platformCase, (generated) => {
    tally[checkPlatformCase(() => new AwsKafkaCloud({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], allowedClientCidrs: generated.clientCidrs as any }), generated)]++;
  }), { seed: SEED, numRuns: Number(process.env.FUZZ_PLATFORM_RUNS ?? runs(2000)), endOnFailure: true });
  expect(tally.refused).toBeGreaterThan(0);
  expect(tally.built).toBeGreaterThan(0);
  const cpu = process.cpuUsage(started.cpu);
  console.log(`KafkaPlatform on AWS: ${tally.refused} refused, ${tally.built} built in ${((Date.now() - started.wall) / 1000).toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU)`);
}, 1_800_000);
