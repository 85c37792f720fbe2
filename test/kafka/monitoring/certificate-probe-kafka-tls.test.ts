import { ChildProcess, execFileSync, spawn, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { KAFKA_DEFAULT_IMAGES, KAFKA_PATHS } from '../../../lib/kafka/constants';
import { nodeCertificateDnsNames } from '../../../lib/kafka/cluster/node-certificates';
import { KafkaMonitoring } from '../../../lib/kafka/monitoring';
import { synthWith } from '../ecosystem/support';
import { freePort, metrics, openssl, startBlackboxExporter, until } from './blackbox-live';
import { tempDir } from './promtool';

/**
 * The synthesized controller probe module, run by the real blackbox exporter
 * against Kafka's own TLS server side: an SSLEngine from kafka-clients'
 * DefaultSslEngineFactory (the version of the KRaft image) configured with the
 * synthesized `listener.name.controller.ssl.*` properties of the controllers'
 * server.properties (client certificate required, TLSv1.3,TLSv1.2), plus the
 * PEM keystore kafka-start.sh builds (key, then certificate). Only paths move
 * to the test directory. A Java fixture, not a Kafka JVM: it runs the TLS
 * handshake only. Needs Java 17 and Maven (as the JMX exporter's live test).
 */

const KAFKA_VERSION = KAFKA_DEFAULT_IMAGES.kafkaKraft.split(':')[1];
// kafka-clients' own runtime dependency (its pom), for its logger.
const SLF4J_VERSION = '1.7.36';

function jar(groupId: string, artifactId: string, version: string, outDir: string): string {
  const local = path.join(os.homedir(), '.m2', 'repository', ...groupId.split('.'), artifactId, version, `${artifactId}-${version}.jar`);
  if (fs.existsSync(local)) return local;
  execFileSync('mvn', ['-q', '-B', '-Dstyle.color=never', 'dependency:copy', `-Dartifact=${groupId}:${artifactId}:${version}`, `-DoutputDirectory=${outDir}`], { stdio: 'pipe', timeout: 300000 });
  return path.join(outDir, `${artifactId}-${version}.jar`);
}

describe("the controller probe module against Kafka's own TLS engine, configured as the synthesized controller listener", () => {
  const { objects, cluster } = synthWith((c, chart) => new KafkaMonitoring(chart, 'monitoring', { cluster: c }));
  const moduleYaml = objects.find((o: any) => o.kind === 'ConfigMap' && o.metadata.name === 'kafka-certificate-probe-config').data['blackbox.yml'];
  const serverProperties: string = objects.find((o: any) => o.kind === 'ConfigMap' && o.metadata.name === 'kafka-controller-config').data['server.properties'];
  const prefix = 'listener.name.controller.ssl.';
  const listenerSsl = Object.fromEntries(serverProperties.split('\n').filter(l => l.startsWith(prefix)).map(l => {
    const eq = l.indexOf('=');
    return [`ssl.${l.slice(prefix.length, eq)}`, l.slice(eq + 1)];
  }));
  const dir = tempDir('cert-probe-kafka-tls-');
  const processes: ChildProcess[] = [];
  const listeners: Record<string, { address: string; output: string[] }> = {};
  let exporter = '';
  let notAfter = 0;

  async function startListener(name: string, ssl: Record<string, string>, classpath: string): Promise<void> {
    const port = await freePort();
    const args = Object.entries(ssl).map(([k, v]) => `${k}=${v}`);
    const child = spawn('java', ['-Xmx64m', '-cp', classpath, path.join(__dirname, '..', 'fixtures', 'KafkaTlsListener.java'), String(port), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    processes.push(child);
    const listener = { address: `127.0.0.1:${port}`, output: [] as string[] };
    child.stdout!.on('data', d => listener.output.push(...String(d).split('\n').filter(Boolean)));
    let stderr = '';
    child.stderr!.on('data', d => { stderr += d; });
    // READY once the socket is bound: no TCP check, whose connection would count as a verdict.
    await until(`the ${name} listener`, async () => (listener.output.includes('READY') ? true : undefined), 60000).catch(e => { throw new Error(`${e.message}: ${stderr}`); });
    listeners[name] = listener;
  }

  beforeAll(async () => {
    if (spawnSync('java', ['-version']).error) throw new Error('java is not installed (needs Java 17)');
    const classpath = [jar('org.apache.kafka', 'kafka-clients', KAFKA_VERSION, dir), jar('org.slf4j', 'slf4j-api', SLF4J_VERSION, dir)].join(path.delimiter);
    // Cluster CA 12 days; the node certificate (the cluster's SAN list, PKCS#8 key) 10 days, so it is the earliest.
    openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '12', '-subj', '/CN=test-cluster-ca');
    openssl(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'tls.key', '-out', 'tls.csr', '-subj', '/CN=kafka-node');
    fs.writeFileSync(path.join(dir, 'tls.ext'), `subjectAltName=${nodeCertificateDnsNames(cluster.spec).map(n => `DNS:${n}`).join(',')}\n`);
    openssl(dir, 'x509', '-req', '-in', 'tls.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'tls.crt', '-days', '10', '-extfile', 'tls.ext');
    notAfter = Date.parse(new crypto.X509Certificate(fs.readFileSync(path.join(dir, 'tls.crt'))).validTo) / 1000;
    // kafka-start.sh's PEM keystore: the key, then the certificate.
    fs.writeFileSync(path.join(dir, 'node-keystore.pem'), Buffer.concat([fs.readFileSync(path.join(dir, 'tls.key')), fs.readFileSync(path.join(dir, 'tls.crt'))]));
    const ssl = { ...listenerSsl, 'ssl.truststore.location': path.join(dir, 'ca.crt'), 'ssl.keystore.location': path.join(dir, 'node-keystore.pem') };
    await startListener('synthesized', ssl, classpath);
    await startListener('tls12-only', { ...ssl, 'ssl.enabled.protocols': 'TLSv1.2' }, classpath);

    const modules = parse(moduleYaml.split('/etc/kafka-platform/ca/ca.crt').join(path.join(dir, 'ca.crt'))).modules;
    const { min_version: _minVersion, ...permissive } = modules.kafka_controller_tls.tcp.tls_config;
    modules.test_controller_tls_any_version = { ...modules.kafka_controller_tls, tcp: { tls: true, tls_config: permissive } };
    fs.writeFileSync(path.join(dir, 'blackbox.yml'), stringify({ modules }));
    exporter = await startBlackboxExporter(path.join(dir, 'blackbox.yml'), dir, processes);
  }, 360000);

  afterAll(() => { for (const p of processes) p.kill(); });

  const probe = async (listener: string, module = 'kafka_controller_tls') =>
    metrics(await (await fetch(`${exporter}/probe?module=${module}&target=${listeners[listener].address}`)).text());
  /** The listener's verdicts on connections after the first `from`. */
  const verdicts = async (listener: string, from: number, count: number) =>
    until(`${count} verdict(s) of ${listener}`, async () => {
      const v = listeners[listener].output.filter(l => l !== 'READY').slice(from);
      return v.length >= count ? v : undefined;
    }, 5000);
  const seen = (listener: string) => listeners[listener].output.filter(l => l !== 'READY').length;

  test('the listener runs with the synthesized controller TLS settings: client certificate required, TLS 1.3 and 1.2', () => {
    expect(listenerSsl).toEqual({
      'ssl.client.auth': 'required', 'ssl.enabled.protocols': 'TLSv1.3,TLSv1.2', 'ssl.truststore.type': 'PEM',
      'ssl.truststore.location': `${KAFKA_PATHS.nodeTls}/ca.crt`, 'ssl.keystore.type': 'PEM',
    });
  });

  test("TLS 1.3: the probe reports the node certificate's notAfter, while Kafka's engine refuses the probe's empty certificate", async () => {
    const before = seen('synthesized');
    const m = await probe('synthesized');
    expect(m.probe_success).toBe(1);
    expect(m['probe_tls_version_info{version="TLS 1.3"}']).toBe(1);
    expect(m.probe_ssl_earliest_cert_expiry).toBe(notAfter);
    expect(await verdicts('synthesized', before, 1)).toEqual(['REFUSED Empty client certificate chain']);
  });

  test('TLS 1.2 only: Kafka refuses the handshake first, the probe fails and reports no expiry (with or without the TLS 1.3 requirement)', async () => {
    const before = seen('tls12-only');
    const any = await probe('tls12-only', 'test_controller_tls_any_version');
    expect(any.probe_success).toBe(0);
    expect(any.probe_ssl_earliest_cert_expiry).toBeUndefined();
    const m = await probe('tls12-only');
    expect(m.probe_success).toBe(0);
    expect(m.probe_ssl_earliest_cert_expiry).toBeUndefined();
    const [noCertificate, noTls13] = await verdicts('tls12-only', before, 2);
    expect(noCertificate).toBe('REFUSED Empty client certificate chain');
    expect(noTls13).toMatch(/^REFUSED The client supported protocol versions \[TLSv1\.3\] are not accepted by server preferences \[TLSv1\.2\]/);
  });
});
