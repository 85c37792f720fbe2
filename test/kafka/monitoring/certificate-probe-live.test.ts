import { ChildProcess, spawn } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as tls from 'tls';
import { parse, stringify } from 'yaml';
import { nodeCertificateDnsNames } from '../../../lib/kafka/cluster/node-certificates';
import { KafkaMonitoring } from '../../../lib/kafka/monitoring';
import { synthWith } from '../ecosystem/support';
import { accepts, freePort, metrics, openssl, startBlackboxExporter, until } from './blackbox-live';
import { tempDir } from './promtool';

/**
 * The synthesized blackbox exporter module, run by the real exporter (Debian's
 * prometheus-blackbox-exporter; .ci/run installs it) against TLS servers
 * (`openssl s_server`) standing in for a broker's internal listener: a node
 * certificate from the cluster CA naming the bootstrap host, one from another
 * CA, and one from the cluster CA for another name. Only the CA file path is
 * moved to the test directory.
 *
 * The controllers' module runs against Node TLS servers that, like the KRaft
 * controller listener (`ssl.client.auth=required`, TLSv1.3,TLSv1.2), require a
 * client certificate the probe does not have: one offering TLS 1.3 and 1.2,
 * one TLS 1.2 only. The node certificate there is issued for the SANs the
 * cluster's own certificate gets (nodeCertificateDnsNames).
 */

const DAY = 86400;

