import * as fc from 'fast-check';
import { AwsKafkaCloud } from '../../lib/cloud/aws/aws-kafka-cloud';
import { SEED } from './arbitraries';
import { checkPlatformCase, platformCase } from './platform-target';

/**
 * KafkaPlatform on AWS. A case costs ~0.2-0.5 s (VPC, EKS, IAM and the
 * Kubernetes objects), so `npm test` runs FUZZ_PLATFORM_RUNS (default 60)
 * and `npm run fuzz` 2,000; see README "Property-based tests".
 */
test('KafkaPlatform on AWS: a typed error or a cloud that stays closed', () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const tally = { refused: 0, built: 0 };
  fc.assert(fc.property(platformCase, (generated) => {
    tally[checkPlatformCase(() => new AwsKafkaCloud({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], allowedClientCidrs: generated.clientCidrs as any }), generated)]++;
  }), { seed: SEED, numRuns: Number(process.env.FUZZ_PLATFORM_RUNS ?? 60), endOnFailure: true });
  expect(tally.refused).toBeGreaterThan(0);
  expect(tally.built).toBeGreaterThan(0);
  console.log(`KafkaPlatform on AWS: ${tally.refused} refused, ${tally.built} built`);
}, 1_800_000);
