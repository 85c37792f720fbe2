import { validateManifests } from '../../support/k8s-validate';
import { KafkaConnector, KafkaEcosystem } from '../../../lib/kafka/ecosystem';
import { EVERYTHING, ofKind, synthEcosystem, synthWith } from './support';

/** A pod as NetworkPolicies see it. */
interface Pod { namespace: string; labels: Record<string, string> }

function matches(selector: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  if (selector.matchExpressions?.length) throw new Error('matchExpressions are not evaluated by this test');
  return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}

/** Kubernetes NetworkPolicy ingress semantics for one policy that selects the destination pod. */
function policyAdmits(policy: any, from: Pod, port: number, protocol = 'TCP'): boolean {
  return (policy.spec.ingress ?? []).some((rule: any) => {
    const portOk = !rule.ports || rule.ports.some((p: any) => p.port === port && (p.protocol ?? 'TCP') === protocol);
    if (!portOk) return false;
    if (!rule.from) return true;
    return rule.from.some((peer: any) => {
      const nsOk = peer.namespaceSelector
        ? matches(peer.namespaceSelector, { 'kubernetes.io/metadata.name': from.namespace })
        : from.namespace === policy.metadata.namespace;
      return nsOk && matches(peer.podSelector, from.labels);
    });
  });
}

