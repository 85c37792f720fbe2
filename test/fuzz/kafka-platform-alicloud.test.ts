import * as fc from 'fast-check';
import { AlicloudKafkaCloud } from '../../lib/cloud/alicloud/alicloud-kafka-cloud';
import { BASE_PROPS } from '../cloud/alicloud/fixture';
import { runs, SEED } from './arbitraries';
import { checkPlatformCase, platformCase } from './platform-target';

/**
 * KafkaPlatform on Alibaba Cloud, 2,000 cases in `npm test` (`npm run fuzz`: 20,000).
 * A refused case costs ~1 ms: KafkaPlatform checks every prop, the cloud's
 * plan and the Kafka rules before it builds anything (the target checks that
 * no cloud resource exists after a refusal). A built case (VPC, ACK, RAM, the
 * Kubernetes objects) costs ~15-25 ms of CPU; see README "Bad input and the
 * property suite".
 */
test('KafkaPlatform on Alibaba Cloud: a typed error before anything is built, or a cloud that stays closed', () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const tally = { refused: 0, built: 0 };
  const started = { wall: Date.now(), cpu: process.cpuUsage() };
  fc.assert(fc.property(platformCase, (generated) => {
    tally[checkPlatformCase(() => new AlicloudKafkaCloud({ ...BASE_PROPS, allowedClientCidrs: generated.clientCidrs as any }), generated)]++;
  }), { seed: SEED, numRuns: Number(process.env.FUZZ_PLATFORM_RUNS ?? runs(2000)), endOnFailure: true });
  expect(tally.refused).toBeGreaterThan(0);
  expect(tally.built).toBeGreaterThan(0);
  const cpu = process.cpuUsage(started.cpu);
  console.log(`KafkaPlatform on Alibaba Cloud: ${tally.refused} refused, ${tally.built} built in ${((Date.now() - started.wall) / 1000).toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU)`);
}, 1_800_000);
