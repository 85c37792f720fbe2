import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KafkaPlatformValidationError } from '../../lib/errors';
import { validateManifests } from '../support/k8s-validate';

/**
 * The judge of one generated case: exactly one of (1) a
 * KafkaPlatformValidationError naming the construct and the prop, or (2)
 * output that passes the checks. Anything else (a TypeError, an error
 * without a prop, bad output) is a failure carrying the case.
 */

export type Outcome<T> = { readonly refused: KafkaPlatformValidationError } | { readonly built: T };

export function attempt<T>(build: () => T): Outcome<T> {
  try {
    return { built: build() };
  } catch (e) {
    if (e instanceof KafkaPlatformValidationError) {
      if (!e.prop || !e.constructPath || !e.fix) throw new Error(`validation error without construct path, prop or fix: ${e.message}`);
      return { refused: e };
    }
    throw e;
  }
}

const TOKEN = /[$#]\{(Tf)?Token\[/;

/** Checks every accepted output gets: unique kind/namespace/name, no unresolved token, StatefulSet names that fit their revision label. */
export function cheapObjectProblems(objects: any[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const o of objects) {
    const key = `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
    if (seen.has(key)) problems.push(`duplicate object ${key}`);
    seen.add(key);
    if (o.kind === 'StatefulSet' && o.metadata.name.length > 52) problems.push(`StatefulSet name ${o.metadata.name} is over 52 characters`);
  }
  const json = JSON.stringify(objects);
  if (TOKEN.test(json)) problems.push(`unresolved token in the output: ${TOKEN.exec(json)![0]}`);
  return problems;
}

/**
 * The Kubernetes validator costs tens of milliseconds per object list, so it
 * runs on the first accepted cases and then on every `every`-th one.
 */
export class SampledValidator {
  public validated = 0;
  private accepted = 0;
  constructor(private readonly every: number, private readonly first = 5) {}

  public problems(objects: any[]): string[] {
    this.accepted++;
    if (this.accepted > this.first && this.accepted % this.every !== 0) return [];
    this.validated++;
    return validateManifests(objects, { allowedKinds: ['monitoring.coreos.com/v1/ServiceMonitor'] });
  }
}

/** Collects Prometheus rule files and configs, and checks them in one promtool run each (promtool starts in ~50 ms; per case that would dominate). */
export class PromtoolBatch {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-promtool-'));
  private readonly rules: Array<{ file: string; label: string }> = [];

  public addRules(label: string, yaml: string): void {
    const file = path.join(this.dir, `rules-${this.rules.length}.yaml`);
    fs.writeFileSync(file, yaml);
    this.rules.push({ file, label });
  }

  public get size(): number {
    return this.rules.length;
  }

  /** Problems, naming the case of each failing file (files are checked one by one only when the batch fails). */
  public check(): string[] {
    const run = (files: string[]): string | undefined => {
      try {
        execFileSync('promtool', ['check', 'rules', ...files], { encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
        return undefined;
      } catch (e: any) {
        return `${e.stdout ?? ''}${e.stderr ?? ''}`.slice(0, 600);
      }
    };
    try {
      if (this.rules.length === 0 || run(this.rules.map(r => r.file)) === undefined) return [];
      return this.rules.flatMap(r => {
        const out = run([r.file]);
        return out === undefined ? [] : [`promtool refuses the rules of ${r.label}: ${out}`];
      });
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/** JSON for a failure message that keeps control characters and lone surrogates visible. */
export function show(value: unknown): string {
  const seen = new WeakSet();
  return JSON.stringify(value, (_k, v) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (v === undefined) return '<undefined>';
    if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) return '<cycle>';
      seen.add(v);
      if (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return `<${v.constructor?.name ?? 'object'}>`;
    }
    return v;
  })?.slice(0, 2000) ?? String(value);
}
