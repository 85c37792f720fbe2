import * as fs from 'fs';
import * as path from 'path';
import { KafkaPlatformValidationError } from '../../lib/errors';
import { KafkaClusterProps, KafkaMetadataMode } from '../../lib/kafka';
import { FakeTools } from '../support/fake-tools';
import { all, brokerStatefulSets, controllerStatefulSets, envOf, find, synth } from './helpers';

const GROWN: Partial<KafkaClusterProps> = { brokers: { replicas: 6, storage: { size: '200Gi', claimTemplateSize: '100Gi' } } };
const BROKER_CLAIMS = ['kafka-broker-0', 'kafka-broker-1', 'kafka-broker-2'].flatMap(s => [`data-${s}-0`, `data-${s}-1`]);

function growJob(objects: any[]): any {
  const jobs = all(objects, 'Job').filter(j => j.metadata.name.startsWith('kafka-grow-volumes-'));
  expect(jobs).toHaveLength(1);
  return jobs[0];
}

function refusal(props: Partial<KafkaClusterProps>): KafkaPlatformValidationError {
  try {
    synth(props);
  } catch (e) {
    if (e instanceof KafkaPlatformValidationError) return e;
    throw e;
  }
  throw new Error(`synth accepted ${JSON.stringify(props)}`);
}

describe('growing volumes (synthesized objects)', () => {
  test('by default: no growth Job, and the claim templates ask for storage.size', () => {
    const { objects } = synth({ brokers: { replicas: 6, storage: { size: '200Gi' } } });
    expect(all(objects, 'Job').filter(j => j.metadata.name.includes('grow'))).toEqual([]);
    expect(all(objects, 'Role').filter(r => r.metadata.name.includes('grow'))).toEqual([]);
    for (const sts of brokerStatefulSets(objects)) expect(sts.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('200Gi');
  });

  test('raising size above claimTemplateSize changes no StatefulSet (templates are immutable) and no pod hash (nothing rolls)', () => {
    const before = synth({ brokers: { replicas: 6, storage: { size: '100Gi' } } }).objects;
    const after = synth(GROWN).objects;
    expect(brokerStatefulSets(after)).toEqual(brokerStatefulSets(before));
    expect(controllerStatefulSets(after)).toEqual(controllerStatefulSets(before));
  });

  test('a Job grows every broker claim to the new size, with a ServiceAccount that may only get and patch those claims', () => {
    const { objects } = synth(GROWN);
    const job = growJob(objects);
    const pod = job.spec.template.spec;
    const env = envOf(pod.containers[0]);
    expect(env.KP_GROW_TARGETS).toBe(BROKER_CLAIMS.map(c => `${c}=200Gi`).join(' '));
    expect(env.KP_NAMESPACE).toBe('kafka');
    expect(pod.serviceAccountName).toBe('kafka-grow-volumes');
    expect(pod.restartPolicy).toBe('Never');
    expect(job.spec.backoffLimit).toBe(1);
    // No Kafka credentials: the Job only talks to the Kubernetes API.
    expect(JSON.stringify(pod)).not.toMatch(/secretKeyRef|kafka-user-admin/);
    expect(pod.initContainers[0].image).toBe('registry.k8s.io/kubectl:v1.33.5');
    const role = find(objects, 'Role', 'kafka-grow-volumes');
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['persistentvolumeclaims'], resourceNames: BROKER_CLAIMS, verbs: ['get', 'patch'] }]);
    expect(find(objects, 'RoleBinding', 'kafka-grow-volumes').subjects).toEqual([{ kind: 'ServiceAccount', name: 'kafka-grow-volumes', namespace: 'kafka' }]);
    expect(all(objects, 'ClusterRole')).toEqual([]);
    expect(find(objects, 'ConfigMap', 'kafka-grow-volumes').data['grow-volumes.sh']).toMatch(/^#!\/usr\/bin\/env bash/);
  });

  test('the Job is named after its targets: the same synth keeps it, a new size makes a new one', () => {
    const a = growJob(synth(GROWN).objects).metadata.name;
    expect(growJob(synth(GROWN).objects).metadata.name).toBe(a);
    expect(growJob(synth({ brokers: { replicas: 6, storage: { size: '300Gi', claimTemplateSize: '100Gi' } } }).objects).metadata.name).not.toBe(a);
  });

  test('controllers and ZooKeeper nodes grow the same way', () => {
    const kraft = envOf(growJob(synth({ controllers: { storage: { size: '40Gi', claimTemplateSize: '20Gi' } } }).objects).spec.template.spec.containers[0]);
    expect(kraft.KP_GROW_TARGETS).toBe('data-kafka-controller-0-0=40Gi data-kafka-controller-1-0=40Gi data-kafka-controller-2-0=40Gi');
    const zk = synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER, zookeeper: { storage: { size: '30Gi', claimTemplateSize: '20Gi' } } }).objects;
    expect(find(zk, 'StatefulSet', 'kafka-zookeeper').spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('20Gi');
    expect(envOf(growJob(zk).spec.template.spec.containers[0]).KP_GROW_TARGETS).toBe('data-kafka-zookeeper-0=30Gi data-kafka-zookeeper-1=30Gi data-kafka-zookeeper-2=30Gi');
  });

  test('synth refuses a shrink it can see, and a claimTemplateSize that is not a storage quantity', () => {
    const shrink = refusal({ brokers: { storage: { size: '50Gi', claimTemplateSize: '100Gi' } } });
    expect(shrink.prop).toBe('brokers.storage.size');
    expect(shrink.message).toMatch(/50Gi is smaller than claimTemplateSize 100Gi: volumes cannot shrink/);
    // Across units: 1Ti is more than 1000Gi, so 1000Gi is a shrink.
    expect(refusal({ controllers: { storage: { size: '1000Gi', claimTemplateSize: '1Ti' } } }).prop).toBe('controllers.storage.size');
    expect(refusal({ brokers: { storage: { claimTemplateSize: '100GB' } } }).prop).toBe('brokers.storage.claimTemplateSize');
  });
});

