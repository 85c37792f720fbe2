/**
 * Schema validation and unknown-field detection for custom resources that have
 * a kubernetes-models package (today: cert-manager, via
 * `@kubernetes-models/cert-manager`).
 *
 * The package's validator is compiled from the CRD's OpenAPI schema: it checks
 * types, enums and required fields but, like the API server for these CRDs,
 * lets unknown fields through. The package's type declarations are generated
 * from the same schema and list every property, with a string index signature
 * where the schema has `additionalProperties`. The field tree used for
 * unknown-field detection is read from them with the TypeScript compiler, so it
 * is the schema's own property list, not a hand-written copy.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as TS from 'typescript';

/** What may appear at one place of an object. */
export type FieldNode =
  /** A primitive, an enum or a free-form value: no keys to check (types are the schema validator's job). */
  | { readonly t: 'any' }
  /** `metadata`: checked against the client-node `V1ObjectMeta` model like built-in kinds. */
  | { readonly t: 'objectMeta' }
  | { readonly t: 'array'; readonly items: FieldNode }
  /** Known properties; `additional` when the schema admits other keys (`additionalProperties`). */
  | { readonly t: 'object'; readonly props: Readonly<Record<string, FieldNode>>; readonly additional?: FieldNode };

export interface CrdModel {
  /** `<package>@<version>`, for error messages. */
  readonly source: string;
  /** Throws the package's ValidationError (with AJV `errors`) when the object breaks the schema. */
  validate(data: unknown): void;
  readonly fields: FieldNode;
}

/** API groups (and their sub-groups, e.g. `acme.cert-manager.io`) served by a kubernetes-models CRD package. */
const CRD_PACKAGES: ReadonlyArray<{ readonly group: string; readonly pkg: string }> = [
  { group: 'cert-manager.io', pkg: '@kubernetes-models/cert-manager' },
];

const ANY: FieldNode = { t: 'any' };
const loaded = new Map<string, CrdModel | undefined>();

/** The model of `<apiVersion>/<kind>` if a CRD package ships one, else undefined. */
export function loadCrdModel(apiVersion: string, kind: string): CrdModel | undefined {
  const key = `${apiVersion}/${kind}`;
  if (!loaded.has(key)) loaded.set(key, findCrdModel(apiVersion, kind));
  return loaded.get(key);
}

function findCrdModel(apiVersion: string, kind: string): CrdModel | undefined {
  const m = /^([a-z0-9.-]+)\/([a-z0-9]+)$/.exec(apiVersion);
  if (!m || !/^[A-Za-z0-9]+$/.test(kind)) return undefined;
  const group = m[1];
  const entry = CRD_PACKAGES.find(p => group === p.group || group.endsWith(`.${p.group}`));
  if (!entry) return undefined;
  let modulePath: string;
  try {
    modulePath = require.resolve(`${entry.pkg}/${apiVersion}/${kind}`);
  } catch {
    return undefined;
  }
  const Model = require(modulePath)[kind];
  if (typeof Model !== 'function' || Model.apiVersion !== apiVersion || Model.kind !== kind) return undefined;
  const version: string = JSON.parse(fs.readFileSync(require.resolve(`${entry.pkg}/package.json`), 'utf8')).version;
  const dtsPath = modulePath.replace(/\.js$/, '.d.ts');
  return {
    source: `${entry.pkg}@${version}`,
    validate: (data: unknown) => new Model(data).validate(),
    fields: cachedFieldTree(dtsPath, `I${kind}`, `${entry.pkg}@${version}/${apiVersion}/${kind}`),
  };
}

/** Extracting a tree costs a TypeScript program (about a second): computed once per package version and cached on disk. */
function cachedFieldTree(dtsPath: string, interfaceName: string, id: string): FieldNode {
  const hash = crypto.createHash('sha256')
    .update(fs.readFileSync(__filename))
    .update(fs.readFileSync(require.resolve('typescript/package.json')))
    .update(id)
    .update(fs.readFileSync(dtsPath))
    .digest('hex').slice(0, 16);
  const cacheFile = path.join(os.tmpdir(), `cdktf-kafka-platform-crd-fields-${hash}.json`);
  try {
    return JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
  } catch {
    const tree = extractFieldTree(dtsPath, interfaceName);
    // Write-then-rename so concurrent workers never read a half-written file.
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(tree));
    fs.renameSync(tmp, cacheFile);
    return tree;
  }
}

/** Reads the field tree of interface `interfaceName` declared in `dtsPath`. */
export function extractFieldTree(dtsPath: string, interfaceName: string): FieldNode {
  // Loaded on a cache miss only: the compiler is large and most test files never need it.
  const ts: typeof TS = require('typescript');
  const program = ts.createProgram([dtsPath], {
    noEmit: true, skipLibCheck: true, strict: true, types: [],
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(dtsPath);
  if (!source) throw new Error(`crd-fields: cannot read ${dtsPath}`);
  const decl = source.statements.find((s): s is TS.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === interfaceName);
  if (!decl) throw new Error(`crd-fields: no interface ${interfaceName} in ${dtsPath}`);
  const root = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(decl.name)!);

  const convert = (type: TS.Type, at: string, depth: number): FieldNode => {
    if (depth > 40) throw new Error(`crd-fields: ${interfaceName}${at} nests too deeply (recursive type?)`);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return ANY;
    if (type.isUnion()) {
      const objects = type.types.filter(t => t.flags & ts.TypeFlags.Object);
      // Primitive and literal unions (enums, booleans, int-or-string) have no keys.
      if (objects.length === 0) return ANY;
      return mergeNodes(objects.map(o => convert(o, at, depth + 1)));
    }
    if (!(type.flags & ts.TypeFlags.Object)) return ANY;
    if (type.symbol?.name === 'IObjectMeta') return { t: 'objectMeta' };
    if (checker.isArrayType(type)) {
      return { t: 'array', items: convert(checker.getTypeArguments(type as TS.TypeReference)[0], `${at}[]`, depth + 1) };
    }
    const props: Record<string, FieldNode> = {};
    for (const p of checker.getPropertiesOfType(type)) props[p.name] = convert(checker.getTypeOfSymbol(p), `${at}.${p.name}`, depth + 1);
    const index = checker.getIndexInfosOfType(type).find(i => i.keyType.flags & ts.TypeFlags.String);
    const additional = index ? convert(index.type, `${at}[*]`, depth + 1) : undefined;
    // `{}`: a free-form object (x-kubernetes-preserve-unknown-fields).
    if (Object.keys(props).length === 0 && !additional) return ANY;
    return { t: 'object', props, ...(additional ? { additional } : {}) };
  };

  const tree = convert(root, '', 0);
  if (tree.t !== 'object' || !tree.props.spec || !tree.props.metadata) {
    throw new Error(`crd-fields: ${interfaceName} in ${dtsPath} does not look like a Kubernetes kind`);
  }
  return tree;
}

/** Several object shapes for one place (a oneOf): any of their keys is known. */
function mergeNodes(nodes: FieldNode[]): FieldNode {
  if (nodes.length === 1) return nodes[0];
  if (nodes.some(n => n.t === 'any')) return ANY;
  const objects = nodes.filter((n): n is Extract<FieldNode, { t: 'object' }> => n.t === 'object');
  if (objects.length !== nodes.length) return nodes[0];
  const props: Record<string, FieldNode> = {};
  for (const o of objects) {
    for (const [k, v] of Object.entries(o.props)) props[k] = props[k] ? mergeNodes([props[k], v]) : v;
  }
  const additional = objects.find(o => o.additional)?.additional;
  return { t: 'object', props, ...(additional ? { additional } : {}) };
}
