import { KafkaPlatformValidationError } from '../../../lib/errors';
import { all, envOf, find, synth } from '../helpers';

const rollJob = (objects: any[]) => {
  const jobs = all(objects, 'Job').filter(j => j.metadata.name.startsWith('kafka-roll-'));
  expect(jobs).toHaveLength(1);
  return jobs[0];
};
const rollEnv = (objects: any[]) => envOf(rollJob(objects).spec.template.spec.containers[0]);
const podHash = (objects: any[], sts: string) => find(objects, 'StatefulSet', sts).spec.template.metadata.annotations['kafka-platform.io/config-hash'];

describe('the roll Job', () => {
  test('targets the hash each pool template carries, lists the pods in roll order, and is named after it', () => {
    const { objects } = synth();
    const env = rollEnv(objects);
    expect(env.KP_ROLL_BROKER_HASH).toBe(podHash(objects, 'kafka-broker-0'));
    expect(env.KP_ROLL_BROKER_HASH).toMatch(/^[0-9a-f]{64}$/);
    expect(['kafka-broker-1', 'kafka-broker-2'].map(s => podHash(objects, s))).toEqual([env.KP_ROLL_BROKER_HASH, env.KP_ROLL_BROKER_HASH]);
    expect(env.KP_ROLL_CONTROLLER_HASH).toBe(podHash(objects, 'kafka-controller-0'));
    expect(env.KP_ROLL_CONTROLLER_HASH).not.toBe(env.KP_ROLL_BROKER_HASH);
    expect(env.KP_ROLL_BROKERS).toBe('kafka-broker-0-0=1000 kafka-broker-1-0=1100 kafka-broker-2-0=1200');
    expect(env.KP_ROLL_CONTROLLERS).toBe('kafka-controller-0-0=0 kafka-controller-1-0=1 kafka-controller-2-0=2');
    expect(env.KP_ROLL_HASH_ANNOTATION).toBe('kafka-platform.io/config-hash');
    expect([env.KP_ROLL_TIMEOUT_SECONDS, env.KP_ROLL_POLL_SECONDS, env.KP_ROLL_MAX_QUORUM_LAG]).toEqual(['900', '10', '100']);
    expect(rollJob(objects).metadata.name).toMatch(/^kafka-roll-[0-9a-f]{8}$/);
  });

  test('two brokers per zone: zone by zone, highest ordinal first', () => {
    const { objects } = synth({ brokers: { replicas: 6 } });
    expect(rollEnv(objects).KP_ROLL_BROKERS).toBe('kafka-broker-0-1=1001 kafka-broker-0-0=1000 kafka-broker-1-1=1101 kafka-broker-1-0=1100 kafka-broker-2-1=1201 kafka-broker-2-0=1200');
  });

  test('a broker property change rolls the brokers only; an image change rolls both pools; an unchanged synth keeps the Job', () => {
    const base = synth().objects;
    const property = synth({ brokers: { config: { 'queued.max.requests': '600' } } }).objects;
    const image = synth({ image: 'apache/kafka:4.1.0' }).objects;
    const heap = synth({ brokers: { heapFraction: 0.4 } }).objects;
    expect(rollJob(synth().objects).metadata.name).toBe(rollJob(base).metadata.name);
    expect(rollEnv(property).KP_ROLL_BROKER_HASH).not.toBe(rollEnv(base).KP_ROLL_BROKER_HASH);
    expect(rollEnv(property).KP_ROLL_CONTROLLER_HASH).toBe(rollEnv(base).KP_ROLL_CONTROLLER_HASH);
    expect(rollJob(property).metadata.name).not.toBe(rollJob(base).metadata.name);
    expect(rollEnv(image).KP_ROLL_BROKER_HASH).not.toBe(rollEnv(base).KP_ROLL_BROKER_HASH);
    expect(rollEnv(image).KP_ROLL_CONTROLLER_HASH).not.toBe(rollEnv(base).KP_ROLL_CONTROLLER_HASH);
    // JVM options (KAFKA_HEAP_OPTS) are part of the pod spec, so of the hash.
    expect(rollEnv(heap).KP_ROLL_BROKER_HASH).not.toBe(rollEnv(base).KP_ROLL_BROKER_HASH);
  });

  test('RBAC: get, list, watch and delete on this cluster\'s broker and controller pods, by name, and its roll Lease, nothing else', () => {
    const { objects } = synth();
    const role = find(objects, 'Role', 'kafka-roll');
    expect(role.rules).toEqual([{
      apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch', 'delete'],
      resourceNames: ['kafka-controller-0-0', 'kafka-controller-1-0', 'kafka-controller-2-0', 'kafka-broker-0-0', 'kafka-broker-1-0', 'kafka-broker-2-0'],
    },
    // The Lease shared with the certificate roll; RBAC cannot limit create by name.
    { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create'] },
    { apiGroups: ['coordination.k8s.io'], resources: ['leases'], resourceNames: ['kafka-roll'], verbs: ['get', 'update', 'delete'] }]);
    expect(find(objects, 'RoleBinding', 'kafka-roll').subjects).toEqual([{ kind: 'ServiceAccount', name: 'kafka-roll', namespace: 'kafka' }]);
    const pod = rollJob(objects).spec.template.spec;
    expect([pod.serviceAccountName, pod.automountServiceAccountToken, pod.restartPolicy]).toEqual(['kafka-roll', true, 'Never']);
    expect(rollJob(objects).spec.backoffLimit).toBe(1);
  });

  test('official images only: kubectl copied from the pinned kubectl image into the cluster\'s Kafka image', () => {
    const { objects } = synth();
    const pod = rollJob(objects).spec.template.spec;
    expect(pod.initContainers.map((c: any) => [c.name, c.image])).toEqual([['kubectl', 'registry.k8s.io/kubectl:v1.33.5']]);
    expect(pod.initContainers[0].command).toEqual(['/bin/sh', '-c', 'cp "$(command -v kubectl)" /opt/kafka-roll-tools/kubectl']);
    expect(pod.containers.map((c: any) => [c.name, c.image])).toEqual([['roll', 'apache/kafka:4.1.1']]);
    expect(envOf(pod.containers[0]).KP_KUBECTL).toBe('/opt/kafka-roll-tools/kubectl');
    // A labelled client: the broker NetworkPolicy admits it to the internal listener.
    expect(rollJob(objects).spec.template.metadata.labels['kafka-platform.io/kafka-client']).toBe('true');
  });

  test.each([
    [{ checkTimeoutSeconds: 0 }, 'rollingRestart.checkTimeoutSeconds'],
    [{ pollSeconds: 1.5 }, 'rollingRestart.pollSeconds'],
    [{ maxQuorumLag: -1 }, 'rollingRestart.maxQuorumLag'],
    [{ kubectlImage: 'registry.k8s.io/kubectl:latest' }, 'rollingRestart.kubectlImage'],
  ])('rejects %j naming %s', (rollingRestart, prop) => {
    let error: unknown;
    try { synth({ rollingRestart }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(KafkaPlatformValidationError);
    expect((error as Error).message).toContain(prop);
    expect((error as Error).message).toContain('test/kafka');
  });
});
