/* eslint-disable @typescript-eslint/no-explicit-any */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PrerequisiteError } from '../errors';
import { byKind, K8sObject, podTemplate } from './k8s-objects';
import { SecretData } from './local-cluster';

/**
 * What clients dial in a local run: every host name becomes 127.0.0.1
 * (rewrite.ts 1.), so the node certificate must name that address too.
 * Rewrite rule 4b adds it to the bootstrap Job's `KP_TLS_SANS`, and only here.
 */
export const LOCAL_NODE_TLS_EXTRA_SANS = ['IP:127.0.0.1'];

/** The objects and Secrets the certificate bootstrap Job created (or kept), and its log. */
export interface NodeTlsRun {
  /** Secrets by name, decoded (the node certificate Secret, and the CA Secret in issue mode). */
  readonly secrets: SecretData;
  /** Objects created at run time that clients mount: the CA bundle ConfigMap. */
  readonly objects: K8sObject[];
  readonly log: string;
  readonly exitCode: number;
}

/** The synthesized certificate bootstrap Job (it sets KP_TLS_MODE), or undefined without internal TLS. */
export function nodeTlsJob(objects: K8sObject[]): K8sObject | undefined {
  return byKind(objects, 'Job').find((j) => podTemplate(j).spec.containers.some((c: any) => (c.env ?? []).some((e: any) => e.name === 'KP_TLS_MODE')));
}

/**
 * A kubectl that keeps objects as JSON files in `$KP_FAKE_KUBE_STATE`: the
 * verbs create-node-tls.sh uses (get -o name / -o jsonpath={.data.<key>},
 * create -f, replace -f), with the API server's NotFound / AlreadyExists
 * answers. Every call is appended to `calls.log` (verbs and names only).
 */
const FAKE_KUBECTL = `#!/usr/bin/env node
const fs = require('fs');
const path = require('path');
const state = process.env.KP_FAKE_KUBE_STATE;
const args = process.argv.slice(2);
fs.appendFileSync(path.join(state, 'calls.log'), args.filter((a) => !a.startsWith('jsonpath=')).join(' ') + '\\n');
const file = (kind, name) => path.join(state, kind.toLowerCase() + '-' + name + '.json');
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const [verb, kind, name] = args;
if (verb === 'get') {
  if (!fs.existsSync(file(kind, name))) { process.stderr.write('Error from server (NotFound): ' + kind + 's "' + name + '" not found\\n'); process.exit(1); }
  const obj = JSON.parse(fs.readFileSync(file(kind, name), 'utf8'));
  const output = opt('-o');
  if (output === 'name') { process.stdout.write(kind + '/' + name + '\\n'); process.exit(0); }
  const m = /^jsonpath=\\{\\.data\\.(.+)\\}$/.exec(output || '');
  if (!m) { process.stderr.write('fake kubectl: unsupported output ' + output + '\\n'); process.exit(2); }
  process.stdout.write((obj.data || {})[m[1].replace(/\\\\\\./g, '.')] || '');
  process.exit(0);
}
if (verb === 'create' || verb === 'replace') {
  const obj = JSON.parse(fs.readFileSync(opt('-f'), 'utf8'));
  const target = file(obj.kind, obj.metadata.name);
  if (verb === 'create' && fs.existsSync(target)) { process.stderr.write('Error from server (AlreadyExists): ' + obj.metadata.name + ' already exists\\n'); process.exit(1); }
  if (verb === 'replace' && !fs.existsSync(target)) { process.stderr.write('Error from server (NotFound): ' + obj.metadata.name + '\\n'); process.exit(1); }
  fs.writeFileSync(target, JSON.stringify(obj));
  process.stdout.write(obj.kind.toLowerCase() + '/' + obj.metadata.name + (verb === 'create' ? ' created' : ' replaced') + '\\n');
  process.exit(0);
}
process.stderr.write('fake kubectl: unsupported call ' + args.join(' ') + '\\n');
process.exit(2);
`;

export interface RunNodeTlsJobOptions {
  /** Directory of the fake API server's objects; kept between runs to show idempotence. @default a new temp dir */
  readonly stateDir?: string;
  /** Names added to KP_TLS_SANS (rewrite rule 4b). @default LOCAL_NODE_TLS_EXTRA_SANS */
  readonly extraSans?: string[];
  /** Env overrides (tests: KP_TLS_WAIT_SECONDS). @default {} */
  readonly env?: Record<string, string>;
  /**
   * Which synthesized container to run: the certificate bootstrap Job's, or the certificate roll CronJob's
   * renewal init container (mode renew: it replaces a node certificate that is due).
   * @default 'bootstrap'
   */
  readonly container?: 'bootstrap' | 'renewal';
}

/** The certificate roll CronJob's renewal init container and the ConfigMap it runs create-node-tls.sh from. */
function renewalContainer(objects: K8sObject[]): { container: any; configMapName?: string } {
  for (const cron of byKind(objects, 'CronJob')) {
    const pod = cron.spec.jobTemplate.spec.template.spec;
    const container = (pod.initContainers ?? []).find((c: any) => c.name === 'renew-node-tls');
    if (container) return { container, configMapName: pod.volumes.find((v: any) => v.name === 'scripts')?.configMap?.name };
  }
  throw new Error('no synthesized CronJob has a renew-node-tls init container: internal TLS is off, or cert-manager renews');
}

/**
 * Runs the synthesized certificate Job's script (from its synthesized
 * ConfigMap, so exactly what ships) with bash, this host's openssl and the
 * fake kubectl above, and returns what it created. This is how the local run
 * gets the node Secret and the CA bundle: the script itself is under test.
 */
