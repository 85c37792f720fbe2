/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Kubernetes objects as plain JSON documents (what `cdk8s synth` and the
 * GitOps writer produce), and the few lookups the local runner needs. No
 * cdk8s import: the verify command reads YAML files, not constructs.
 */

/** A synthesized Kubernetes object, as plain JSON (what `cdk8s synth` writes as YAML). */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  readonly spec?: any;
  readonly data?: Record<string, string>;
  readonly stringData?: Record<string, string>;
  readonly [key: string]: any;
}

export function byKind(objects: K8sObject[], kind: string): K8sObject[] {
  return objects.filter((o) => o.kind === kind);
}

/** The one Job named `<prefix>-<hash>` (Jobs carry a hash of what they apply in their name). */
export function jobNamed(objects: K8sObject[], prefix: string): K8sObject {
  const hits = byKind(objects, 'Job').filter((j) => j.metadata.name.startsWith(`${prefix}-`));
  if (hits.length !== 1) throw new Error(`expected one ${prefix} Job, found ${hits.map((j) => j.metadata.name).join(', ') || 'none'}`);
  return hits[0];
}

export function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const hit = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!hit) {
    throw new Error(`no ${kind} named ${name} in the synthesized objects (have: ${byKind(objects, kind).map((o) => o.metadata.name).join(', ') || 'none'})`);
  }
  return hit;
}

/** True when every label of `selector` is on `labels`. */
export function matches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** The pod template of a workload (StatefulSet, Deployment, Job). */
export function podTemplate(workload: K8sObject): { metadata: any; spec: any } {
  const template = workload.spec?.template;
  if (!template?.spec) throw new Error(`${workload.kind}/${workload.metadata.name} has no pod template`);
  return template;
}

/** Parses a Java properties file (enough for what our ConfigMaps contain: key=value, comments, escapes). */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const logical: string[] = [];
  let buffer = '';
  for (const raw of text.split('\n')) {
    const line = buffer ? raw.trimStart() : raw;
    if (/(^|[^\\])(\\\\)*\\$/.test(line)) {
      buffer += line.slice(0, -1);
      continue;
    }
    logical.push(buffer + line);
    buffer = '';
  }
  if (buffer) logical.push(buffer);
  for (const line of logical) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith('!')) continue;
    const m = /^((?:\\.|[^=:\s\\])+)\s*[=:\s]\s*(.*)$/.exec(trimmed);
    if (!m) {
      out[unescape(trimmed)] = '';
      continue;
    }
    out[unescape(m[1])] = unescape(m[2]);
  }
  return out;
}

function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', f: '\f' } as Record<string, string>)[c] ?? c;
  });
}
