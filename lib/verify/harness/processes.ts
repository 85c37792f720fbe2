import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

/**
 * Every process the runner starts is spawned detached (its own process group),
 * recorded here and in `<state dir>/pids`, and killed by process group in
 * `killAll()`, on SIGINT/SIGTERM and at exit, so Ctrl-C or a failure leaves no
 * JVM behind. A run that died hard leaves the PID file; the next run kills
 * those groups first, but only if their command line still points into the
 * state directory, so a recycled PID is never touched.
 */
let stateDir: string | undefined;
let pidFileName = 'pids';
const live = new Map<number, string>();

/**
 * Where the PID file lives; every command line the runner starts names a path
 * under it (the fake KAFKA_HOME, pod directories), which is what marks a
 * leftover process as ours. Call before starting anything.
 */
export function useProcessStateDir(dir: string | undefined, pidFile = 'pids'): void {
  stateDir = dir;
  pidFileName = pidFile;
}

function pidFile(): string | undefined {
  return stateDir ? path.join(stateDir, pidFileName) : undefined;
}

function persist(): void {
  const file = pidFile();
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, [...live.keys()].join('\n'));
}

function ownedBy(dir: string, pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
  } catch {
    return false;
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Kills the process groups a previous, crashed run left behind (see above); `dir` is that run's state dir. @default the current one */
export function reapLeftovers(dir: string | undefined = stateDir): void {
  if (!dir) return;
  const file = path.join(dir, dir === stateDir ? pidFileName : 'pids');
  if (!fs.existsSync(file)) return;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const pid = Number(line);
    if (pid > 0 && ownedBy(dir, pid)) killGroup(pid, 'SIGKILL');
  }
  fs.rmSync(file, { force: true });
}

/** Kills every process group this run started. Synchronous, so it also works in an exit handler. */
export function killAll(): void {
  for (const pid of live.keys()) killGroup(pid, 'SIGKILL');
  live.clear();
  persist();
}

let handlersInstalled = false;
function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      killAll();
      process.kill(process.pid, sig);
    });
  }
}

export interface Started {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  readonly exited: Promise<number | string>;
  hasExited(): boolean;
}

/**
 * Starts `command` detached in its own process group with stdout+stderr
 * appended to `logFile`. Only the given env is passed (plus PATH/JAVA_HOME/HOME),
 * as a pod would get only what its spec declares.
 */
export function startDetached(name: string, command: string[], opts: { env: Record<string, string>; cwd: string; logFile: string }): Started {
  installHandlers();
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const fd = fs.openSync(opts.logFile, 'a');
  const base: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8' };
  if (process.env.JAVA_HOME) base.JAVA_HOME = process.env.JAVA_HOME;
  const child = spawn(command[0], command.slice(1), {
    cwd: opts.cwd, env: { ...base, ...opts.env }, detached: true, stdio: ['ignore', fd, fd],
  });
  fs.closeSync(fd);
  if (child.pid === undefined) throw new Error(`could not start ${name}: ${command.join(' ')}`);
  const pid = child.pid;
  live.set(pid, name);
  persist();
  let done = false;
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      done = true;
      live.delete(pid);
      persist();
      resolve(code ?? signal ?? 'unknown');
    });
  });
  return { name, child, pid, logFile: opts.logFile, exited, hasExited: () => done };
}

/** SIGKILLs the whole process group (a pod lost with its zone) and waits for it to be gone. */
export async function kill9(p: Started): Promise<void> {
  killGroup(p.pid, 'SIGKILL');
  await p.exited;
}

/** SIGTERM (what the kubelet sends), then SIGKILL after `graceMs`; waits for the exit. */
export async function terminate(p: Started, graceMs: number): Promise<number | string> {
  if (p.hasExited()) return p.exited;
  killGroup(p.pid, 'SIGTERM');
  const timer = setTimeout(() => killGroup(p.pid, 'SIGKILL'), graceMs);
  const code = await p.exited;
  clearTimeout(timer);
  // The JVM may have left children (none expected); take the group down regardless.
  killGroup(p.pid, 'SIGKILL');
  return code;
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a short-lived command to completion (tools, scripts). Also recorded as a
 * process group so a hang is killed at teardown; `timeoutMs` kills it earlier.
 */
export function run(command: string[], opts: { env?: Record<string, string>; cwd?: string; timeoutMs?: number; input?: string } = {}): Promise<RunResult> {
  installHandlers();
  return new Promise((resolve) => {
    const base: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8' };
    if (process.env.JAVA_HOME) base.JAVA_HOME = process.env.JAVA_HOME;
    const child = spawn(command[0], command.slice(1), {
      cwd: opts.cwd, env: { ...base, ...(opts.env ?? {}) }, detached: true,
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const pid = child.pid;
    if (pid) live.set(pid, command.join(' '));
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (pid) killGroup(pid, 'SIGKILL');
    }, opts.timeoutMs ?? 120_000);
    if (opts.input !== undefined) child.stdin!.end(opts.input);
    const finish = (code: number) => {
      clearTimeout(timer);
      if (pid) live.delete(pid);
      resolve({ code: timedOut ? 124 : code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() + (timedOut ? `\n[timed out after ${opts.timeoutMs ?? 120_000} ms]` : '') });
    };
    child.on('error', (e) => { err.push(Buffer.from(String(e))); finish(127); });
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

/**
 * Allocates `count` distinct free TCP ports on 127.0.0.1, below the kernel's
 * ephemeral range (so an outgoing client connection cannot grab one before the
 * JVM that is meant to listen on it binds it). All are held open until every
 * one is found, then released.
 */
export async function freePorts(count: number): Promise<number[]> {
  const [low] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
  const ceiling = Math.min(low, 32768) - 1;
  const floor = 12000;
  const held: net.Server[] = [];
  const ports: number[] = [];
  let candidate = floor + Math.floor(Math.random() * (ceiling - floor - count * 4));
  try {
    while (ports.length < count) {
      if (candidate > ceiling) candidate = floor;
      const port = candidate++;
      const server = net.createServer();
      const ok = await new Promise<boolean>((resolve) => {
        server.once('error', () => resolve(false));
        server.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve(true));
      });
      if (ok) {
        held.push(server);
        ports.push(port);
      }
    }
  } finally {
    await Promise.all(held.map((s) => new Promise((r) => s.close(r))));
  }
  return ports;
}

/** Thrown from a waitFor check to stop waiting at once (the thing waited for can no longer happen). */
export class GiveUp extends Error {}

/** Polls `check` every `intervalMs` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as T;
    } catch (e) {
      if (e instanceof GiveUp) throw e;
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message ?? last}` : ''}`);
    }
    await sleep(intervalMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.setTimeout(1000, () => { socket.destroy(); resolve(false); });
  });
}

/**
 * TCP listeners of the given process groups that are not on loopback, from
 * `ss -ltnpH` (the runner promises to bind 127.0.0.1 only). Empty when clean.
 */
export async function nonLoopbackListeners(pids: number[]): Promise<string[]> {
  const res = await run(['ss', '-ltnpH'], { timeoutMs: 10_000 });
  if (res.code !== 0) throw new Error(`ss -ltnpH failed: ${res.stderr}`);
  const ours = new Set(pids);
  return res.stdout.split('\n').filter((line) => {
    const pidsOnLine = [...line.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
    if (!pidsOnLine.some((p) => ours.has(p))) return false;
    const local = line.trim().split(/\s+/)[3] ?? '';
    return !/^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]|\[::1\]):\d+$/.test(local);
  });
}

/** Waits for `promise` at most `ms` (the timer is cleared either way, so it never holds the process open). */
export async function atMost<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
