import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import * as tls from 'tls';

/** What a listener answered to one Kafka ApiVersions request (the one request Kafka serves before SASL). */
export interface ProbeResult {
  /** A Kafka response with our correlation id came back: the connection is usable for Kafka. */
  readonly kafkaAnswered: boolean;
  /** The TLS handshake completed from the client's side (TLS 1.3 checks a client certificate after that). */
  readonly tlsHandshake: boolean;
  /** The error the socket reported, if any (a TLS alert, a reset). */
  readonly error: string;
}

const CORRELATION_ID = 0x4b504c54;

/** ApiVersions v0: size, api key 18, version 0, correlation id, client id "tls-probe"; no body. */
function apiVersionsRequest(): Buffer {
  const clientId = Buffer.from('tls-probe');
  const header = Buffer.alloc(2 + 2 + 4 + 2);
  header.writeInt16BE(18, 0);
  header.writeInt16BE(0, 2);
  header.writeInt32BE(CORRELATION_ID, 4);
  header.writeInt16BE(clientId.length, 8);
  const frame = Buffer.concat([header, clientId]);
  const size = Buffer.alloc(4);
  size.writeInt32BE(frame.length, 0);
  return Buffer.concat([size, frame]);
}

/**
 * Connects to 127.0.0.1:port in plaintext (no `tlsOptions`) or over TLS, sends
 * ApiVersions and reports whether Kafka answered it within `timeoutMs`.
 */
export function probeKafka(port: number, tlsOptions?: tls.ConnectionOptions, timeoutMs = 8000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let handshake = false;
    let error = '';
    let received = Buffer.alloc(0);
    const socket: net.Socket = tlsOptions
      ? tls.connect({ host: '127.0.0.1', port, ...tlsOptions }, () => { handshake = true; socket.write(apiVersionsRequest()); })
      : net.connect({ host: '127.0.0.1', port }, () => socket.write(apiVersionsRequest()));
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ kafkaAnswered: received.length >= 8 && received.readInt32BE(4) === CORRELATION_ID, tlsHandshake: handshake, error });
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 8) done();
    });
    socket.on('error', (e) => { error = String(e.message ?? e); done(); });
    socket.on('close', done);
  });
}

/** A CA and a client certificate signed by it, unrelated to the cluster's: what an impostor presents. */
export function foreignClientCertificate(dir: string): { key: string; cert: string; ca: string } {
  fs.mkdirSync(dir, { recursive: true });
  const f = (n: string) => path.join(dir, n);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('ca.key'), '-out', f('ca.crt'), '-days', '2', '-subj', '/CN=impostor CA');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('client.key'), '-out', f('client.csr'), '-subj', '/CN=admin');
  openssl('x509', '-req', '-in', f('client.csr'), '-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-set_serial', '7', '-days', '2', '-out', f('client.crt'));
  return { key: fs.readFileSync(f('client.key'), 'utf8'), cert: fs.readFileSync(f('client.crt'), 'utf8'), ca: fs.readFileSync(f('ca.crt'), 'utf8') };
}