/** A namespace of PersistentVolumeClaims behind a fake `kubectl get pvc` / `kubectl patch pvc`. */
interface FakeClaim {
  request: string;
  capacity: string;
  /** What the storage driver does with a larger request: grow at once, stop at FileSystemResizePending, never finish, or refuse. */
  driver: 'grow' | 'fs-pending' | 'stuck' | 'infeasible';
}

const FAKE_KUBECTL = `
const fs = require('fs');
const [file, verb, kind, name, ...rest] = process.argv.slice(2);
const state = JSON.parse(fs.readFileSync(file, 'utf8'));
const claim = state.claims[name];
if (kind !== 'pvc') { console.error('unexpected kind ' + kind); process.exit(2); }
if (!claim) { console.error('Error from server (NotFound): persistentvolumeclaims "' + name + '" not found'); process.exit(1); }
const bytes = q => { const m = /^(\\d+)(Ki|Mi|Gi|Ti)?$/.exec(q); return Number(m[1]) * ({ Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 }[m[2]] || 1); };
if (verb === 'patch') {
  if (!state.expandable) { console.error('persistentvolumeclaims "' + name + '" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize'); process.exit(1); }
  claim.request = JSON.parse(rest[rest.indexOf('-p') + 1]).spec.resources.requests.storage;
  state.patches.push(name);
} else if (verb === 'get') {
  const grown = bytes(claim.request) > bytes(claim.capacity);
  if (grown && claim.driver === 'grow') claim.capacity = claim.request;
  const jsonpath = rest.find(a => a.startsWith('jsonpath=')).slice('jsonpath='.length);
  const fields = {
    '{.metadata.name}': name,
    '{.spec.resources.requests.storage}': claim.request,
    '{.spec.storageClassName}': 'gp3',
    '{.status.capacity.storage}': claim.capacity,
    '{.status.conditions[?(@.type=="FileSystemResizePending")].status}': grown && claim.driver === 'fs-pending' ? 'True' : '',
    '{.status.allocatedResourceStatuses.storage}': grown && claim.driver === 'infeasible' ? 'ControllerResizeInfeasible' : '',
  };
  if (!(jsonpath in fields)) { console.error('unexpected jsonpath ' + jsonpath); process.exit(2); }
  process.stdout.write(fields[jsonpath]);
} else { console.error('unexpected verb ' + verb); process.exit(2); }
fs.writeFileSync(file, JSON.stringify(state));
`;

