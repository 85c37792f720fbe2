import * as fs from 'fs';
import * as path from 'path';
import { jobNamed, K8sObject } from '../harness/k8s';
import { LocalCluster, LocalPod, SecretData } from '../harness/local-cluster';

/**
 * The admin password rotation of roll.it.ts (scenario 15): the synthesized rotation Job, run for real against
 * the live cluster, and what the test reads back from the pods it restarted.
 */

export const ADMIN_SECRET = 'kafka-user-admin';
const ROTATION_CONFIGMAP = 'kafka-admin-password-rotation';
const ACCEPT_PHASE_ROLL = '  roll_phase controllers "the admin Secret\'s also-accepted identity $also_user"\n';

/**
 * The synthesized objects with the rotation Job's scripts as shipped, or (`onePhase`, the negative control
 * `admin-rotation-one-phase`) without the accept phase's roll: the Secret switches to the next identity while no
 * controller accepts it yet, the single-roll design that the two phases exist to avoid.
 */
export function withRotationScripts(objects: K8sObject[], onePhase: boolean): K8sObject[] {
  if (!onePhase) return objects;
  return objects.map((o) => {
    if (o.kind !== 'ConfigMap' || o.metadata.name !== ROTATION_CONFIGMAP) return o;
    const script = (o as { data: Record<string, string> }).data['rotate-admin-password.sh'];
    if (!script.includes(ACCEPT_PHASE_ROLL)) throw new Error('rotate-admin-password.sh no longer has the accept phase roll this negative control removes');
    const broken = script.replace(ACCEPT_PHASE_ROLL, '  log "accept phase skipped (KAFKA_IT_BREAK=admin-rotation-one-phase)"\n');
    return { ...o, data: { ...(o as { data: Record<string, string> }).data, 'rotate-admin-password.sh': broken } } as K8sObject;
  });
}

/**
 * The rotation Job as the suite runs it. One rewrite (README, "How we test HA"): no settle time, because the local
 * pods resolve `secretKeyRef` from the Secret itself when they start, not from a kubelet's cache of it.
 */
export function rotationJob(objects: K8sObject[]): K8sObject {
  const job = JSON.parse(JSON.stringify(jobNamed(objects, 'kafka-admin-rotate'))) as K8sObject;
  const container = (job as { spec: { template: { spec: { containers: Array<{ env: Array<{ name: string; value?: string }> }> } } } }).spec.template.spec.containers[0];
  container.env.push({ name: 'KP_ADMIN_SECRET_SETTLE_SECONDS', value: '0' });
  return job;
}

/** The admin Secret's keys other than the credentials themselves (what the test may print). */
export function rotationState(secrets: SecretData): Record<string, string> {
  const s = secrets[ADMIN_SECRET];
  return Object.fromEntries(Object.keys(s).filter((k) => !/password|jaas/.test(k)).sort().map((k) => [k, s[k]]));
}

/** A SCRAM-SHA-512 JAAS line for the tools. */
export function scramJaas(username: string, password: string): string {
  return `org.apache.kafka.common.security.scram.ScramLoginModule required username="${username}" password="${password}";`;
}

/**
 * Who a running node logs in as and which admin identities it accepts on the controller listener, from the
 * server.properties kafka-start.sh wrote when the node last started (passwords left out).
 */
export function runningAdminLogin(pod: LocalPod): { login: string; accepts: string[] } {
  const text = fs.readFileSync(path.join(pod.dir, 'volumes', 'config', 'server.properties'), 'utf8');
  const line = /^listener\.name\.controller\.plain\.sasl\.jaas\.config=(.*)$/m.exec(text)?.[1] ?? '';
  const internal = /^listener\.name\.internal\.scram-sha-512\.sasl\.jaas\.config=.*username="([^"]+)"/m.exec(text)?.[1];
  const login = /username="([^"]+)"/.exec(line)?.[1] ?? internal ?? 'none';
  const accepts = [...line.matchAll(/ user_([^=]+)="/g)].map((m) => m[1]).sort();
  return { login, accepts };
}

/**
 * `kafka-metadata-quorum.sh --bootstrap-controller` against one controller with the node certificate (the listener
 * requires it) and a SASL/PLAIN login: the quorum's leader id, or undefined when the controller refused it.
 */
export async function controllerLogin(local: LocalCluster, controller: LocalPod, tool: (args: string[]) => Promise<{ stdout: string }>,
  secrets: SecretData, caFile: string, username: string, password: string): Promise<number | undefined> {
  const dir = path.join(local.root, 'tools');
  const keystore = path.join(dir, 'node-keystore.pem');
  const node = secrets['kafka-node-tls'];
  fs.writeFileSync(keystore, node['tls.key'] + node['tls.crt'], { mode: 0o600 });
  const file = path.join(dir, `controller-login-${username}.properties`);
  fs.writeFileSync(file, [
    'security.protocol=SASL_SSL', 'ssl.truststore.type=PEM', `ssl.truststore.location=${caFile}`, 'ssl.keystore.type=PEM', `ssl.keystore.location=${keystore}`,
    'sasl.mechanism=PLAIN', `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${username}" password="${password}";`,
    'request.timeout.ms=10000', 'default.api.timeout.ms=15000', '',
  ].join('\n'), { mode: 0o600 });
  const res = await tool(['--bootstrap-controller', `127.0.0.1:${local.port(controller, 9093)}`, '--command-config', file, 'describe', '--status']);
  const leader = /LeaderId:\s*(\d+)/.exec(res.stdout)?.[1];
  return leader === undefined ? undefined : Number(leader);
}
