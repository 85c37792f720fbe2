import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as tls from 'tls';
import { runNodeTlsJob } from '../harness/node-tls';
import { K8sObject } from '../harness/k8s';

/**
 * The certificate roll of roll.it.ts (scenario 14): the node certificate made due, renewed by the
 * synthesized renewal script, and the CronJob's Job with which the suite rolls it out.
 */

/** Where the suite keeps the fake API server's certificate Secrets (the CA among them) between its steps. */
export function nodeTlsStateDir(root: string): string {
  const dir = path.join(root, 'node-tls-state');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The node Secret as it is in its last months: a certificate issued by the same CA (the bootstrap Job's own
 * script) that expires in `days`. The pods keep presenting the one they started with.
 */
export function makeNodeCertificateDue(objects: K8sObject[], stateDir: string, days: number): string {
  fs.rmSync(path.join(stateDir, 'secret-kafka-node-tls.json'));
  const run = runNodeTlsJob(objects, { stateDir, env: { KP_TLS_NODE_DAYS: String(days) } });
  if (run.exitCode !== 0) throw new Error(`re-issuing the node certificate failed:\n${run.log}`);
  return run.secrets['kafka-node-tls']['tls.crt'];
}

/** Runs the CronJob's renewal init container (create-node-tls.sh, mode renew, the synthesized window) on the Secrets. */
export function renewNodeCertificate(objects: K8sObject[], stateDir: string): { log: string; secret: Record<string, string> } {
  const run = runNodeTlsJob(objects, { stateDir, container: 'renewal' });
  if (run.exitCode !== 0) throw new Error(`the renewal failed:\n${run.log}`);
  return { log: run.log, secret: run.secrets['kafka-node-tls'] };
}

/**
 * One run of the certificate roll CronJob as a Job, after its renewal init container (which the suite runs
 * on the fake API server's Secrets above). `renewalOnly` (the negative control) keeps the renewal and drops
 * the roll: the behaviour before the certificate roll existed.
 */
export function certificateRollJob(objects: K8sObject[], name: string, renewalOnly: boolean): K8sObject {
  const cron = objects.find((o) => o.kind === 'CronJob' && o.metadata.name === 'kafka-certificate-roll');
  if (!cron) throw new Error('no certificate roll CronJob was synthesized');
  const spec = JSON.parse(JSON.stringify(cron.spec.jobTemplate.spec));
  const pod = spec.template.spec;
  pod.initContainers = pod.initContainers.filter((c: { name: string }) => c.name !== 'renew-node-tls');
  if (renewalOnly) {
    // A Job needs a container: one that leaves every pod as it is.
    pod.containers = [{ ...pod.containers[0], command: ['/bin/bash', '-c', 'echo "roll: skipped (KAFKA_IT_BREAK=cert-renewal-not-rolled)"'] }];
  }
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { ...cron.metadata, name }, spec };
}

export function fingerprintOf(pem: string): string {
  return new crypto.X509Certificate(pem).fingerprint256;
}

/** The SHA-256 fingerprint of the certificate a listener presents (a handshake only; TLS 1.3 checks a client certificate after it). */
export function presentedFingerprint(hostPort: string): Promise<string> {
  const [host, port] = hostPort.split(':');
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port: Number(port), rejectUnauthorized: false }, () => {
      const fingerprint = socket.getPeerCertificate().fingerprint256;
      socket.destroy();
      resolve(fingerprint);
    });
    socket.setTimeout(10_000, () => { socket.destroy(); reject(new Error(`no TLS handshake with ${hostPort} in 10 s`)); });
    socket.on('error', reject);
  });
}
