import * as fs from 'fs';
import * as path from 'path';
import { KafkaPlatformValidationError } from '../../../lib/errors';
import { imageKafkaRelease, kafkaScriptPath, KafkaMetadataMode, parseMetadataVersion } from '../../../lib/kafka';
import { FakeTools } from '../../support/fake-tools';
import { all, envOf, find, synth } from '../helpers';

const metadataJobs = (objects: any[]) => all(objects, 'Job').filter(j => j.metadata.name.startsWith('kafka-metadata-version-'));

describe('metadataVersion: a separate prop, applied by a Job', () => {
  test('unset: no Job (a new cluster runs the image\'s latest metadata version)', () => {
    expect(metadataJobs(synth().objects)).toEqual([]);
  });

  test('set: a Job runs kafka-features.sh through apply-metadata-version.sh as the admin user; the pods do not change', () => {
    const without = synth({ image: 'apache/kafka:4.1.1' }).objects;
    const { objects } = synth({ image: 'apache/kafka:4.1.1', metadataVersion: '4.1' });
    const [job] = metadataJobs(objects);
    expect(job.metadata.name).toMatch(/^kafka-metadata-version-[0-9a-f]{8}$/);
    const container = job.spec.template.spec.containers[0];
    expect(container.image).toBe('apache/kafka:4.1.1');
    expect(container.command).toEqual(['/bin/bash', '/etc/kafka-metadata-version/apply-metadata-version.sh']);
    expect(envOf(container).KP_METADATA_VERSION).toBe('4.1');
    expect(find(objects, 'ConfigMap', 'kafka-metadata-version').data['apply-metadata-version.sh']).toContain('kafka-features.sh upgrade --metadata');
    // A metadata version bump restarts nothing: the StatefulSets and the roll Job are unchanged.
    expect(all(objects, 'StatefulSet')).toEqual(all(without, 'StatefulSet'));
    expect(all(objects, 'Job').filter(j => j.metadata.name.startsWith('kafka-roll-'))).toEqual(all(without, 'Job').filter(j => j.metadata.name.startsWith('kafka-roll-')));
    // Another version: another Job.
    expect(metadataJobs(synth({ image: 'apache/kafka:4.1.1', metadataVersion: '4.0' }).objects)[0].metadata.name).not.toBe(job.metadata.name);
  });

  test('synth refuses a version newer than the image, a malformed one, one older than 3.3, and any in ZooKeeper mode', () => {
    const refusal = (props: any) => {
      try {
        synth(props);
      } catch (e) {
        expect(e).toBeInstanceOf(KafkaPlatformValidationError);
        return (e as Error).message;
      }
      throw new Error('synth accepted it');
    };
    expect(refusal({ image: 'apache/kafka:4.0.0', metadataVersion: '4.1' })).toContain('metadataVersion: 4.1 is newer than the Kafka image apache/kafka:4.0.0 (Kafka 4.0): its brokers and controllers cannot run it. Fix: upgrade the image first (roll), then raise metadataVersion to at most 4.0');
    expect(refusal({ metadataVersion: 'latest' })).toContain('metadataVersion: "latest" is not a Kafka metadata version');
    expect(refusal({ metadataVersion: '3.2' })).toContain('metadataVersion: 3.2 is older than 3.3');
    expect(refusal({ metadataMode: KafkaMetadataMode.ZOOKEEPER, metadataVersion: '3.9' })).toContain('metadataVersion: is a KRaft feature level, but metadataMode is ZOOKEEPER');
    // Same release as the image, an internal version, an older release (an upgrade in two steps): accepted.
    for (const [image, v] of [['apache/kafka:4.0.0', '4.0'], ['apache/kafka:4.1.1', '4.1-IV1'], ['apache/kafka:4.1.1', '4.0']]) {
      expect(metadataJobs(synth({ image, metadataVersion: v }).objects)).toHaveLength(1);
    }
  });

  test('image tags and versions synth can read, and what it cannot (then only the Job checks)', () => {
    expect(imageKafkaRelease('apache/kafka:4.1.1')).toEqual({ major: 4, minor: 1 });
    expect(imageKafkaRelease('registry.internal:5000/apache/kafka:3.9.1-rc1')).toEqual({ major: 3, minor: 9 });
    expect(imageKafkaRelease('apache/kafka:4.1.1@sha256:' + 'a'.repeat(64))).toEqual({ major: 4, minor: 1 });
    expect(imageKafkaRelease('apache/kafka:latest')).toBeUndefined();
    expect(imageKafkaRelease('internal/kafka-hardened:2025-11')).toBeUndefined();
    expect(parseMetadataVersion('3.9-IV0')).toEqual({ major: 3, minor: 9 });
    expect(parseMetadataVersion('3.9.1')).toBeUndefined();
  });
});