describe('the synthesized TLS probe module, run by the real blackbox exporter', () => {
  const { objects, cluster } = synthWith((c, chart) => new KafkaMonitoring(chart, 'monitoring', { cluster: c }));
  const moduleYaml = objects.find((o: any) => o.kind === 'ConfigMap' && o.metadata.name === 'kafka-certificate-probe-config').data['blackbox.yml'];
  const bootstrapHost = cluster.internalBootstrapServers.split(':')[0];
  const dir = tempDir('cert-probe-live-');
  const processes: ChildProcess[] = [];
  let exporter = '';
  const servers: Record<string, string> = {};
  const tlsServers: tls.Server[] = [];
  // What each client-certificate-requiring server saw: handshakes it refused, connections it accepted.
  const seen: Record<string, { refused: string[]; accepted: number }> = {};

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
    // The cluster's node certificate as the controllers present it: its real SAN list, 10 days left (before the CA's 12,
    // so it is the earliest whether or not the server sends the CA along), and one from another CA with the same names.
    const nodeSans = nodeCertificateDnsNames(cluster.spec).map(n => `DNS:${n}`).join(',');
    issue('controller', nodeSans, '10');
    openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'controller-foreign.key', '-out', 'controller-foreign.crt', '-days', '30', '-subj', '/CN=foreign', '-addext', `subjectAltName=${nodeSans}`);
    const modules = parse(moduleYaml.split('/etc/kafka-platform/ca/ca.crt').join(path.join(dir, 'ca.crt'))).modules;
    // Test only: the controllers' module without its TLS 1.3 requirement, to show what TLS 1.2 does by itself.
    const { min_version: _minVersion, ...permissive } = modules.kafka_controller_tls.tcp.tls_config;
    modules.test_controller_tls_any_version = { ...modules.kafka_controller_tls, tcp: { tls: true, tls_config: permissive } };
    fs.writeFileSync(path.join(dir, 'blackbox.yml'), stringify({ modules }));
    const read = (f: string) => fs.readFileSync(path.join(dir, f));
    const clientAuthServers: Array<[string, string, tls.SecureVersion]> = [
      ['controller', 'controller', 'TLSv1.3'], ['controller-tls12', 'controller', 'TLSv1.2'], ['controller-foreign', 'controller-foreign', 'TLSv1.3'],
    ];
    for (const [name, certName, maxVersion] of clientAuthServers) {
      const server = tls.createServer({
        key: read(`${certName}.key`), cert: read(`${certName}.crt`), ca: read('ca.crt'),
        requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.2', maxVersion,
      });
      seen[name] = { refused: [], accepted: 0 };
      server.on('tlsClientError', (err: any) => seen[name].refused.push(String(err.code ?? err.message)));
      server.on('secureConnection', socket => { seen[name].accepted++; socket.destroy(); });
      const port = await freePort();
      await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
      tlsServers.push(server);
      servers[name] = `127.0.0.1:${port}`;
    }
    for (const name of ['node', 'wrong-name', 'foreign']) {
      const port = await freePort();
      // -verify 1: the server asks for a client certificate without requiring it, as the internal listener does.
      processes.push(spawn('openssl', ['s_server', '-quiet', '-accept', `127.0.0.1:${port}`, '-cert', `${name}.crt`, '-key', `${name}.key`, '-verify', '1'], { cwd: dir, stdio: 'ignore' }));
      servers[name] = `127.0.0.1:${port}`;
    }
    exporter = await startBlackboxExporter(path.join(dir, 'blackbox.yml'), dir, processes);
    // Every stand-in listens before any probe: a refused connection must not pass for a refused certificate.
    for (const address of Object.values(servers)) await until(address, () => accepts(address));
  }, 60000);

  afterAll(() => {
    for (const p of processes) p.kill();
    for (const server of tlsServers) server.close();
  });

  const probe = async (server: string, debug = false, module = 'kafka_internal_tls') =>
    (await fetch(`${exporter}/probe?module=${module}&target=${servers[server]}${debug ? '&debug=true' : ''}`)).text();
  const probeController = (server: string, debug = false, module = 'kafka_controller_tls') => probe(server, debug, module);

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

  describe('a KRaft controller listener: client certificate required, which the probe does not have', () => {
    test('TLS 1.3: the probe succeeds and reports the certificate\'s notAfter, though the server refuses the probe', async () => {
      const before = seen.controller.refused.length;
      const m = metrics(await probeController('controller'));
      expect(m.probe_success).toBe(1);
      expect(m['probe_tls_version_info{version="TLS 1.3"}']).toBe(1);
      const notAfter = Date.parse(new crypto.X509Certificate(fs.readFileSync(path.join(dir, 'controller.crt'))).validTo) / 1000;
      expect(m.probe_ssl_earliest_cert_expiry).toBe(notAfter);
      // The verified chain (node certificate, then the CA's 12 days) expires when its earliest member does.
      expect(m.probe_ssl_last_chain_expiry_timestamp_seconds).toBe(notAfter);
      // The server did require the certificate: it refused the handshake (after the client's side had completed).
      await until('the server to refuse the probe', async () => (seen.controller.refused.length > before ? true : undefined), 5000);
      expect(seen.controller.refused.slice(before)).toEqual(['ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE']);
      expect(seen.controller.accepted).toBe(0);
    });

    test('TLS 1.2 only: the server refuses before its Finished, the probe fails, no expiry (with or without the TLS 1.3 requirement)', async () => {
      const before = seen['controller-tls12'].refused.length;
      const any = metrics(await probeController('controller-tls12', false, 'test_controller_tls_any_version'));
      expect(any.probe_success).toBe(0);
      expect(any.probe_ssl_earliest_cert_expiry).toBeUndefined();
      expect(seen['controller-tls12'].refused.slice(before)).toEqual(['ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE']);
      // OpenSSL's alert; Java's TLS stack (Kafka's) sends "bad certificate" here.
      expect(await probeController('controller-tls12', true, 'test_controller_tls_any_version')).toMatch(/Error dialing TCP.*remote error: tls: handshake failure/);
      // The synthesized module asks for TLS 1.3 only: the same refusal, named for what it is.
      const m = metrics(await probeController('controller-tls12'));
      expect(m.probe_success).toBe(0);
      expect(m.probe_ssl_earliest_cert_expiry).toBeUndefined();
      expect(await probeController('controller-tls12', true)).toContain('remote error: tls: protocol version not supported');
    });

    test('the controller module still verifies: a certificate from another CA fails the probe', async () => {
      expect(metrics(await probeController('controller-foreign')).probe_success).toBe(0);
      expect(await probeController('controller-foreign', true)).toContain('certificate signed by unknown authority');
    });
  });
});
