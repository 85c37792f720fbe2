import { Chart, Testing } from 'cdk8s';
import { KafkaCluster, KafkaClusterProps } from '../../../lib/kafka';
import { KafkaEcosystem, KafkaEcosystemProps } from '../../../lib/kafka/ecosystem';

export const ZONES = ['zone-a', 'zone-b', 'zone-c'];

/** A real KafkaCluster plus whatever `build` attaches to it, synthesized. */
export function synthWith<T>(build: (cluster: KafkaCluster, chart: Chart) => T, clusterProps: Partial<KafkaClusterProps> = {}): { cluster: KafkaCluster; chart: Chart; objects: any[]; result: T } {
  const app = Testing.app();
  const chart = new Chart(app, 'test');
  const cluster = new KafkaCluster(chart, 'kafka', { zones: ZONES, ...clusterProps });
  const result = build(cluster, chart);
  return { cluster, chart, objects: chart.toJson(), result };
}

/** The ecosystem with the given switches on a real KafkaCluster. */
export function synthEcosystem(props: Omit<KafkaEcosystemProps, 'cluster'> = {}, clusterProps: Partial<KafkaClusterProps> = {}) {
  const { cluster, chart, objects, result } = synthWith((c, ch) => new KafkaEcosystem(ch, 'eco', { cluster: c, ...props }), clusterProps);
  return { cluster, chart, objects, ecosystem: result };
}

/** Every component switched on. */
export const EVERYTHING: Omit<KafkaEcosystemProps, 'cluster'> = {
  schemaRegistry: true,
  connect: true,
  monitoring: { alertmanager: { receiver: { webhook: { url: 'http://alert-relay.ops.svc:8080/alerts' } } } },
  grafana: true,
  ui: true,
  ksqlDb: true,
};

export function find(objects: any[], kind: string, name: string): any {
  const found = objects.find(o => o.kind === kind && o.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in ${objects.map(o => `${o.kind}/${o.metadata?.name}`).join(', ')}`);
  return found;
}

export function ofKind(objects: any[], kind: string): any[] {
  return objects.filter(o => o.kind === kind);
}

/** Every container (init and main) of every pod template in the objects. */
export function allContainers(objects: any[]): Array<{ owner: string; container: any; init: boolean }> {
  const out: Array<{ owner: string; container: any; init: boolean }> = [];
  for (const o of objects) {
    const spec = o.spec?.template?.spec ?? o.spec?.jobTemplate?.spec?.template?.spec;
    if (!spec) continue;
    for (const c of spec.containers ?? []) out.push({ owner: `${o.kind}/${o.metadata.name}`, container: c, init: false });
    for (const c of spec.initContainers ?? []) out.push({ owner: `${o.kind}/${o.metadata.name}`, container: c, init: true });
  }
  return out;
}

export function envMap(container: any): Record<string, any> {
  return Object.fromEntries((container.env ?? []).map((e: any) => [e.name, e.value ?? e.valueFrom]));
}

export function podSpec(workload: any): any {
  return workload.spec.template.spec;
}
