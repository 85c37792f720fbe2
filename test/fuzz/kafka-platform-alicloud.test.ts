import * as fc from 'fast-check';
import { AlicloudKafkaCloud } from '../../lib/cloud/alicloud/alicloud-kafka-cloud';
import { BASE_PROPS } from '../cloud/alicloud/fixture';
import { SEED } from './arbitraries';
import { checkPlatformCase, platformCase } from './platform-target';

/**
 * KafkaPlatform on Alibaba Cloud. A case costs ~0.2-0.5 s (VPC, ACK, RAM and the
 * Kubernetes objects), so `npm test` runs FUZZ_PLATFORM_RUNS (default 60)
 * and `npm run fuzz` 2,000; see README "Property-based tests".
 */
test('KafkaPlatform on Alibaba Cloud: a typed error or a cloud that stays closed', () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const tally = { refused: 0, built: 0 };
  fc.assert(fc.property(platformCase, (generated) => {
    tally[checkPlatformCase(() => new AlicloudKafkaCloud({ ...BASE_PROPS, allowedClientCidrs: generated.clientCidrs as any }), generated)]++;
  }), { seed: SEED, numRuns: Number(process.env.FUZZ_PLATFORM_RUNS ?? 60), endOnFailure: true });
  expect(tally.refused).toBeGreaterThan(0);
  expect(tally.built).toBeGreaterThan(0);
  console.log(`KafkaPlatform on Alibaba Cloud: ${tally.refused} refused, ${tally.built} built`);
}, 1_800_000);
