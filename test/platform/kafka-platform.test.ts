import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject } from 'cdk8s';
import { App, TerraformOutput, TerraformProvider, TerraformStack, Testing } from 'cdktf';
import { parseAllDocuments } from 'yaml';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { AwsKafkaCloud } from '../../lib/cloud/aws/aws-kafka-cloud';
import { CloudInfrastructureRequest, ICloudInfrastructure, IKafkaCloud } from '../../lib/cloud/cloud';
import { KafkaPlatformValidationError } from '../../lib/errors';
import { advertisedBrokers, externalBrokerStatefulSets } from '../support/advertised-brokers';
import { ExternalEndpoint, ILoadBalancerFlavour, LoadBalancerExposure } from '../../lib/kafka/types';
import { KafkaPlatform, PlatformKafkaClusterProps } from '../../lib/platform/kafka-platform';
import { escapeForTerraform } from '../../lib/platform/manifest-bridge';
import { validateManifests } from '../support/k8s-validate';
import { sampleObjects } from './sample-objects';

const KAFKA: PlatformKafkaClusterProps = {
  clusterName: 'events',
  externalListener: { domain: 'kafka.example.internal', loadBalancer: { exposure: LoadBalancerExposure.INTERNAL }, tls: { secretName: 'kafka-tls' } },
};

function awsCloud(): AwsKafkaCloud {
  return new AwsKafkaCloud({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] });
}

/** Synthesizes a whole app into a fresh directory; returns the directory. */
function synthApp(build: (app: App) => void): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-'));
  const app = Testing.stubVersion(new App({ outdir, stackTraces: false }));
  build(app);
  app.synth();
  return outdir;
}

function readStack(outdir: string, stack: string): any {
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
}

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
  });
  walk(dir);
  return out;
}

/** A bare `type: LoadBalancer` Service, as MetalLB or kind would take it. */
const GENERIC_FLAVOUR: ILoadBalancerFlavour = { name: 'generic', preservesClientSource: true, serviceFields: () => ({ annotations: {} }), problems: () => [] };

/** A cloud that is not AWS: proves the platform only talks to the interface. */
class FakeCloud implements IKafkaCloud {
  public readonly cloudName = 'fake';
  public request?: CloudInfrastructureRequest;
  public dnsEndpoints: ExternalEndpoint[] = [];
  public createInfrastructure(_stack: TerraformStack, request: CloudInfrastructureRequest): ICloudInfrastructure {
    this.request = request;
    const self = this;
    return {
      zones: ['zone-x', 'zone-y', 'zone-z'],
      storageClassName: 'fake-ssd',
      kafkaNodePlacement: { nodeLabels: { pool: 'kafka' }, tolerations: [{ key: 'dedicated', value: 'kafka', effect: 'NoSchedule' }] },
      loadBalancerFlavour: GENERIC_FLAVOUR,
      loadBalancerAddressType: 'ip',
      kubernetesObjects: [{ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fake-ssd' }, provisioner: 'fake' }],
      clusterName: 'fake-cluster',
      kubeconfigCommand: 'fake kubeconfig',
      createKubernetesProvider(workloads: TerraformStack): TerraformProvider {
        return new KubernetesProvider(workloads, 'kubernetes', { host: 'https://fake' });
      },
      createDnsRecords(workloads: TerraformStack, endpoints: ExternalEndpoint[], address: (e: ExternalEndpoint) => string) {
        self.dnsEndpoints = endpoints;
        endpoints.forEach((e, i) => new TerraformOutput(workloads, `dns-${i}`, { value: `${e.hostname}=${address(e)}` }));
      },
    };
  }
}

describe('KafkaPlatform on AWS', () => {
  let outdir: string;
  let platform: KafkaPlatform;
  beforeAll(() => {
    outdir = synthApp((app) => {
      platform = new KafkaPlatform(app, 'kafka', { cloud: awsCloud(), kafka: KAFKA });
    });
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('writes an infrastructure stack, a workloads stack and the GitOps YAML', () => {
    expect(fs.readdirSync(path.join(outdir, 'stacks')).sort()).toEqual(['kafka-infra', 'kafka-workloads']);
    expect(fs.existsSync(path.join(outdir, 'gitops', 'kafka', 'kustomization.yaml'))).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks['kafka-workloads'].dependencies).toEqual(['kafka/kafka-infra']);
  });

  test('the workloads Kubernetes provider is configured from the infrastructure stack through cross-stack references', () => {
    const workloads = readStack(outdir, 'kafka-workloads');
    const infra = readStack(outdir, 'kafka-infra');
    const [provider] = workloads.provider.kubernetes;
    expect(provider.host).toMatch(/^\$\{data\.terraform_remote_state\.[^.]+\.outputs\.cross-stack-output-aws_eks_cluster[^}]+endpoint\}$/);
    expect(provider.cluster_ca_certificate).toMatch(/^\$\{base64decode\(data\.terraform_remote_state\.[^)]+certificate_authority0data\)\}$/);
    expect(provider.exec[0]).toEqual({ api_version: 'client.authentication.k8s.io/v1beta1', command: 'aws', args: ['eks', 'get-token', '--cluster-name', 'kafka', '--region', 'eu-west-1'] });
    const endpointOutput = provider.host.match(/outputs\.([^}]+)\}/)[1];
    expect(infra.output[endpointOutput].value).toMatch(/^\$\{aws_eks_cluster\.[^.]+\.endpoint\}$/);
    for (const m of Object.values<any>(workloads.resource.kubernetes_manifest)) expect(m.provider).toBe('kubernetes');
  });

