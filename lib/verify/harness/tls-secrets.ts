/* eslint-disable @typescript-eslint/no-explicit-any */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PrerequisiteError } from '../errors';
import { K8sObject, podTemplate } from './k8s-objects';
import { SecretData } from './local-cluster';

/**
 * TLS Secrets the pods mount but nobody synthesized (cert-manager issues them,
 * or the user creates them, e.g. the external listener's `tls.secretName`):
 * a throwaway self-signed certificate for 127.0.0.1 in cert-manager's format
 * (`tls.crt`, `tls.key` as unencrypted PKCS#8 PEM, `ca.crt`). Rewrite rule 4
 * in rewrite.ts. Secrets already in `known` are left alone.
 */
export function generateTlsSecrets(workloads: K8sObject[], objects: K8sObject[], known: SecretData): SecretData {
  const synthesized = new Set(objects.filter((o) => o.kind === 'Secret').map((o) => o.metadata.name));
  const wanted = new Set<string>();
  for (const w of workloads) {
    for (const v of podTemplate(w).spec.volumes ?? []) {
      const name = v.secret?.secretName as string | undefined;
      if (name && !synthesized.has(name) && !known[name]) wanted.add(name);
    }
  }
  const out: SecretData = {};
  for (const name of [...wanted].sort()) out[name] = selfSignedLoopbackCertificate();
  return out;
}

function selfSignedLoopbackCertificate(): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-platform-tls-'));
  try {
    const key = path.join(dir, 'tls.key');
    const crt = path.join(dir, 'tls.crt');
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', crt, '-days', '2',
        '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      throw new PrerequisiteError(missing
        ? 'openssl is needed to make a throwaway certificate for the TLS listener the configuration declares, and it is not on PATH'
        : `openssl could not make a throwaway certificate: ${String((e as { stderr?: Buffer }).stderr ?? e)}`,
      'install OpenSSL 1.1.1+ (Debian/Ubuntu: `apt-get install openssl`; macOS: `brew install openssl`)');
    }
    const cert = fs.readFileSync(crt, 'utf8');
    return { 'tls.crt': cert, 'tls.key': fs.readFileSync(key, 'utf8'), 'ca.crt': cert };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
