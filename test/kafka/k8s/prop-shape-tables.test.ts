import * as path from 'path';
import * as ts from 'typescript';
import { ALICLOUD_KAFKA_CLOUD_PROPS_SHAPE } from '../../../lib/cloud/alicloud/alicloud-cloud-props-shape';
import { AWS_KAFKA_CLOUD_PROPS_SHAPE } from '../../../lib/cloud/aws/aws-cloud-props-shape';
import { KAFKA_ECOSYSTEM_PROPS_SHAPE } from '../../../lib/kafka/ecosystem/ecosystem-props-shape';
import { Shape } from '../../../lib/kafka/k8s/prop-shape';
import { KAFKA_CLUSTER_PROPS_SHAPE } from '../../../lib/kafka/model/cluster-props-shape';
import { KAFKA_PLATFORM_PROPS_SHAPE, PLATFORM_KAFKA_CLUSTER_PROPS_SHAPE } from '../../../lib/platform/platform-props-shape';

/**
 * The shape tables refuse every prop they do not list, so a table must list
 * exactly the fields of its public props interface: a field added to the
 * interface but not to the table would refuse valid input. This walks each
 * table next to the interface as the TypeScript compiler sees it (nested
 * options types, arrays, maps, `boolean | Options` unions included) and
 * names every difference.
 */
const ROOTS: Array<{ file: string; type: string; shape: Shape }> = [
  { file: 'lib/kafka/model/cluster-props.ts', type: 'KafkaClusterProps', shape: KAFKA_CLUSTER_PROPS_SHAPE },
  { file: 'lib/kafka/ecosystem/kafka-ecosystem.ts', type: 'KafkaEcosystemProps', shape: KAFKA_ECOSYSTEM_PROPS_SHAPE },
  { file: 'lib/platform/kafka-platform.ts', type: 'KafkaPlatformProps', shape: KAFKA_PLATFORM_PROPS_SHAPE },
  { file: 'lib/platform/kafka-platform.ts', type: 'PlatformKafkaClusterProps', shape: PLATFORM_KAFKA_CLUSTER_PROPS_SHAPE },
  { file: 'lib/cloud/aws/aws-kafka-cloud.ts', type: 'AwsKafkaCloudProps', shape: AWS_KAFKA_CLOUD_PROPS_SHAPE },
  { file: 'lib/cloud/alicloud/alicloud-kafka-cloud.ts', type: 'AlicloudKafkaCloudProps', shape: ALICLOUD_KAFKA_CLOUD_PROPS_SHAPE },
];

const root = path.join(__dirname, '../../..');
// Only these files and what they import; no emit, no full type check: the checker answers the few questions asked lazily.
const config = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, root);
const program = ts.createProgram(ROOTS.map(r => path.join(root, r.file)), { ...config.options, noEmit: true, skipLibCheck: true });
const checker = program.getTypeChecker();

function declaredType(file: string, name: string): ts.Type {
  const source = program.getSourceFile(path.join(root, file))!;
  const declaration = source.statements.find((st): st is ts.InterfaceDeclaration | ts.TypeAliasDeclaration =>
    (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && st.name.text === name);
  if (!declaration) throw new Error(`${name} not found in ${file}`);
  return checker.getTypeAtLocation(declaration.name);
}

/** The object members of a type (drops undefined, null, boolean and other primitives of a union). */
function objectParts(type: ts.Type): ts.Type[] {
  const parts = type.isUnion() ? type.types : [type];
  return parts.filter(t => (t.flags & ts.TypeFlags.Object) !== 0 || t.isIntersection());
}

function differences(shape: Shape, type: ts.Type, at: string, out: string[]): void {
  const s = shape.structure;
  if (!s) return; // a leaf, `anything`, or an instance checked by its methods
  if (s.kind === 'optional') return differences(s.inner, type, at, out);
  if (s.kind === 'either') return s.shapes.forEach(inner => differences(inner, type, at, out));
  if (s.kind === 'refused') return;
  const [object] = objectParts(type);
  if (!object) return void out.push(`${at}: the table has ${s.kind} shape, the interface ${checker.typeToString(type)}`);
  if (s.kind === 'array') {
    const element = checker.isArrayType(object) || checker.isTupleType(object) ? checker.getTypeArguments(object as ts.TypeReference)[0] : undefined;
    return element ? differences(s.item, element, `${at.replace(/\.$/, '')}[].`, out) : void out.push(`${at}: the table has an array, the interface ${checker.typeToString(type)}`);
  }
  if (s.kind === 'map') {
    const entry = checker.getIndexTypeOfType(object, ts.IndexKind.String);
    return entry ? differences(s.entry, entry, `${at.replace(/\.$/, '')}[*].`, out) : void out.push(`${at}: the table has a map, the interface ${checker.typeToString(type)}`);
  }
  const declared = new Map(checker.getPropertiesOfType(object).map(p => [p.name, p]));
  const listed = Object.keys(s.fields);
  for (const name of declared.keys()) if (!listed.includes(name)) out.push(`${at}${name}: declared in the interface, missing from the shape table (valid input would be refused)`);
  for (const name of listed) if (!declared.has(name) && s.fields[name].structure?.kind !== 'refused') out.push(`${at}${name}: in the shape table, not in the interface ${checker.typeToString(object)}`);
  for (const name of listed) if (declared.has(name) && s.fields[name].structure?.kind === 'refused') out.push(`${at}${name}: refused by the shape table, but declared in the interface`);
  for (const [name, symbol] of declared) {
    if (s.fields[name]) differences(s.fields[name], checker.getNonNullableType(checker.getTypeOfSymbol(symbol)), `${at}${name}.`, out);
  }
}

test.each(ROOTS.map(r => [r.type, r] as const))('the shape table of %s lists exactly the fields of the interface', (_name, r) => {
  const out: string[] = [];
  differences(r.shape, declaredType(r.file, r.type), '', out);
  expect(out).toEqual([]);
});

test('the walk sees a missing field (negative control)', () => {
  const out: string[] = [];
  const { objectOf, optional, int } = require('../../../lib/kafka/k8s/prop-shape');
  differences(objectOf({ zones: optional(int()), brokers: optional(objectOf({ replica: optional(int()) })) }), declaredType('lib/kafka/model/cluster-props.ts', 'KafkaClusterProps'), '', out);
  expect(out).toEqual(expect.arrayContaining([
    'namespace: declared in the interface, missing from the shape table (valid input would be refused)',
    'brokers.replicas: declared in the interface, missing from the shape table (valid input would be refused)',
    expect.stringMatching(/^brokers\.replica: in the shape table, not in the interface/),
  ]));
});