  test('the Kafka cluster gets the zones, StorageClass, node placement and LB flavour from the cloud', () => {
    expect(platform.kafka.zones).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    const objects = platform.objects;
    const sts = objects.filter((o) => o.kind === 'StatefulSet' && o.metadata.name.includes('broker'));
    expect(sts.length).toBeGreaterThanOrEqual(3);
    for (const s of sts) {
      const pod = s.spec.template.spec;
      expect(JSON.stringify(pod.tolerations)).toContain('kafka-platform.io/dedicated');
      expect(JSON.stringify(pod.affinity ?? pod.nodeSelector)).toContain('kafka-platform.io/pool');
      for (const claim of s.spec.volumeClaimTemplates ?? []) expect(claim.spec.storageClassName).toBe('kafka-gp3-encrypted');
    }
    const lbServices = objects.filter((o) => o.kind === 'Service' && o.spec?.type === 'LoadBalancer');
    expect(lbServices.length).toBe(4);
    for (const svc of lbServices) expect(Object.keys(svc.metadata.annotations ?? {}).join(' ')).toMatch(/aws-load-balancer/);
  });

  test('empty selectors reach the cluster unchanged and are tolerated by kubernetes_manifest as computed fields', () => {
    const workloads = readStack(outdir, 'kafka-workloads');
    const withEmpty = Object.values<any>(workloads.resource.kubernetes_manifest).filter((m) => m.computed_fields);
    expect(withEmpty.length).toBeGreaterThan(0);
    for (const m of withEmpty) {
      expect(m.computed_fields.slice(0, 2)).toEqual(['metadata.annotations', 'metadata.labels']);
      const original = platform.objects.find((o) => o.kind === m.manifest.kind && o.metadata.name === m.manifest.metadata.name && o.metadata.namespace === m.manifest.metadata.namespace);
      expect(m.manifest).toEqual(escapeForTerraform(original));
    }
    const policies = withEmpty.filter((m) => m.manifest.kind === 'NetworkPolicy');
    expect(policies.flatMap((m) => m.computed_fields.filter((f: string) => f.endsWith('namespaceSelector'))).length).toBeGreaterThan(0);
  });

  test('every object the platform applies is valid against the Kubernetes schema (unknown fields included)', () => {
    expect(validateManifests(platform.objects)).toEqual([]);
  });

