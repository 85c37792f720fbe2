import * as fs from 'fs';
import * as path from 'path';

/**
 * The layers of the library, checked on the import statements of lib/:
 * Kubernetes building blocks, then observability contracts, then the
 * components (cluster, monitoring, ecosystem), then their composition, then
 * the platform. No folder imports a folder that imports it back.
 */

const LIB = path.join(__dirname, '..', '..', 'lib');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The unit a file belongs to: a folder under lib/kafka or lib/cloud, another top folder of lib/, or a loose file. */
function unitOf(file: string): string {
  const rel = path.relative(LIB, file).replace(/\\/g, '/').replace(/\.ts$/, '').replace(/\/index$/, '/index');
  const parts = rel.split('/');
  if ((parts[0] === 'kafka' || parts[0] === 'cloud') && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  if (parts.length > 1 && parts[0] !== 'kafka' && parts[0] !== 'cloud') return parts[0];
  return rel;
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  return undefined;
}

/** unit -> units it imports (self excluded). */
function importGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(LIB)) {
    const unit = unitOf(file);
    const edges = graph.get(unit) ?? new Set<string>();
    graph.set(unit, edges);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g)) {
      const target = resolveImport(file, m[1]);
      if (target && unitOf(target) !== unit) edges.add(unitOf(target));
    }
  }
  return graph;
}

const graph = importGraph();
const importsOf = (unit: string): string[] => [...(graph.get(unit) ?? [])].sort();

describe('layers of lib/', () => {
  test('the graph is read from the real tree', () => {
    expect(importsOf('kafka/ecosystem')).toContain('kafka/k8s');
    expect(importsOf('kafka/monitoring')).toContain('kafka/observability');
  });

  test('no two folders import each other', () => {
    const pairs: string[] = [];
    for (const [a, targets] of graph) for (const b of targets) if (a < b && graph.get(b)?.has(a)) pairs.push(`${a} <-> ${b}`);
    expect(pairs).toEqual([]);
  });

  test('Kubernetes building blocks import no other layer', () => {
    expect(importsOf('kafka/k8s').filter(u => !['errors', 'kafka/types', 'kafka/constants'].includes(u))).toEqual([]);
  });

  test('ACL builders (Kafka building blocks) import only the public types', () => {
    expect(importsOf('kafka/acls').filter(u => u !== 'kafka/types')).toEqual([]);
  });

  test('observability contracts import only the building blocks', () => {
    expect(importsOf('kafka/observability').filter(u => !['errors', 'kafka/types', 'kafka/constants', 'kafka/k8s'].includes(u))).toEqual([]);
  });

  test('monitoring imports only the building blocks and contracts, never the ecosystem', () => {
    expect(importsOf('kafka/monitoring').filter(u => !['errors', 'kafka/types', 'kafka/constants', 'kafka/k8s', 'kafka/acls', 'kafka/observability'].includes(u))).toEqual([]);
  });

  test('the ecosystem composes monitoring, and nothing below it imports the ecosystem back', () => {
    expect(importsOf('kafka/ecosystem')).toContain('kafka/monitoring');
    const importers = [...graph.keys()].filter(u => graph.get(u)!.has('kafka/ecosystem')).sort();
    expect(importers.filter(u => !['index', 'platform'].includes(u))).toEqual([]);
  });
});