describe('grow-volumes.sh (as synthesized, against a fake kubectl)', () => {
  let fake: FakeTools;
  let stateFile: string;
  beforeEach(() => { fake = new FakeTools(); });
  afterEach(() => fake.cleanup());

  function run(claims: Record<string, FakeClaim>, expandable = true): { status: number; stdout: string; stderr: string; state: any } {
    const { objects } = synth({ brokers: { replicas: 3, storage: { size: '200Gi', claimTemplateSize: '100Gi' } } });
    const script = path.join(fake.root, 'grow-volumes.sh');
    fs.writeFileSync(script, find(objects, 'ConfigMap', 'kafka-grow-volumes').data['grow-volumes.sh']);
    stateFile = path.join(fake.root, 'claims.json');
    fs.writeFileSync(stateFile, JSON.stringify({ claims, expandable, patches: [] }));
    const sim = path.join(fake.root, 'fake-kubectl.js');
    fs.writeFileSync(sim, FAKE_KUBECTL);
    fake.install('kubectl', `exec node ${sim} ${stateFile} "$@"`, 'path');
    const env = envOf(growJob(objects).spec.template.spec.containers[0]);
    const r = fake.run(script, { ...env, KP_KUBECTL: 'kubectl', KP_GROW_TIMEOUT_SECONDS: '2', KP_GROW_POLL_SECONDS: '1' });
    return { ...r, state: JSON.parse(fs.readFileSync(stateFile, 'utf8')) };
  }

  const claims = (driver: FakeClaim['driver'], request = '100Gi'): Record<string, FakeClaim> =>
    Object.fromEntries([0, 1, 2].map(i => [`data-kafka-broker-${i}-0`, { request, capacity: request, driver }]));

  test('patches every claim to the declared size and waits for the capacity', () => {
    const r = run(claims('grow'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.state.patches).toEqual(['data-kafka-broker-0-0', 'data-kafka-broker-1-0', 'data-kafka-broker-2-0']);
    for (const c of Object.values<any>(r.state.claims)) expect([c.request, c.capacity]).toEqual(['200Gi', '200Gi']);
  });

  test('is idempotent: claims already at the size are only checked', () => {
    const r = run(claims('grow', '200Gi'));
    expect(r.status).toBe(0);
    expect(r.state.patches).toEqual([]);
  });

  test('a file system resize left to the node counts as done', () => {
    const r = run(claims('fs-pending'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/file system resize pending/);
  });

  test('refuses to shrink, before it patches anything', () => {
    const r = run({ ...claims('grow'), 'data-kafka-broker-2-0': { request: '300Gi', capacity: '300Gi', driver: 'grow' } });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/data-kafka-broker-2-0 requests 300Gi, more than the declared 200Gi: volumes cannot shrink/);
    expect(r.state.patches).toEqual([]);
  });

  test('fails loudly when the StorageClass does not allow expansion', () => {
    const r = run(claims('grow'), false);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/cannot grow data-kafka-broker-0-0: .*must support resize.*allowVolumeExpansion: true/);
  });

  test('fails when the driver refuses the resize, or it does not finish in time', () => {
    const refused = run(claims('infeasible'));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/storage driver refused to grow data-kafka-broker-0-0 \(ControllerResizeInfeasible\)/);
    const stuck = run(claims('stuck'));
    expect(stuck.status).not.toBe(0);
    expect(stuck.stderr).toMatch(/data-kafka-broker-0-0 did not reach 200Gi within 2s/);
  });

  test('waits for the claim of a pod that does not exist yet, then gives up naming it', () => {
    const { 'data-kafka-broker-2-0': _missing, ...two } = claims('grow');
    const r = run(two);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/claim data-kafka-broker-2-0 did not appear within 2s/);
    expect(r.state.patches).toEqual([]);
  });
});