export function runNodeTlsJob(objects: K8sObject[], opts: RunNodeTlsJobOptions = {}): NodeTlsRun {
  let container: any;
  let configMapName: string | undefined;
  if (opts.container === 'renewal') {
    ({ container, configMapName } = renewalContainer(objects));
  } else {
    const job = nodeTlsJob(objects);
    if (!job) throw new Error('no synthesized Job sets KP_TLS_MODE: internal TLS is off, or the certificate Job is missing');
    const pod = podTemplate(job).spec;
    container = pod.containers[0];
    configMapName = pod.volumes.find((v: any) => v.configMap && container.command.some((a: string) => a.includes('create-node-tls.sh')))?.configMap?.name;
  }
  const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === configMapName);
  const script = configMap?.data?.['create-node-tls.sh'];
  if (!script) throw new Error(`container ${container.name} mounts no ConfigMap with create-node-tls.sh`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-platform-node-tls-'));
  const state = opts.stateDir ?? path.join(work, 'state');
  fs.mkdirSync(state, { recursive: true });
  const bin = path.join(work, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'kubectl'), FAKE_KUBECTL, { mode: 0o755 });
  fs.writeFileSync(path.join(work, 'create-node-tls.sh'), script);
  const env: Record<string, string> = {};
  for (const e of container.env ?? []) if (e.value !== undefined) env[e.name] = String(e.value);
  if (env.KP_TLS_SANS) env.KP_TLS_SANS = [env.KP_TLS_SANS, ...(opts.extraSans ?? LOCAL_NODE_TLS_EXTRA_SANS)].join(',');
  const tmp = path.join(work, 'tmp');
  fs.mkdirSync(tmp);
  try {
    const res = spawnSync('bash', [path.join(work, 'create-node-tls.sh')], {
      env: { PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, ...env, HOME: tmp, TMPDIR: tmp, KP_FAKE_KUBE_STATE: state, ...(opts.env ?? {}) },
      encoding: 'utf8', timeout: 120_000,
    });
    if (res.error) throw res.error;
    const log = `${res.stdout}${res.stderr}`;
    if (res.status !== 0 && /openssl is not in this image|openssl: command not found/.test(log)) {
      throw new PrerequisiteError('openssl is needed to run the certificate bootstrap Job locally, and it is not on PATH',
        'install OpenSSL 1.1.1+ (Debian/Ubuntu: `apt-get install openssl`; macOS: `brew install openssl`)');
    }
    const secrets: SecretData = {};
    const created: K8sObject[] = [];
    for (const f of fs.readdirSync(state).filter((n) => n.endsWith('.json')).sort()) {
      const obj = JSON.parse(fs.readFileSync(path.join(state, f), 'utf8')) as K8sObject;
      if (obj.kind === 'Secret') {
        secrets[obj.metadata.name] = Object.fromEntries(Object.entries(obj.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
      } else {
        created.push(obj);
      }
    }
    return { secrets, objects: created, log, exitCode: res.status ?? -1 };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * For a local run: the node certificate Secret and the CA bundle ConfigMap,
 * made by the synthesized certificate Job (rewrite rule 4b), or nothing when
 * internal TLS is off. The CA Secret stays out: no pod mounts it.
 */
export function generateNodeTls(objects: K8sObject[], opts: Pick<RunNodeTlsJobOptions, 'stateDir'> = {}): { secrets: SecretData; objects: K8sObject[] } {
  const job = nodeTlsJob(objects);
  if (!job) return { secrets: {}, objects: [] };
  // With cert-manager the Job only publishes the CA of the Secret cert-manager issues; locally the script
  // issues that Secret itself, as the bootstrap Job would (cert-manager is not here to do it).
  const standIn: Record<string, string> = envOf(job, 'KP_TLS_MODE') === 'ca-bundle'
    ? { KP_TLS_MODE: 'issue', KP_TLS_CA_SECRET: 'local-ca', KP_TLS_SANS: ['DNS:localhost', ...LOCAL_NODE_TLS_EXTRA_SANS].join(','), KP_TLS_COMMON_NAME: 'local', KP_TLS_CA_DAYS: '2', KP_TLS_NODE_DAYS: '2' }
    : {};
  const run = runNodeTlsJob(objects, { env: standIn, stateDir: opts.stateDir });
  if (run.exitCode !== 0) throw new Error(`the certificate bootstrap Job's script failed (exit ${run.exitCode}):\n${run.log}`);
  const nodeSecret = envOf(nodeTlsJob(objects)!, 'KP_TLS_NODE_SECRET');
  return { secrets: { [nodeSecret]: run.secrets[nodeSecret] }, objects: run.objects };
}

function envOf(job: K8sObject, name: string): string {
  const value = podTemplate(job).spec.containers[0].env.find((e: any) => e.name === name)?.value;
  if (value === undefined) throw new Error(`${job.metadata.name} has no env ${name}`);
  return value;
}

/**
 * Writes the CA bundle ConfigMap's certificate (what in-cluster clients mount)
 * to `dir/ca.crt` for the test's own clients; undefined without internal TLS.
 */
export function writeLocalCaBundle(objects: K8sObject[], dir: string): string | undefined {
  const job = nodeTlsJob(objects);
  if (!job) return undefined;
  const name = envOf(job, 'KP_TLS_CA_BUNDLE_CONFIGMAP');
  const cm = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name);
  const pem = cm?.data?.[envOf(job, 'KP_TLS_CA_BUNDLE_KEY')];
  if (!pem) throw new Error(`no CA bundle ConfigMap ${name} among the objects: call generateNodeTls first`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'ca.crt');
  fs.writeFileSync(file, pem);
  return file;
}