  test('every object is one kubernetes_manifest, and the StorageClass applies before the Kafka objects (the scale Job\'s wave first, then the rest)', () => {
    const workloads = readStack(outdir, 'kafka-workloads');
    const manifests = Object.values<any>(workloads.resource.kubernetes_manifest);
    expect(manifests).toHaveLength(platform.objects.length);
    const names = Object.fromEntries(Object.entries<any>(workloads.resource.kubernetes_manifest).map(([n, m]) => [`${m.manifest.kind}/${m.manifest.metadata.name}`, n]));
    const storageClass = workloads.resource.kubernetes_manifest[names['StorageClass/kafka-gp3-encrypted']];
    const namespaces = Object.keys(names).filter((k) => k.startsWith('Namespace/')).map((k) => `kubernetes_manifest.${names[k]}`).sort();
    expect(namespaces).toContain(`kubernetes_manifest.${names['Namespace/kafka']}`);
    expect([...storageClass.depends_on].sort()).toEqual(namespaces);
    const wave = (m: any) => m.manifest.metadata.annotations?.['argocd.argoproj.io/sync-wave'];
    const early = manifests.filter((x) => x.manifest.metadata.namespace && wave(x) === '-1');
    expect(early.map((m) => `${m.manifest.kind}/${m.manifest.metadata.name}`).sort()).toEqual([
      'ConfigMap/events-scale', expect.stringMatching(/^Job\/events-scale-[0-9a-f]{8}$/), 'Role/events-scale', 'RoleBinding/events-scale', 'ServiceAccount/events-scale',
    ]);
    for (const m of early) expect(m.depends_on).toContain(`kubernetes_manifest.${names['StorageClass/kafka-gp3-encrypted']}`);
    // Everything else (the StatefulSets among them) waits for the scale Job and what it needs, so for the StorageClass too.
    const earlyIds = early.map((m) => `kubernetes_manifest.${names[`${m.manifest.kind}/${m.manifest.metadata.name}`]}`).sort();
    for (const m of manifests.filter((x) => x.manifest.metadata.namespace && wave(x) === undefined)) {
      expect([...m.depends_on].filter((d: string) => d.startsWith('kubernetes_manifest.')).sort()).toEqual(earlyIds);
    }
  });

