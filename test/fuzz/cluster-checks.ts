import { Chart, Testing } from 'cdk8s';
import { CONTROLLER_CLUSTER_DEFAULT_KEYS, KafkaCluster, KafkaClusterProps, KafkaProfile, synthWarnings } from '../../lib/kafka';
import { parseJavaProperties } from '../support/java-properties';

/** A cluster in a fresh chart, with its objects. */
export function buildCluster(props: KafkaClusterProps): { cluster: KafkaCluster; chart: Chart; objects: any[] } {
  const chart = new Chart(Testing.app(), 'fuzz');
  const cluster = new KafkaCluster(chart, 'kafka', props);
  return { cluster, chart, objects: chart.toJson() };
}

function propertiesOf(objects: any[], suffix: string): Map<string, string> | undefined {
  const cm = objects.find(o => o.kind === 'ConfigMap' && o.metadata.name.endsWith(suffix) && o.data?.['server.properties'] !== undefined);
  return cm ? parseJavaProperties(cm.data['server.properties']) : undefined;
}

function diff(label: string, actual: Map<string, string> | undefined, expected: Record<string, string>): string[] {
  if (!actual) return [`${label}: no server.properties`];
  const problems: string[] = [];
  for (const [k, v] of Object.entries(expected)) if (actual.get(k) !== v) problems.push(`${label}: ${JSON.stringify(k)} is ${JSON.stringify(actual.get(k))}, expected ${JSON.stringify(v)}`);
  for (const k of actual.keys()) if (!(k in expected)) problems.push(`${label}: extra key ${JSON.stringify(k)}`);
  return problems;
}

/**
 * What the brokers and controllers will read equals what the user declared:
 * the same cluster without the user's config (the baseline), with the user's
 * keys on top, parsed the way java.util.Properties parses. An injected line
 * is an extra key; a swallowed one a lost or changed key.
 */
export function propertiesProblems(props: KafkaClusterProps, objects: any[]): string[] {
  const baseline = baselineObjects(props);
  const brokerUser = (props.brokers?.config ?? {}) as Record<string, string>;
  const controllerUser = (props.controllers?.config ?? {}) as Record<string, string>;
  const toObj = (m: Map<string, string> | undefined) => Object.fromEntries(m ?? []);
  const problems = diff('broker server.properties', propertiesOf(objects, '-broker-config'), { ...toObj(propertiesOf(baseline, '-broker-config')), ...brokerUser });
  const baseController = propertiesOf(baseline, '-controller-config');
  if (baseController) {
    const inherited = Object.fromEntries(CONTROLLER_CLUSTER_DEFAULT_KEYS.filter(k => k in brokerUser).map(k => [k, brokerUser[k]]));
    problems.push(...diff('controller server.properties', propertiesOf(objects, '-controller-config'), { ...toObj(baseController), ...inherited, ...controllerUser }));
  }
  return problems;
}

const baselines = new Map<string, any[]>();

/**
 * The same cluster without the user's config. The base files depend only on
 * the metadata mode, the external listener and the admin user, so one
 * synth per combination serves every case (half the suite's time otherwise).
 */
function baselineObjects(props: KafkaClusterProps): any[] {
  const key = JSON.stringify([props.metadataMode, props.externalListener !== undefined, props.credentials?.adminUsername, props.zones.length]);
  let objects = baselines.get(key);
  if (!objects) {
    objects = buildCluster({ ...props, brokers: { ...props.brokers, config: undefined }, controllers: props.controllers && { ...props.controllers, config: undefined } }).objects;
    baselines.set(key, objects);
  }
  return objects;
}

/**
 * HA invariants as the brokers will read them. PRODUCTION must hold them
 * all; DEVELOPMENT may relax them, but then every StatefulSet carries the
 * ha-warning annotation and the synth prints the warning.
 */
export function haProblems(cluster: KafkaCluster, chart: Chart, objects: any[]): string[] {
  const broker = propertiesOf(objects, '-broker-config') ?? new Map<string, string>();
  const int = (k: string) => Number(broker.get(k));
  const weakened: string[] = [];
  if (!(int('min.insync.replicas') >= 2)) weakened.push('min.insync.replicas < 2');
  if (!(int('default.replication.factor') >= 3)) weakened.push('default.replication.factor < 3');
  if (!(int('default.replication.factor') > int('min.insync.replicas'))) weakened.push('RF <= min ISR');
  if (!(int('offsets.topic.replication.factor') >= 3)) weakened.push('offsets RF < 3');
  if (broker.get('unclean.leader.election.enable') !== 'false') weakened.push('unclean election');
  if (broker.get('auto.create.topics.enable') !== 'false') weakened.push('auto topic creation');
  if (cluster.zones.length < 3) weakened.push('< 3 zones');
  if (cluster.brokerCount < 3) weakened.push('< 3 brokers');
  if (!objects.some(o => o.kind === 'NetworkPolicy')) weakened.push('no NetworkPolicies');
  if (new Set(cluster.brokerNodeIds).size !== cluster.brokerNodeIds.length) return ['two brokers share a node.id'];
  if (weakened.length === 0) return [];
  if (cluster.profile === KafkaProfile.PRODUCTION) return [`PRODUCTION cluster accepted with ${weakened.join(', ')}`];
  const unmarked = objects.filter(o => o.kind === 'StatefulSet' && !o.metadata.annotations?.['kafka-platform.io/ha-warning']).map(o => o.metadata.name);
  const problems = unmarked.length > 0 ? [`DEVELOPMENT cluster with ${weakened.join(', ')}: StatefulSets without the ha-warning annotation: ${unmarked.join(', ')}`] : [];
  if (synthWarnings(chart).length === 0) problems.push(`DEVELOPMENT cluster with ${weakened.join(', ')}: no synth warning`);
  return problems;
}
