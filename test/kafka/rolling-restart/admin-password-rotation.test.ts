import { KafkaPlatformValidationError } from '../../../lib/errors';
import { all, brokerStatefulSets, controllerStatefulSets, envOf, find, synth } from '../helpers';

/**
 * The admin password rotation as synthesized (`credentials.adminPasswordRotation`): its Job, RBAC and scripts, what
 * it adds to the nodes' and admin Jobs' environment, and its validation. The Job script itself runs against the
 * simulated cluster in admin-password-rotation-script.test.ts.
 */
const rotationJobs = (objects: any[]) => all(objects, 'Job').filter(j => j.metadata.name.startsWith('kafka-admin-rotate-'));
const withRotation = (rotation: Record<string, unknown> | undefined, props: Record<string, any> = {}) =>
  synth({ ...props, credentials: { ...props.credentials, ...(rotation ? { adminPasswordRotation: rotation } : {}) } });
const container = (job: any) => job.spec.template.spec.containers[0];
const CONTROLLERS = ['kafka-controller-0-0', 'kafka-controller-1-0', 'kafka-controller-2-0'];
const BROKERS = ['kafka-broker-0-0', 'kafka-broker-1-0', 'kafka-broker-2-0'];

describe('admin password rotation: synthesized objects', () => {
  test('without credentials.adminPasswordRotation there is no rotation Job, ConfigMap, ServiceAccount or Role', () => {
    const { objects } = synth();
    expect(rotationJobs(objects)).toEqual([]);
    expect(objects.filter(o => o.metadata?.name === 'kafka-admin-password-rotation')).toEqual([]);
    // No Role may patch the admin Secret.
    expect(all(objects, 'Role').flatMap(r => r.rules).filter((r: any) => r.resources.includes('secrets') && r.verbs.includes('patch'))).toEqual([]);
  });

  test('generation 1: one Job kafka-admin-rotate-<8 hex> with the rotation and roll environment', () => {
    const { objects } = withRotation({ generation: 1 });
    const jobs = rotationJobs(objects);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].metadata.name).toMatch(/^kafka-admin-rotate-[0-9a-f]{8}$/);
    const c = container(jobs[0]);
    expect(c.name).toBe('rotate-admin-password');
    expect(c.image).toMatch(/^apache\/kafka:/);
    const env = envOf(c);
    expect([env.KP_ADMIN_SECRET, env.KP_ADMIN_USERNAME, env.KP_ADMIN_ALTERNATE_USERNAME, env.KP_ADMIN_ROTATION_GENERATION, env.KP_ADMIN_ROTATION_RETIRE])
      .toEqual(['kafka-user-admin', 'admin', 'admin-b', '1', 'false']);
    // The roll's environment: the same pods in the same order, and the hashes, as the deploy's roll Job.
    const roll = envOf(container(all(objects, 'Job').find(j => j.metadata.name.startsWith('kafka-roll-'))));
    expect(env.KP_ROLL_CONTROLLERS).toBe(CONTROLLERS.map((p, i) => `${p}=${i}`).join(' '));
    expect(env.KP_ROLL_BROKERS.split(' ').map((e: string) => e.split('=')[0])).toEqual(BROKERS);
    for (const k of ['KP_ROLL_CONTROLLERS', 'KP_ROLL_BROKERS', 'KP_ROLL_CONTROLLER_HASH', 'KP_ROLL_BROKER_HASH', 'KP_ROLL_LEASE', 'KP_ROLL_HASH_ANNOTATION', 'KP_NAMESPACE']) {
      expect([k, env[k]]).toEqual([k, roll[k]]);
    }
    expect(env.KP_ROLL_CONTROLLER_HASH).toMatch(/^[0-9a-f]+$/);
    expect(env.KP_ROLL_LEASE).toBe('kafka-roll');
    expect(env.KP_KUBECTL).toMatch(/\/kubectl$/);
    expect(env.KP_ROLL_TRIGGER).toBeUndefined();
    // The Job reads the admin Secret at run time; its manifest holds no password.
    expect(JSON.stringify(jobs[0])).not.toMatch(/password=|"password":"/);
    expect(jobs[0].spec.backoffLimit).toBe(1);
    expect(jobs[0].spec.template.spec.serviceAccountName).toBe('kafka-admin-password-rotation');
  });

  test('its ConfigMap holds exactly the scripts the Job runs and sources', () => {
    const { objects } = withRotation({ generation: 1 });
    expect(Object.keys(find(objects, 'ConfigMap', 'kafka-admin-password-rotation').data).sort())
      .toEqual(['credential-lib.sh', 'kafka-admin-lib.sh', 'roll-cluster.sh', 'roll-lease.sh', 'rotate-admin-password.sh']);
    const volume = container(rotationJobs(objects)[0]).command.join(' ');
    expect(volume).toContain('rotate-admin-password.sh');
  });

  test('its Role: this cluster\'s pods by name, the roll Lease, and get/patch on the admin Secret alone', () => {
    const { objects } = withRotation({ generation: 1 });
    expect(find(objects, 'Role', 'kafka-admin-password-rotation').rules).toEqual([
      { apiGroups: [''], resources: ['pods'], resourceNames: [...CONTROLLERS, ...BROKERS], verbs: ['get', 'list', 'watch', 'delete'] },
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create'] },
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], resourceNames: ['kafka-roll'], verbs: ['get', 'update', 'delete'] },
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['kafka-user-admin'], verbs: ['get', 'patch'] },
    ]);
    const binding = find(objects, 'RoleBinding', 'kafka-admin-password-rotation');
    expect([binding.roleRef.name, binding.subjects.map((s: any) => s.name)]).toEqual(['kafka-admin-password-rotation', ['kafka-admin-password-rotation']]);
  });

  test('raising the generation or setting retirePrevious is a new Job; the same declaration is the same Job', () => {
    const name = (rotation: Record<string, unknown>) => rotationJobs(withRotation(rotation).objects)[0].metadata.name;
    const one = name({ generation: 1 });
    expect(name({ generation: 1 })).toBe(one);
    expect(name({ generation: 1, retirePrevious: false })).toBe(one);
    const two = name({ generation: 2 });
    const retire = name({ generation: 1, retirePrevious: true });
    expect(new Set([one, two, retire]).size).toBe(3);
    expect(envOf(container(rotationJobs(withRotation({ generation: 1, retirePrevious: true }).objects)[0])).KP_ADMIN_ROTATION_RETIRE).toBe('true');
    expect(envOf(container(rotationJobs(withRotation({ generation: 2 }).objects)[0])).KP_ADMIN_ROTATION_GENERATION).toBe('2');
  });

  test('declaring a rotation does not change any pod template (the rotation restarts pods itself, when it is safe)', () => {
    const templates = (objects: any[]) => all(objects, 'StatefulSet').map(s => [s.metadata.name, JSON.stringify(s.spec.template)]);
    const before = templates(synth().objects);
    expect(before.length).toBeGreaterThanOrEqual(6);
    expect(templates(withRotation({ generation: 1 }).objects)).toEqual(before);
    expect(templates(withRotation({ generation: 7, retirePrevious: true }).objects)).toEqual(before);
    // Nor the deploy's roll Job (named after the templates' hashes).
    const rollName = (objects: any[]) => all(objects, 'Job').find(j => j.metadata.name.startsWith('kafka-roll-')).metadata.name;
    expect(rollName(withRotation({ generation: 3 }).objects)).toBe(rollName(synth().objects));
  });

  test('controllers read the also-accepted identity (optional keys of the admin Secret); brokers do not', () => {
    const { objects } = synth();
    const ref = (key: string) => ({ secretKeyRef: { name: 'kafka-user-admin', key, optional: true } });
    for (const sts of controllerStatefulSets(objects)) {
      const env = envOf(sts.spec.template.spec.containers[0]);
      expect([sts.metadata.name, env.KP_ADMIN_ALSO_ACCEPTED_USERNAME, env.KP_ADMIN_ALSO_ACCEPTED_PASSWORD])
        .toEqual([sts.metadata.name, ref('also-accepted-username'), ref('also-accepted-password')]);
    }
    for (const sts of brokerStatefulSets(objects)) {
      const names = sts.spec.template.spec.containers[0].env.map((e: any) => e.name);
      expect([sts.metadata.name, names.filter((n: string) => n.startsWith('KP_ADMIN_ALSO_ACCEPTED'))]).toEqual([sts.metadata.name, []]);
    }
  });

  test('every node and every admin Job logs in with the Secret\'s username (optional), the declared name beside it', () => {
    const { objects } = synth({ credentials: { adminPasswordRotation: { generation: 1 } } }, c => { c.addUser('orders'); });
    const login = { secretKeyRef: { name: 'kafka-user-admin', key: 'username', optional: true } };
    const nodes = [...controllerStatefulSets(objects), ...brokerStatefulSets(objects)].map(s => [s.metadata.name, s.spec.template.spec.containers[0]]);
    const jobs = [...all(objects, 'Job'), ...all(objects, 'CronJob').map(c => ({ metadata: c.metadata, spec: c.spec.jobTemplate.spec }))];
    const adminJobs = jobs.map(j => [j.metadata.name, container(j)]).filter(([, c]) => envOf(c).KP_BOOTSTRAP_SERVERS !== undefined);
    expect(nodes).toHaveLength(6);
    expect(adminJobs.map(([n]) => n.replace(/-[0-9a-f]{8}$/, '')).sort())
      .toEqual(['kafka-admin-rotate', 'kafka-certificate-roll', 'kafka-dynamic-config', 'kafka-roll', 'kafka-scale', 'kafka-topics', 'kafka-users']);
    for (const [name, c] of [...nodes, ...adminJobs]) {
      const env = envOf(c);
      expect([name, env.KP_ADMIN_USERNAME, env.KP_ADMIN_LOGIN_USERNAME, env.KP_ADMIN_PASSWORD.secretKeyRef.name, env.KP_ADMIN_PASSWORD.secretKeyRef.key])
        .toEqual([name, 'admin', login, 'kafka-user-admin', 'password']);
    }
  });

  test('super.users names both identities, with a custom admin name too', () => {
    const superUsers = (objects: any[]) => find(objects, 'ConfigMap', 'kafka-broker-config').data['server.properties'].match(/^super\.users=(.*)$/m)[1];
    expect(superUsers(synth().objects)).toBe('User:admin;User:admin-b');
    const custom = withRotation({ generation: 1 }, { credentials: { adminUsername: 'kafka-root' } }).objects;
    expect(superUsers(custom)).toBe('User:kafka-root;User:kafka-root-b');
    expect(envOf(container(rotationJobs(custom)[0])).KP_ADMIN_ALTERNATE_USERNAME).toBe('kafka-root-b');
  });
});

