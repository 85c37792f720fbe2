/**
 * Validates synthesized Kubernetes objects with two independent, real
 * validators:
 *
 *  (a) the official OpenAPI schema, via `kubernetes-models@4` (types, required
 *      fields, enums, formats). It ignores unknown fields.
 *  (b) unknown-field detection against the generated models of
 *      `@kubernetes/client-node` (every field of every built-in type).
 *
 * Custom resources with a kubernetes-models package (cert-manager.io kinds,
 * see crd-fields.ts) get the same two checks: (a) the package's schema
 * validator, (b) unknown fields against the property tree of the CRD schema.
 *
 * `validateManifests(objects)` returns one string per problem; tests assert
 * that the list is empty.
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FieldNode, loadCrdModel } from './crd-fields';

export interface ValidateOptions {
  /**
   * Kinds without any model (CRDs other than the cert-manager ones, e.g.
   * `monitoring.coreos.com/v1/ServiceMonitor`) that the caller accepts, as
   * `<apiVersion>/<kind>`. Their `metadata` is still checked; the rest is not.
   * Any other unknown kind is reported. Kinds with a model are always fully
   * validated, listed here or not.
   * @default []
   */
  readonly allowedKinds?: string[];
}

interface Attribute {
  readonly name: string;
  readonly baseName: string;
  readonly type: string;
}

type FieldModels = Record<string, Attribute[]>;

const DUMP_SCRIPT = path.join(__dirname, 'dump-k8s-fields.mjs');
let cachedModels: FieldModels | undefined;

/** Every client-node model's attribute map, computed once per jest worker and cached on disk per package version. */
export function loadFieldModels(): FieldModels {
  if (cachedModels) return cachedModels;
  const pkgJsonPath = require.resolve('@kubernetes/client-node/package.json');
  const version: string = JSON.parse(fs.readFileSync(pkgJsonPath, 'utf8')).version;
  const scriptHash = crypto.createHash('sha256').update(fs.readFileSync(DUMP_SCRIPT)).digest('hex').slice(0, 12);
  const cacheFile = path.join(os.tmpdir(), `cdktf-kafka-platform-k8s-fields-${version}-${scriptHash}.json`);
  let json: string | undefined;
  try {
    json = fs.readFileSync(cacheFile, 'utf8');
    cachedModels = JSON.parse(json);
  } catch {
    json = execFileSync(process.execPath, [DUMP_SCRIPT], { cwd: path.dirname(pkgJsonPath), maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    cachedModels = JSON.parse(json);
    // Write-then-rename so concurrent workers never read a half-written file.
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, json);
    fs.renameSync(tmp, cacheFile);
  }
  if (!cachedModels || !cachedModels.V1ObjectMeta) {
    throw new Error(`k8s-validate: no models found by ${DUMP_SCRIPT}`);
  }
  return cachedModels;
}

/** `apps/v1` → `kubernetes-models/apps/v1/<Kind>`; `v1` → `kubernetes-models/v1/<Kind>`. */
function loadSchemaModel(apiVersion: string, kind: string): any | undefined {
  if (!/^[a-z0-9.\-]+(\/[a-z0-9]+)?$/.test(apiVersion) || !/^[A-Za-z0-9]+$/.test(kind)) return undefined;
  try {
    const mod = require(`kubernetes-models/${apiVersion}/${kind}`);
    return mod[kind];
  } catch {
    return undefined;
  }
}

/** client-node names models `<Version><Kind>` (`V1StatefulSet`); a few clash and carry the group (`CoreV1Event`). */
function fieldModelName(models: FieldModels, apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['core', apiVersion];
  const ver = version.charAt(0).toUpperCase() + version.slice(1);
  const groupPrefix = group.split('.')[0].replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
  for (const candidate of [`${groupPrefix}${ver}${kind}`, `${ver}${kind}`]) {
    const attrs = models[candidate];
    if (!attrs) continue;
    // Make sure the model really is that kind (has apiVersion/kind/metadata).
    if (attrs.some(a => a.baseName === 'metadata')) return candidate;
  }
  return undefined;
}

const PRIMITIVES = new Set(['string', 'number', 'boolean', 'Date', 'any', 'object']);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Walks `value` as client-node type `type`, reporting unknown keys and structural mismatches. */
function walk(models: FieldModels, type: string, value: unknown, at: string, errors: string[]): void {
  if (value === undefined) return;
  if (type === 'any' || type === 'object') return;
  if (type === 'IntOrString') {
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isInteger(value))) {
      errors.push(`${at}: expected int-or-string, got ${describe(value)}`);
    }
    return;
  }
  if (type === 'string' || type === 'Date') {
    if (typeof value !== 'string') errors.push(`${at}: expected string, got ${describe(value)}`);
    return;
  }
  if (type === 'number') {
    if (typeof value !== 'number') errors.push(`${at}: expected number, got ${describe(value)}`);
    return;
  }
  if (type === 'boolean') {
    if (typeof value !== 'boolean') errors.push(`${at}: expected boolean, got ${describe(value)}`);
    return;
  }
  const arrayMatch = /^Array<(.+)>$/.exec(type);
  if (arrayMatch) {
    if (!Array.isArray(value)) {
      errors.push(`${at}: expected array, got ${describe(value)}`);
      return;
    }
    value.forEach((item, i) => walk(models, arrayMatch[1], item, `${at}[${i}]`, errors));
    return;
  }
  const mapMatch = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (mapMatch) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push(`${at}: expected map, got ${describe(value)}`);
      return;
    }
    for (const [k, v] of Object.entries(value)) walk(models, mapMatch[1], v, `${at}[${JSON.stringify(k)}]`, errors);
    return;
  }
  const attrs = models[type];
  if (!attrs) {
    if (!PRIMITIVES.has(type)) errors.push(`${at}: validator does not know client-node type ${type}`);
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push(`${at}: expected object ${type}, got ${describe(value)}`);
    return;
  }
  const byName = new Map(attrs.map(a => [a.baseName, a]));
  for (const [k, v] of Object.entries(value)) {
    const attr = byName.get(k);
    if (!attr) {
      errors.push(`${at}.${k}: unknown field (not in ${type})`);
      continue;
    }
    walk(models, attr.type, v, `${at}.${k}`, errors);
  }
}

