import { Chart, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ILoadBalancerFlavour, KafkaCluster, KafkaClusterProps, LoadBalancerFlavourProblem, synthWarnings } from '../../lib/kafka';

export const ZONES = ['zone-a', 'zone-b', 'zone-c'];

/** Builds a cluster in a fresh chart and returns it with its synthesized objects. */
export function synth(props: Partial<KafkaClusterProps> = {}, configure?: (cluster: KafkaCluster, chart: Chart) => void): { cluster: KafkaCluster; objects: any[]; chart: Chart } {
  const app = Testing.app();
  const chart = new Chart(app, 'test');
  const cluster = new KafkaCluster(chart, 'kafka', { zones: ZONES, ...props });
  configure?.(cluster, chart);
  return { cluster, objects: chart.toJson(), chart };
}

export function find(objects: any[], kind: string, name: string): any {
  const found = objects.find(o => o.kind === kind && o.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in ${objects.map(o => `${o.kind}/${o.metadata?.name}`).join(', ')}`);
  return found;
}

export function all(objects: any[], kind: string): any[] {
  return objects.filter(o => o.kind === kind);
}

export function envOf(container: any): Record<string, any> {
  return Object.fromEntries((container.env ?? []).map((e: any) => [e.name, e.value ?? e.valueFrom]));
}

/** Parses a Java properties file (the simple subset we generate). */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const i = line.indexOf('=');
    out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

export function brokerStatefulSets(objects: any[]): any[] {
  return all(objects, 'StatefulSet').filter(s => s.metadata.labels['app.kubernetes.io/component'] === 'broker');
}

export function controllerStatefulSets(objects: any[]): any[] {
  return all(objects, 'StatefulSet').filter(s => s.metadata.labels['app.kubernetes.io/component'] === 'controller');
}

/** A stand-in for a cloud's load balancer: the Kafka side must work with any flavour, and names none. */
export function stubFlavour(options: { loadBalancerClass?: string; problems?: LoadBalancerFlavourProblem[] } = {}): ILoadBalancerFlavour {
  return {
    name: 'stub',
    preservesClientSource: false,
    serviceFields: (exposure) => ({
      annotations: { 'lb.example.com/exposure': exposure },
      ...(options.loadBalancerClass ? { loadBalancerClass: options.loadBalancerClass } : {}),
    }),
    problems: () => options.problems ?? [],
  };
}

export const STUB_FLAVOUR = stubFlavour();

/** The warnings a synth recorded below `scope` (`cdktf synth` and `cdk8s synth` show them), as text. */
export function warningsOf(scope: IConstruct): string[] {
  return synthWarnings(scope).map(w => `${w.constructPath}: ${w.message}`);
}