describe('admin password rotation: validation', () => {
  const refusal = (build: () => unknown): KafkaPlatformValidationError => {
    try {
      build();
    } catch (e) {
      expect(e).toBeInstanceOf(KafkaPlatformValidationError);
      return e as KafkaPlatformValidationError;
    }
    throw new Error('not refused');
  };

  test.each([0, -1, 1.5, '2'])('generation %j is refused, naming credentials.adminPasswordRotation.generation and the fix', generation => {
    const e = refusal(() => withRotation({ generation }));
    expect(e.message).toMatch(new RegExp(`credentials\\.adminPasswordRotation\\.generation: ${JSON.stringify(generation).replace('.', '\\.')} is not a whole number from 1 to 10000\\. Fix: raise it by one for each rotation, starting at 1`));
  });

  test('retirePrevious must be true or false; an unknown prop inside adminPasswordRotation is named', () => {
    expect(refusal(() => withRotation({ generation: 1, retirePrevious: 'yes' })).message).toMatch(/credentials\.adminPasswordRotation\.retirePrevious: "yes" is not true or false/);
    expect(refusal(() => withRotation({ generation: 1, retire: true })).message).toMatch(/credentials\.adminPasswordRotation\.retire: is not a prop of KafkaPasswordRotation/);
  });

  test('an admin Secret from existingSecrets is refused: the Job cannot own a Secret you supply', () => {
    const e = refusal(() => withRotation({ generation: 1 }, { credentials: { existingSecrets: { admin: 'admin-from-vault' } } }));
    expect(e.message).toMatch(/credentials\.adminPasswordRotation: the admin's Secret comes from credentials\.existingSecrets\["admin"\], which the rotation Job cannot own\. Fix: rotate it at its source/);
    // Another user's existing Secret is fine.
    expect(() => withRotation({ generation: 1 }, { credentials: { existingSecrets: { orders: 'orders-from-vault' } } })).not.toThrow();
  });

  test('addUser refuses the admin\'s second identity, as it refuses the admin', () => {
    expect(refusal(() => synth({}, c => { c.addUser('admin-b'); })).message)
      .toMatch(/addUser\("admin-b"\): is the admin's second identity \(a super user, used by admin password rotations\), which has full control of the cluster\. Fix: use a separate user per component/);
    expect(refusal(() => synth({ credentials: { adminUsername: 'root' } }, c => { c.addUser('root-b'); })).message).toMatch(/addUser\("root-b"\): is the admin's second identity/);
    expect(refusal(() => synth({}, c => { c.addUser('admin'); })).message).toMatch(/addUser\("admin"\): is the inter-broker admin user/);
    expect(() => synth({}, c => { c.addUser('admin-c'); })).not.toThrow();
  });
});