describe('apply-metadata-version.sh (fake kafka-features.sh)', () => {
  let fake: FakeTools;
  let state: string;
  let unsupported: string;
  beforeEach(() => {
    fake = new FakeTools();
    state = path.join(fake.root, 'finalized');
    unsupported = path.join(fake.root, 'dry-run-refusals');
    fake.install('kafka-topics.sh');
    // describe prints the finalized level; --dry-run fails while nodes still lack support; upgrade finalizes.
    fake.install('kafka-features.sh', `
case " $* " in
  *" describe "*) printf 'Feature: metadata.version\\tSupportedMinVersion: 3.3-IV3\\tSupportedMaxVersion: 4.1-IV1\\tFinalizedVersionLevel: %s\\tEpoch: 7\\n' "$(cat ${state})" ;;
  *" --dry-run "*) n=$(cat ${unsupported}); echo $((n - 1)) >${unsupported}; if ((n > 0)); then echo "Invalid update version 27 for feature metadata.version. Broker 1100 only supports versions 1-21" >&2; exit 1; fi ;;
  *" upgrade "*) echo 4.1-IV1 >${state} ;;
esac`);
  });
  afterEach(() => fake.cleanup());
  const run = (wanted: string, finalized: string, refusals = 0, timeout = '60') => {
    fs.writeFileSync(state, finalized);
    fs.writeFileSync(unsupported, String(refusals));
    return fake.run(kafkaScriptPath('apply-metadata-version.sh'), {
      KAFKA_HOME: fake.kafkaHome, KP_BOOTSTRAP_SERVERS: 'kafka-bootstrap:9092', KP_ADMIN_USERNAME: 'admin', KP_ADMIN_PASSWORD: 'pw',
      KP_METADATA_VERSION: wanted, KP_METADATA_POLL_SECONDS: '0', KP_METADATA_TIMEOUT_SECONDS: timeout,
    });
  };
  const upgrades = () => fake.calls('kafka-features.sh').filter(c => c.args.includes('upgrade') && !c.args.includes('--dry-run'));

  test('waits until every node supports the version (dry run accepted), then upgrades and verifies', () => {
    const res = run('4.1', '3.9-IV0', 2);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('apply-metadata-version: waiting until every node supports 4.1: Invalid update version 27 for feature metadata.version. Broker 1100 only supports versions 1-21');
    expect(res.stdout).toContain('apply-metadata-version: metadata.version upgraded from 3.9-IV0 to 4.1-IV1');
    expect(upgrades().map(c => c.args.slice(-3))).toEqual([['upgrade', '--metadata', '4.1']]);
    expect(upgrades()[0].args.slice(0, 4)).toEqual(['--bootstrap-server', 'kafka-bootstrap:9092', '--command-config', expect.any(String)]);
  });

  test('refuses a downgrade loudly and changes nothing', () => {
    const res = run('3.9', '4.1-IV1');
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain('REFUSED: metadataVersion 3.9 is a downgrade of the finalized metadata.version 4.1-IV1. Nothing was changed.');
    expect(upgrades()).toEqual([]);
    expect(fake.calls('kafka-features.sh').filter(c => c.args.includes('--dry-run'))).toEqual([]);
  });

  test('already there: nothing to do', () => {
    const res = run('4.1', '4.1-IV1');
    expect([res.status, res.stdout.trim().split('\n').pop()]).toEqual([0, 'apply-metadata-version: metadata.version is already 4.1-IV1']);
    expect(upgrades()).toEqual([]);
  });

  test('gives up after the timeout when a node never supports it, and changes nothing', () => {
    const res = run('4.1', '3.9-IV0', 1000, '0');
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain('FAILED after 0s: not every broker and controller supports metadata.version 4.1 yet');
    expect(upgrades()).toEqual([]);
  });
});
