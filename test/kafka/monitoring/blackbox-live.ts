import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as net from 'net';

/** What the tests that run the real blackbox exporter against local TLS servers share. */

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const port = (s.address() as net.AddressInfo).port; s.close(() => resolve(port)); });
  });
}

export async function until<T>(what: string, f: () => Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try { const v = await f(); if (v !== undefined) return v; } catch { /* not yet */ }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 200));
  }
}

/** Resolves when `host:port` accepts a TCP connection (a refused connection must not pass for a refused certificate). */
export function accepts(address: string): Promise<true | undefined> {
  const [host, port] = address.split(':');
  return new Promise(resolve => {
    const socket = net.connect({ host, port: Number(port) });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(undefined));
  });
}

export function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The exporter's answer as `series -> value` (series with their labels, as printed). */
export function metrics(text: string): Record<string, number> {
  return Object.fromEntries(text.split('\n').filter(l => l && !l.startsWith('#')).map(l => {
    const i = l.lastIndexOf(' ');
    return [l.slice(0, i), Number(l.slice(i + 1))];
  }));
}

/** Starts Debian's prometheus-blackbox-exporter (.ci/run installs it) with `configFile`; returns its URL once healthy. */
export async function startBlackboxExporter(configFile: string, cwd: string, processes: ChildProcess[]): Promise<string> {
  const port = await freePort();
  const bin = ['prometheus-blackbox-exporter', 'blackbox_exporter'].find(b => { try { execFileSync('which', [b]); return true; } catch { return false; } });
  if (!bin) throw new Error('this test needs the blackbox exporter (apt-get install prometheus-blackbox-exporter; .ci/run does it)');
  processes.push(spawn(bin, [`--config.file=${configFile}`, `--web.listen-address=127.0.0.1:${port}`], { cwd, stdio: 'ignore' }));
  const url = `http://127.0.0.1:${port}`;
  await until('the exporter', async () => ((await fetch(`${url}/-/healthy`)).ok ? true : undefined));
  return url;
}
