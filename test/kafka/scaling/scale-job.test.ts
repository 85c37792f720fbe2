import { KafkaPlatformValidationError } from '../../../lib/errors';
import { KafkaMetadataMode, KafkaProfile } from '../../../lib/kafka';
import { all, envOf, find, synth } from '../helpers';

const scaleJob = (objects: any[]) => {
  const jobs = all(objects, 'Job').filter(j => j.metadata.name.startsWith('kafka-scale-'));
  expect(jobs).toHaveLength(1);
  return jobs[0];
};
const scaleEnv = (objects: any[]) => envOf(scaleJob(objects).spec.template.spec.containers[0]);
const WAVE = 'argocd.argoproj.io/sync-wave';

describe('the scale Job', () => {
  test('declares the target broker set (node id = zone, the rack) and each broker StatefulSet\'s replicas', () => {
    const env = scaleEnv(synth({ brokers: { replicas: 6 } }).objects);
    expect(env.KP_SCALE_BROKERS).toBe('1000=zone-a 1001=zone-a 1100=zone-b 1101=zone-b 1200=zone-c 1201=zone-c');
    expect(env.KP_SCALE_STATEFULSETS).toBe('kafka-broker-0=2 kafka-broker-1=2 kafka-broker-2=2');
    expect(env.KP_SCALE_METADATA_MODE).toBe('kraft');
    expect([env.KP_SCALE_THROTTLE_BYTES, env.KP_SCALE_TIMEOUT_SECONDS, env.KP_SCALE_POLL_SECONDS]).toEqual(['52428800', '86400', '10']);
    expect(env.KP_NAMESPACE).toBe('kafka');
    expect(scaleEnv(synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER }).objects).KP_SCALE_METADATA_MODE).toBe('zookeeper');
  });

  test('a retired zone: its brokers are not declared (so drained) and its StatefulSet is shrunk to 0 after the drain', () => {
    const { objects } = synth({ zones: ['zone-a', 'zone-b', 'zone-c', 'zone-d'], retiredZones: ['zone-d'], brokers: { replicas: 3 } });
    const env = scaleEnv(objects);
    expect(env.KP_SCALE_BROKERS).toBe('1000=zone-a 1100=zone-b 1200=zone-c');
    expect(env.KP_SCALE_STATEFULSETS).toBe('kafka-broker-0=1 kafka-broker-1=1 kafka-broker-2=1 kafka-broker-3=0');
    expect(find(objects, 'Role', 'kafka-scale').rules[1].resourceNames).toEqual(['kafka-broker-0', 'kafka-broker-1', 'kafka-broker-2', 'kafka-broker-3']);
  });

  test('is named after the declared broker set: the same count keeps the Job, another count is a new Job', () => {
    const name = (props = {}) => scaleJob(synth(props).objects).metadata.name;
    expect(name()).toMatch(/^kafka-scale-[0-9a-f]{8}$/);
    expect(name()).toBe(name({ brokers: { replicas: 3 } }));
    // A property change (a roll) is not a scaling change.
    expect(name({ brokers: { config: { 'queued.max.requests': '600' } } })).toBe(name());
    expect(name({ brokers: { replicas: 6 } })).not.toBe(name());
    expect(name({ scaling: { throttleBytesPerSecond: 10 * 1024 * 1024 } })).not.toBe(name());
  });

  test('runs before the StatefulSets: sync wave -1 on the Job and everything it needs; a deadline; retries from the cluster\'s state', () => {
    const { objects } = synth();
    for (const [kind, name] of [['ServiceAccount', 'kafka-scale'], ['Role', 'kafka-scale'], ['RoleBinding', 'kafka-scale'], ['ConfigMap', 'kafka-scale']]) {
      expect({ kind, wave: find(objects, kind, name).metadata.annotations?.[WAVE] }).toEqual({ kind, wave: '-1' });
    }
    const job = scaleJob(objects);
    expect(job.metadata.annotations[WAVE]).toBe('-1');
    expect([job.spec.activeDeadlineSeconds, job.spec.backoffLimit, job.spec.template.spec.restartPolicy]).toEqual([86400, 2, 'Never']);
    // Nothing else is moved out of the default wave.
    const others = objects.filter(o => !o.metadata.name.startsWith('kafka-scale')).filter(o => o.metadata.annotations?.[WAVE] !== undefined);
    expect(others.map(o => `${o.kind}/${o.metadata.name}`)).toEqual([]);
    expect(find(objects, 'StatefulSet', 'kafka-broker-0').spec.replicas).toBe(1);
  });

  test('a first deploy has no admin Secret yet: the password reference is optional (the Job ends before it needs it)', () => {
    const env = scaleEnv(synth().objects);
    expect(env.KP_ADMIN_PASSWORD).toEqual({ secretKeyRef: { name: 'kafka-user-admin', key: 'password', optional: true } });
    // Nor, with TLS internal listeners, the CA bundle the Job reads once the cluster exists.
    const volumes = scaleJob(synth().objects).spec.template.spec.volumes;
    const ca = volumes.filter((v: any) => v.name === 'ca-bundle');
    expect(ca.map((v: any) => v.configMap.optional)).toEqual(ca.length > 0 ? [true] : []);
  });

  test('RBAC: get and scale this cluster\'s broker StatefulSets, by name, and nothing else', () => {
    const { objects } = synth({ brokers: { replicas: 6 } });
    expect(find(objects, 'Role', 'kafka-scale').rules).toEqual([
      { apiGroups: ['apps'], resources: ['statefulsets'], resourceNames: ['kafka-broker-0', 'kafka-broker-1', 'kafka-broker-2'], verbs: ['get'] },
      { apiGroups: ['apps'], resources: ['statefulsets/scale'], resourceNames: ['kafka-broker-0', 'kafka-broker-1', 'kafka-broker-2'], verbs: ['get', 'patch', 'update'] },
    ]);
    expect(find(objects, 'RoleBinding', 'kafka-scale').subjects).toEqual([{ kind: 'ServiceAccount', name: 'kafka-scale', namespace: 'kafka' }]);
    const pod = scaleJob(objects).spec.template.spec;
    expect([pod.serviceAccountName, pod.automountServiceAccountToken]).toEqual(['kafka-scale', true]);
  });

  test('official images only: kubectl from the pinned kubectl image, Kafka\'s tools from the cluster\'s image; the scripts it runs', () => {
    const { objects } = synth();
    const pod = scaleJob(objects).spec.template.spec;
    expect(pod.initContainers.map((c: any) => [c.name, c.image])).toEqual([['kubectl', 'registry.k8s.io/kubectl:v1.33.5']]);
    expect(pod.containers.map((c: any) => [c.name, c.image, c.command.join(' ')])).toEqual([['scale', 'apache/kafka:4.1.1', '/bin/bash /etc/kafka-scale/scale-brokers.sh']]);
    expect(Object.keys(find(objects, 'ConfigMap', 'kafka-scale').data).sort()).toEqual(['kafka-admin-lib.sh', 'plan-replica-moves.sh', 'scale-brokers.sh']);
    expect(scaleJob(objects).spec.template.metadata.labels['kafka-platform.io/kafka-client']).toBe('true');
  });

  test.each([
    [{ throttleBytesPerSecond: 0 }, 'scaling.throttleBytesPerSecond'],
    [{ timeoutSeconds: 1.5 }, 'scaling.timeoutSeconds'],
    [{ pollSeconds: 0 }, 'scaling.pollSeconds'],
    [{ kubectlImage: 'registry.k8s.io/kubectl:latest' }, 'scaling.kubectlImage'],
  ])('rejects %j naming %s', (scaling, prop) => {
    let error: unknown;
    try { synth({ scaling }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(KafkaPlatformValidationError);
    expect((error as Error).message).toContain(prop);
  });
});

describe('synth refuses a broker count that breaks the HA rules (scale in included)', () => {
  const problem = (props: any) => {
    try { synth(props); } catch (e) { return (e as Error).message; }
    return 'accepted';
  };
  test('fewer brokers than the replication factor', () => {
    expect(problem({ brokers: { replicas: 2 }, zones: ['zone-a', 'zone-b'] })).toContain('replication factor 3 is more than the 2 broker(s)');
  });
  test('uneven zones (production); development relaxes it with a warning', () => {
    expect(problem({ brokers: { replicas: 4 } })).toContain('4 brokers cannot be spread evenly over 3 zones');
    expect(problem({ brokers: { replicas: 4 }, profile: KafkaProfile.DEVELOPMENT })).toBe('accepted');
  });
});