/** Walks `value` along a CRD schema's property tree, reporting keys the schema does not have. */
function walkCrd(models: FieldModels, node: FieldNode, value: unknown, at: string, source: string, errors: string[]): void {
  if (value === undefined || value === null) return;
  switch (node.t) {
    case 'any':
      return;
    case 'objectMeta':
      walk(models, 'V1ObjectMeta', value, at, errors);
      return;
    case 'array':
      // A non-array here is a type error, which the schema validator reports.
      if (Array.isArray(value)) value.forEach((item, i) => walkCrd(models, node.items, item, `${at}[${i}]`, source, errors));
      return;
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value)) return;
      for (const [k, v] of Object.entries(value)) {
        const known = Object.prototype.hasOwnProperty.call(node.props, k) ? node.props[k] : undefined;
        if (known) {
          walkCrd(models, known, v, `${at}.${k}`, source, errors);
        } else if (node.additional) {
          walkCrd(models, node.additional, v, `${at}[${JSON.stringify(k)}]`, source, errors);
        } else {
          errors.push(`${at}.${k}: unknown field (not in the ${source} schema)`);
        }
      }
  }
}

/** Runs a kubernetes-models validator and turns its AJV errors into one line each. */
function schemaErrors(label: string, validate: () => void, errors: string[]): void {
  try {
    validate();
  } catch (e: any) {
    const details: any[] = Array.isArray(e?.errors) ? e.errors : [];
    if (details.length === 0) {
      errors.push(`${label}: schema: ${e?.message ?? String(e)}`);
    }
    for (const d of details) {
      errors.push(`${label}: schema: ${d.instancePath || '/'} ${d.message}${d.params ? ' ' + JSON.stringify(d.params) : ''}`);
    }
  }
}

function objectLabel(obj: any, index: number): string {
  const kind = obj?.kind ?? '?';
  const name = obj?.metadata?.name ?? '?';
  return `#${index} ${obj?.apiVersion ?? '?'} ${kind} ${obj?.metadata?.namespace ? obj.metadata.namespace + '/' : ''}${name}`;
}

/** Validates each object (a) against the OpenAPI schema and (b) for unknown fields. Returns problems, empty when all pass. */
export function validateManifests(objects: any[], options: ValidateOptions = {}): string[] {
  const models = loadFieldModels();
  const allowed = new Set(options.allowedKinds ?? []);
  const errors: string[] = [];
  objects.forEach((obj, index) => {
    const label = objectLabel(obj, index);
    if (typeof obj !== 'object' || obj === null || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') {
      errors.push(`${label}: not a Kubernetes object (apiVersion and kind must be strings)`);
      return;
    }
    // JSON round trip: validate exactly what would be written to YAML.
    const asWritten = () => JSON.parse(JSON.stringify(obj));
    const Schema = loadSchemaModel(obj.apiVersion, obj.kind);
    const modelName = fieldModelName(models, obj.apiVersion, obj.kind);
    const crd = Schema && modelName ? undefined : loadCrdModel(obj.apiVersion, obj.kind);
    if (crd) {
      schemaErrors(label, () => crd.validate(asWritten()), errors);
      walkCrd(models, crd.fields, obj, `${label}: `, crd.source, errors);
      return;
    }
    if (!Schema || !modelName) {
      if (allowed.has(`${obj.apiVersion}/${obj.kind}`)) {
        walk(models, 'V1ObjectMeta', obj.metadata, `${label}: metadata`, errors);
      } else {
        errors.push(`${label}: unknown kind ${obj.apiVersion}/${obj.kind} (no built-in schema; allow-list it with allowedKinds if it is a CRD you expect)`);
      }
      return;
    }
    // (a) OpenAPI schema.
    schemaErrors(label, () => new Schema(asWritten()).validate(), errors);
    // (b) Unknown fields.
    walk(models, modelName, obj, `${label}: `, errors);
  });
  return errors;
}