  test('the AWS Load Balancer Controller is installed before the LoadBalancer Services, with its IRSA role', () => {
    const workloads = readStack(outdir, 'kafka-workloads');
    const [releaseName, release] = Object.entries<any>(workloads.resource.helm_release)[0];
    expect(release).toMatchObject({ chart: 'aws-load-balancer-controller', repository: 'https://aws.github.io/eks-charts', version: '1.13.0', namespace: 'kube-system', wait: true, atomic: true });
    const values = JSON.parse(release.values[0]);
    expect(values.clusterName).toBe('kafka');
    expect(values.serviceAccount.annotations['eks.amazonaws.com/role-arn']).toMatch(/^\$\{data\.terraform_remote_state\.[^}]+aws_iam_role[^}]+arn\}$/);
    // Published @cdktf/provider-helm 11.x bindings: source `helm` (= hashicorp/helm), pinned to 2.17.0.
    expect(workloads.terraform.required_providers.helm).toEqual({ source: 'helm', version: '2.17.0' });
    const lbServices = Object.values<any>(workloads.resource.kubernetes_manifest).filter((m) => m.manifest.kind === 'Service' && m.manifest.spec.type === 'LoadBalancer');
    expect(lbServices).toHaveLength(4);
    for (const svc of lbServices) expect(svc.depends_on).toContain(`helm_release.${releaseName}`);
  });

  test('DNS records for bootstrap and every broker point at the addresses of their LoadBalancer Services', () => {
    const workloads = readStack(outdir, 'kafka-workloads');
    const records = Object.values<any>(workloads.resource.aws_route53_record);
    expect(records.map((r) => r.name).sort()).toEqual(platform.kafka.externalEndpoints.map((e) => e.hostname).sort());
    expect(records).toHaveLength(4);
    for (const r of records) expect(r.records[0]).toMatch(/^\$\{data\.kubernetes_service_v1\.[^.]+\.status\[0\]\.load_balancer\[0\]\.ingress\[0\]\.hostname\}$/);
  });

  test('each broker DNS record is the host the broker advertises, and points at the Service of that broker pod', () => {
    const workloads = readStack(outdir, 'kafka-workloads');
    expect(externalBrokerStatefulSets(platform.objects)).toHaveLength(3);
    const records = Object.values<any>(workloads.resource.aws_route53_record);
    const dataSources = workloads.data.kubernetes_service_v1;
    const serviceBehind = (record: any) => dataSources[record.records[0].match(/kubernetes_service_v1\.([^.]+)\./)[1]].metadata;
    const brokers = advertisedBrokers(platform.objects);
    for (const broker of brokers) {
      const record = records.find((r) => r.name === broker.host);
      expect(record).toBeDefined();
      const { name, namespace } = serviceBehind(record);
      const service = platform.objects.find((o) => o.kind === 'Service' && o.metadata.name === name && o.metadata.namespace === namespace)!;
      expect(service.spec.type).toBe('LoadBalancer');
      expect(service.spec.selector).toEqual({ 'statefulset.kubernetes.io/pod-name': broker.podName });
      expect(service.spec.ports.map((p: any) => p.port)).toEqual([broker.port]);
    }
    const domain = brokers[0].env.KP_EXTERNAL_DOMAIN;
    expect(records.map((r) => r.name).sort()).toEqual([`bootstrap.${domain}`, ...brokers.map((b) => b.host)].sort());
  });

  test('outputs: bootstrap servers, cluster name, kubeconfig command, Prometheus URL', () => {
    const infra = readStack(outdir, 'kafka-infra');
    const workloads = readStack(outdir, 'kafka-workloads');
    expect(infra.output['cluster-name'].value).toBe('kafka');
    expect(infra.output['kubeconfig-command'].value).toBe('aws eks update-kubeconfig --region eu-west-1 --name kafka');
    expect(workloads.output['internal-bootstrap-servers'].value).toBe(platform.kafka.internalBootstrapServers);
    expect(workloads.output['external-bootstrap-servers'].value).toBe('bootstrap.kafka.example.internal:9094');
    expect(workloads.output['prometheus-url'].value).toMatch(/^http:\/\/.+:9090$/);
  });

  test('the GitOps YAML holds exactly the objects the workloads stack applies, in apply order', () => {
    const dir = path.join(outdir, 'gitops', 'kafka');
    const kustomization = parseAllDocuments(fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'))[0].toJS();
    const fromYaml = kustomization.resources.map((f: string) => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8'))[0].toJS());
    expect(fs.readdirSync(dir).sort()).toEqual([...kustomization.resources, 'kustomization.yaml'].sort());
    const unescape = (v: any): any => JSON.parse(JSON.stringify(v).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
    const workloads = readStack(outdir, 'kafka-workloads');
    const fromTerraform = Object.values<any>(workloads.resource.kubernetes_manifest).map((m) => unescape(m.manifest));
    const key = (o: any) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    expect([...fromYaml].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...fromTerraform].sort((a, b) => key(a).localeCompare(key(b))));
    expect(fromYaml.map(key)).toEqual(platform.bridge.objects.map((o) => key(o.object)));
    expect(fromYaml[0].kind).toBe('Namespace');
  });

  test('synth is deterministic: a second synth is byte-identical', () => {
    const again = synthApp((app) => new KafkaPlatform(app, 'kafka', { cloud: awsCloud(), kafka: KAFKA }));
    try {
      const a = readTree(outdir);
      const b = readTree(again);
      // cdktf's local backend paths default to the working directory, the same for both runs.
      expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
      for (const file of Object.keys(a)) expect(b[file]).toBe(a[file]);
    } finally {
      fs.rmSync(again, { recursive: true, force: true });
    }
  });
});

