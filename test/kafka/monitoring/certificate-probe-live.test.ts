import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { KafkaMonitoring } from '../../../lib/kafka/monitoring';
import { synthWith } from '../ecosystem/support';
import { tempDir } from './promtool';

/**
 * The synthesized blackbox exporter module, run by the real exporter (Debian's
 * prometheus-blackbox-exporter; .ci/run installs it) against TLS servers
 * (`openssl s_server`) standing in for a broker's internal listener: a node
 * certificate from the cluster CA naming the bootstrap host, one from another
 * CA, and one from the cluster CA for another name. Only the CA file path is
 * moved to the test directory.
 */

const DAY = 86400;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const port = (s.address() as net.AddressInfo).port; s.close(() => resolve(port)); });
  });
}

async function until<T>(what: string, f: () => Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try { const v = await f(); if (v !== undefined) return v; } catch { /* not yet */ }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 200));
  }
}

function accepts(address: string): Promise<true | undefined> {
  const [host, port] = address.split(':');
  return new Promise(resolve => {
    const socket = net.connect({ host, port: Number(port) });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(undefined));
  });
}

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
}

function metrics(text: string): Record<string, number> {
  return Object.fromEntries(text.split('\n').filter(l => l && !l.startsWith('#')).map(l => {
    const i = l.lastIndexOf(' ');
    return [l.slice(0, i), Number(l.slice(i + 1))];
  }));
}

describe('the synthesized TLS probe module, run by the real blackbox exporter', () => {
  const { objects, cluster } = synthWith((c, chart) => new KafkaMonitoring(chart, 'monitoring', { cluster: c }));
  const moduleYaml = objects.find((o: any) => o.kind === 'ConfigMap' && o.metadata.name === 'kafka-certificate-probe-config').data['blackbox.yml'];
  const bootstrapHost = cluster.internalBootstrapServers.split(':')[0];
  const dir = tempDir('cert-probe-live-');
  const processes: ChildProcess[] = [];
  let exporter = '';
  const servers: Record<string, string> = {};

  beforeAll(async () => {
    // Cluster CA valid 12 days, node certificate 30 days: the chain expiry is the CA's.
    openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '12', '-subj', '/CN=test-cluster-ca');
    const issue = (name: string, san: string, days: string) => {
      openssl(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
      fs.writeFileSync(path.join(dir, `${name}.ext`), `subjectAltName=${san}\n`);
      openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', days, '-extfile', `${name}.ext`);
    };
    issue('node', `DNS:${bootstrapHost},DNS:*.example.invalid`, '30');
    issue('wrong-name', 'DNS:somebody-else.example.invalid', '30');
    openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'foreign.key', '-out', 'foreign.crt', '-days', '30', '-subj', '/CN=foreign', '-addext', `subjectAltName=DNS:${bootstrapHost}`);
    fs.writeFileSync(path.join(dir, 'blackbox.yml'), moduleYaml.split('/etc/kafka-platform/ca/ca.crt').join(path.join(dir, 'ca.crt')));
    for (const name of ['node', 'wrong-name', 'foreign']) {
      const port = await freePort();
      // -verify 1: the server asks for a client certificate without requiring it, as the internal listener does.
      processes.push(spawn('openssl', ['s_server', '-quiet', '-accept', `127.0.0.1:${port}`, '-cert', `${name}.crt`, '-key', `${name}.key`, '-verify', '1'], { cwd: dir, stdio: 'ignore' }));
      servers[name] = `127.0.0.1:${port}`;
    }
    const port = await freePort();
    const bin = ['prometheus-blackbox-exporter', 'blackbox_exporter'].find(b => { try { execFileSync('which', [b]); return true; } catch { return false; } });
    if (!bin) throw new Error('this test needs the blackbox exporter (apt-get install prometheus-blackbox-exporter; .ci/run does it)');
    processes.push(spawn(bin, [`--config.file=${path.join(dir, 'blackbox.yml')}`, `--web.listen-address=127.0.0.1:${port}`], { cwd: dir, stdio: 'ignore' }));
    exporter = `http://127.0.0.1:${port}`;
    await until('the exporter', async () => ((await fetch(`${exporter}/-/healthy`)).ok ? true : undefined));
    // Every stand-in listens before any probe: a refused connection must not pass for a refused certificate.
    for (const address of Object.values(servers)) await until(address, () => accepts(address));
  }, 60000);

  afterAll(() => { for (const p of processes) p.kill(); });

  const probe = async (server: string, debug = false) =>
    (await fetch(`${exporter}/probe?module=kafka_internal_tls&target=${servers[server]}${debug ? '&debug=true' : ''}`)).text();

  test('a node certificate from the cluster CA naming the bootstrap host: success, node and CA expiry reported', async () => {
    const m = metrics(await probe('node'));
    expect(m.probe_success).toBe(1);
    const now = Date.now() / 1000;
    expect(Math.round((m.probe_ssl_earliest_cert_expiry - now) / DAY)).toBe(30);
    // The verified chain ends in the CA: its 12 days are what the alert sees (KafkaCertificateExpiresSoon at < 21).
    expect(Math.round((m.probe_ssl_last_chain_expiry_timestamp_seconds - now) / DAY)).toBe(12);
  });

  test('a certificate from another CA fails the probe in the handshake (KafkaCertificateExpiryUnknown)', async () => {
    const m = metrics(await probe('foreign'));
    expect(m.probe_success).toBe(0);
    expect(m.probe_ssl_earliest_cert_expiry).toBeUndefined();
    expect(await probe('foreign', true)).toContain('certificate signed by unknown authority');
  });

  test('a certificate from the cluster CA for another host name fails the probe (host name verified)', async () => {
    expect(metrics(await probe('wrong-name')).probe_success).toBe(0);
    expect(await probe('wrong-name', true)).toMatch(new RegExp(`certificate is valid for somebody-else\\.example\\.invalid, not ${bootstrapHost.replace(/\./g, '\\.')}`));
  });
});