describe('NetworkPolicies of the ecosystem components (least privilege)', () => {
  // One connector, so the submission Job exists and its access to the REST API is checked.
  const { objects, result: ecosystem, cluster } = synthWith((c, chart) => {
    const eco = new KafkaEcosystem(chart, 'eco', { cluster: c, ...EVERYTHING });
    new KafkaConnector(eco.connect!, 'orders-sink', {
      connect: eco.connect!,
      connectorClass: 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      config: { topics: 'orders', file: '/tmp/orders.txt' },
    });
    return eco;
  });
  const policies = ofKind(objects, 'NetworkPolicy');
  const workloads = [...ofKind(objects, 'Deployment'), ...ofKind(objects, 'StatefulSet')]
    .filter(w => !/^kafka-(broker|controller|zookeeper)/.test(w.metadata.name));
  const podOf = (name: string): Pod => {
    const w = workloads.find(x => x.metadata.name === name);
    if (!w) throw new Error(`no workload ${name}`);
    return { namespace: w.metadata.namespace, labels: w.spec.template.metadata.labels };
  };
  /** Whether `from` reaches port `port` of the pods of workload `to` (policies in `to`'s namespace that select it). */
  const reaches = (from: Pod, to: string, port: number, protocol = 'TCP'): boolean => {
    const target = podOf(to);
    const selecting = policies.filter(p => p.metadata.namespace === target.namespace && matches(p.spec.podSelector, target.labels));
    if (selecting.length === 0) return true;
    return selecting.some(p => policyAdmits(p, from, port, protocol));
  };
  const stranger: Pod = { namespace: 'kafka', labels: { app: 'something-else' } };
  const strangerElsewhere: Pod = { namespace: 'apps', labels: { app: 'orders' } };
  const prometheus = podOf('kafka-prometheus');
  const grafana = podOf('kafka-grafana');

  test('the policies are valid Kubernetes objects', () => {
    expect(validateManifests(policies)).toEqual([]);
  });

  test('every ecosystem workload is selected by a policy, and no rule is open to every source', () => {
    for (const w of workloads) {
      const pod = podOf(w.metadata.name);
      const selecting = policies.filter(p => p.metadata.namespace === pod.namespace && matches(p.spec.podSelector, pod.labels) && p.spec.policyTypes.includes('Ingress'));
      expect({ workload: w.metadata.name, policies: selecting.length }).toEqual({ workload: w.metadata.name, policies: 1 });
      for (const rule of selecting[0].spec.ingress) {
        expect({ workload: w.metadata.name, from: rule.from?.length ?? 0 }).not.toEqual({ workload: w.metadata.name, from: 0 });
        // A peer without pod labels admits whole namespaces (or, with `namespaceSelector: {}`, everything).
        for (const peer of rule.from) expect({ workload: w.metadata.name, podLabels: Object.keys(peer.podSelector?.matchLabels ?? {}).length > 0 }).toEqual({ workload: w.metadata.name, podLabels: true });
      }
    }
  });

  test('every container port of every ecosystem workload is closed to an unlabelled pod, in the same namespace or another', () => {
    for (const w of workloads) {
      for (const c of w.spec.template.spec.containers) {
        for (const p of c.ports ?? []) {
          for (const from of [stranger, strangerElsewhere, { ...strangerElsewhere, namespace: w.metadata.namespace }]) {
            expect({ to: w.metadata.name, port: p.containerPort, from, open: reaches(from, w.metadata.name, p.containerPort) })
              .toEqual({ to: w.metadata.name, port: p.containerPort, from, open: false });
          }
        }
      }
    }
  });

  test('Schema Registry: replicas, Connect, ksqlDB, the UI and labelled clients reach the API; only Prometheus reaches the metrics', () => {
    const sr = ecosystem.schemaRegistry!;
    for (const caller of ['kafka-schema-registry', 'kafka-connect', 'kafka-ksqldb', 'kafka-ui']) {
      expect({ caller, open: reaches(podOf(caller), 'kafka-schema-registry', 8081) }).toEqual({ caller, open: true });
    }
    expect(reaches({ namespace: 'apps', labels: { [sr.clientLabel.key]: sr.clientLabel.value } }, 'kafka-schema-registry', 8081)).toBe(true);
    expect(sr.clientLabel).toEqual({ key: 'kafka-platform.io/kafka-schema-registry-client', value: 'true' });
    expect(reaches(prometheus, 'kafka-schema-registry', 9404)).toBe(true);
    expect(reaches(prometheus, 'kafka-schema-registry', 8081)).toBe(false);
    expect(reaches(grafana, 'kafka-schema-registry', 9404)).toBe(false);
    expect(reaches(podOf('kafka-connect'), 'kafka-schema-registry', 9404)).toBe(false);
    // A Kafka client of the cluster is not, by that alone, a Schema Registry client.
    expect(reaches({ namespace: 'kafka', labels: { [cluster.clientAccessLabel.key]: cluster.clientAccessLabel.value } }, 'kafka-schema-registry', 8081)).toBe(false);
  });

  test('Kafka Connect: workers, the UI and the submission Job reach the REST API; only Prometheus reaches the metrics', () => {
    const jobs = ofKind(objects, 'Job').filter(j => j.metadata.name.startsWith('kafka-connect-connectors-'));
    expect(jobs).toHaveLength(1);
    const jobPod: Pod = { namespace: jobs[0].metadata.namespace, labels: jobs[0].spec.template.metadata.labels };
    expect(reaches(podOf('kafka-connect'), 'kafka-connect', 8083)).toBe(true);
    expect(reaches(podOf('kafka-ui'), 'kafka-connect', 8083)).toBe(true);
    // The Job gets in by the REST client label, and by nothing else.
    const label = ecosystem.connect!.restClientLabel;
    expect(jobPod.labels[label.key]).toBe(label.value);
    expect(reaches(jobPod, 'kafka-connect', 8083)).toBe(true);
    const { [label.key]: _dropped, ...unlabelled } = jobPod.labels;
    expect(reaches({ namespace: jobPod.namespace, labels: unlabelled }, 'kafka-connect', 8083)).toBe(false);
    expect(reaches(prometheus, 'kafka-connect', 9404)).toBe(true);
    expect(reaches(strangerElsewhere, 'kafka-connect', 9404)).toBe(false);
    expect(reaches(podOf('kafka-ksqldb'), 'kafka-connect', 8083)).toBe(false);
  });

  test('ksqlDB: servers, the UI and labelled clients reach the API; only Prometheus reaches the metrics', () => {
    const ksql = ecosystem.ksqlDb!;
    expect(reaches(podOf('kafka-ksqldb'), 'kafka-ksqldb', 8088)).toBe(true);
    expect(reaches(podOf('kafka-ui'), 'kafka-ksqldb', 8088)).toBe(true);
    expect(reaches({ namespace: 'apps', labels: { [ksql.clientLabel.key]: 'true' } }, 'kafka-ksqldb', 8088)).toBe(true);
    expect(reaches(podOf('kafka-connect'), 'kafka-ksqldb', 8088)).toBe(false);
    expect(reaches(prometheus, 'kafka-ksqldb', 9404)).toBe(true);
  });

  test('Kafbat UI: labelled clients (e.g. the ingress controller) and the scraping Prometheus only', () => {
    const ui = ecosystem.ui!;
    expect(reaches({ namespace: 'ingress-nginx', labels: { [ui.clientLabel.key]: 'true' } }, 'kafka-ui', 8080)).toBe(true);
    expect(reaches(prometheus, 'kafka-ui', 8080)).toBe(true);
    expect(reaches(grafana, 'kafka-ui', 8080)).toBe(false);
  });

  test('Grafana: labelled clients only; Prometheus: labelled clients and Grafana', () => {
    const g = ecosystem.grafana!;
    const p = ecosystem.monitoring!.prometheus;
    expect(reaches({ namespace: 'ingress-nginx', labels: { [g.clientLabel.key]: 'true' } }, 'kafka-grafana', 3000)).toBe(true);
    expect(reaches(prometheus, 'kafka-grafana', 3000)).toBe(false);
    expect(reaches(grafana, 'kafka-prometheus', 9090)).toBe(true);
    expect(reaches({ namespace: 'ops', labels: { [p.clientLabel.key]: 'true' } }, 'kafka-prometheus', 9090)).toBe(true);
    expect(reaches(podOf('kafka-ui'), 'kafka-prometheus', 9090)).toBe(false);
  });

  test('Alertmanager: Prometheus and labelled clients reach the API; replicas gossip over TCP and UDP', () => {
    const am = ecosystem.monitoring!.alertmanager!;
    const amPod = podOf('kafka-alertmanager');
    expect(reaches(prometheus, 'kafka-alertmanager', 9093)).toBe(true);
    expect(reaches({ namespace: 'ops', labels: { [am.clientLabel.key]: 'true' } }, 'kafka-alertmanager', 9093)).toBe(true);
    expect(reaches(grafana, 'kafka-alertmanager', 9093)).toBe(false);
    expect(reaches(amPod, 'kafka-alertmanager', 9094, 'TCP')).toBe(true);
    expect(reaches(amPod, 'kafka-alertmanager', 9094, 'UDP')).toBe(true);
    expect(reaches(prometheus, 'kafka-alertmanager', 9094)).toBe(false);
  });

  test('kafka-exporter: only Prometheus', () => {
    expect(reaches(prometheus, 'kafka-kafka-exporter', 9308)).toBe(true);
    expect(reaches(grafana, 'kafka-kafka-exporter', 9308)).toBe(false);
  });

  test('the policies follow the scrape config: each scraped ecosystem port admits the Prometheus pods in their namespace', () => {
    const scrapeTargets = [ecosystem.schemaRegistry!.scrapeTarget, ecosystem.connect!.scrapeTarget, ecosystem.ksqlDb!.scrapeTarget, ecosystem.ui!.scrapeTarget, ecosystem.monitoring!.kafkaExporter.scrapeTarget];
    for (const t of scrapeTargets) {
      const workload = workloads.find(w => Object.entries(t.podSelector).every(([k, v]) => w.spec.template.metadata.labels[k] === v))!;
      expect({ job: t.jobName, open: reaches(prometheus, workload.metadata.name, t.port) }).toEqual({ job: t.jobName, open: true });
    }
  });
});

describe('NetworkPolicies without monitoring', () => {
  test('nobody is admitted to the metrics ports when no Prometheus of ours scrapes them', () => {
    const { objects } = synthEcosystem({ monitoring: false, ksqlDb: true });
    for (const name of ['kafka-schema-registry-ingress', 'kafka-connect-ingress', 'kafka-ksqldb-ingress']) {
      const policy = objects.find(o => o.kind === 'NetworkPolicy' && o.metadata.name === name);
      expect(policy).toBeDefined();
      const ports = policy.spec.ingress.flatMap((r: any) => r.ports.map((p: any) => p.port));
      expect({ name, ports }).toEqual({ name, ports: [name === 'kafka-ksqldb-ingress' ? 8088 : name === 'kafka-connect-ingress' ? 8083 : 8081] });
    }
  });
});