describe('KafkaPlatform is cloud-neutral', () => {
  test('swapping the cloud object is the only change: same Kafka props on another cloud', () => {
    const cloud = new FakeCloud();
    let platform!: KafkaPlatform;
    const outdir = synthApp((app) => {
      platform = new KafkaPlatform(app, 'kafka', { cloud, kafka: KAFKA });
    });
    try {
      expect(cloud.request).toEqual({
        name: 'kafka', namespace: 'kafka', brokerCount: 3, clientPorts: [9092, 9094], interNodePorts: [9093],
        externalListener: { domain: 'kafka.example.internal', internetFacing: false, dangerouslyAllowAnySource: false },
      });
      expect(platform.kafka.zones).toEqual(['zone-x', 'zone-y', 'zone-z']);
      expect(cloud.dnsEndpoints.map((e) => e.hostname).sort()).toEqual(platform.kafka.externalEndpoints.map((e) => e.hostname).sort());
      const workloads = readStack(outdir, 'kafka-workloads');
      const lb = Object.values<any>(workloads.resource.kubernetes_manifest).filter((m) => m.wait?.fields);
      expect(lb).toHaveLength(4);
      for (const m of lb) expect(m.wait.fields).toEqual({ 'status.loadBalancer.ingress[0].ip': '^.+$' });
      expect(JSON.stringify(workloads)).not.toMatch(/aws_|eks/);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('extra workloads join the bridge and the YAML; namespaces they use are created first', () => {
    const outdir = synthApp((app) => {
      new KafkaPlatform(app, 'kafka', {
        cloud: new FakeCloud(),
        ecosystem: false,
        workloads: (chart) => {
          for (const o of sampleObjects().filter((x) => x.kind !== 'Namespace')) new ApiObject(chart, `extra-${o.kind}-${o.metadata.name}`, o as any);
          return { prometheusUrl: 'http://prom.example:9090' };
        },
      });
    });
    try {
      const workloads = readStack(outdir, 'kafka-workloads');
      const kinds = Object.values<any>(workloads.resource.kubernetes_manifest).map((m) => `${m.manifest.kind}/${m.manifest.metadata.name}`);
      expect(kinds).toEqual(expect.arrayContaining(['Namespace/apps', 'CustomResourceDefinition/widgets.example.com', 'Deployment/app']));
      expect(workloads.output['prometheus-url'].value).toBe('http://prom.example:9090');
      const files = fs.readdirSync(path.join(outdir, 'gitops', 'kafka'));
      expect(files.some((f) => f.endsWith('-namespace-apps.yaml'))).toBe(true);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('the load balancer source CIDRs reach the cloud; AWS refuses an internet-facing listener without them', () => {
    const cloud = new FakeCloud();
    const internet = (allowedSourceCidrs?: string[]): PlatformKafkaClusterProps => ({
      ...KAFKA,
      externalListener: { ...KAFKA.externalListener!, loadBalancer: { exposure: LoadBalancerExposure.INTERNET, allowedSourceCidrs } },
    });
    new KafkaPlatform(Testing.app(), 'kafka', { cloud, kafka: internet(['198.51.100.0/24']), ecosystem: false, gitops: false });
    expect(cloud.request!.externalListener).toEqual({ domain: 'kafka.example.internal', internetFacing: true, allowedSourceCidrs: ['198.51.100.0/24'], dangerouslyAllowAnySource: false });
    expect(() => new KafkaPlatform(Testing.app(), 'kafka', { cloud: awsCloud(), kafka: internet(), ecosystem: false, gitops: false }))
      .toThrow(/kafka\.externalListener\.loadBalancer\.allowedSourceCidrs: an internet-facing Kafka listener without source CIDRs/);
  });

  test('a platform id that cannot prefix resource names is refused', () => {
    expect(() => new KafkaPlatform(Testing.app(), 'Kafka_Prod', { cloud: new FakeCloud() })).toThrow(KafkaPlatformValidationError);
  });
});

describe('KafkaPlatform zone slots', () => {
  test('kafka.zoneSlots reaches the cluster: the cloud\'s zone order does not name the StatefulSets', () => {
    const app = Testing.stubVersion(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'platform-')), stackTraces: false }));
    const platform = new KafkaPlatform(app, 'kafka', { cloud: new FakeCloud(), kafka: { ...KAFKA, zoneSlots: { 'zone-x': 2, 'zone-z': 0 } } });
    expect(platform.kafka.spec.brokers.zonePools.map(p => [p.zone, p.statefulSetName])).toEqual([
      ['zone-z', 'events-broker-0'], ['zone-y', 'events-broker-1'], ['zone-x', 'events-broker-2'],
    ]);
    fs.rmSync(app.outdir, { recursive: true, force: true });
  });
});
