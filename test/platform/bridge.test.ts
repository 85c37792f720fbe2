import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { KafkaPlatformValidationError } from '../../lib/errors';
import { KubernetesManifestBridge, escapeForTerraform } from '../../lib/platform/manifest-bridge';
import { ApplyTier, KubernetesObject } from '../../lib/platform/object-identity';
import { SCRIPT, sampleObjects } from './sample-objects';

function synthBridge(objects: KubernetesObject[], extra: Partial<ConstructorParameters<typeof KubernetesManifestBridge>[2]> = {}) {
  const stack = new TerraformStack(Testing.app(), 'workloads');
  const bridge = new KubernetesManifestBridge(stack, 'k8s', { objects, ...extra });
  return { stack, bridge, json: JSON.parse(Testing.synth(stack)) };
}

function manifestsByKind(json: any): Record<string, { name: string; body: any }> {
  return Object.fromEntries(Object.entries<any>(json.resource.kubernetes_manifest).map(([name, body]) => [`${body.manifest.kind}/${body.manifest.metadata.name}`, { name, body }]));
}

describe('KubernetesManifestBridge', () => {
  test('one kubernetes_manifest per object, with ids from kind, namespace and name', () => {
    const { json } = synthBridge(sampleObjects());
    expect(Object.keys(json.resource.kubernetes_manifest).map((k) => k.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual([
      'k8s_clusterrole-reader',
      'k8s_configmap-apps-scripts',
      'k8s_customresourcedefinition-widgets_example_com',
      'k8s_deployment-apps-app',
      'k8s_namespace-apps',
      'k8s_service-apps-app-lb',
    ]);
  });

  test('Namespaces and CRDs first, then cluster-scoped objects, then namespaced ones', () => {
    const { json } = synthBridge(sampleObjects());
    const m = manifestsByKind(json);
    const addr = (key: string) => `kubernetes_manifest.${m[key].name}`;
    expect(json.resource.terraform_data).toBeUndefined();
    expect(m['Namespace/apps'].body.depends_on).toBeUndefined();
    expect(m['CustomResourceDefinition/widgets.example.com'].body.depends_on).toBeUndefined();
    expect([...m['ClusterRole/reader'].body.depends_on].sort()).toEqual([addr('CustomResourceDefinition/widgets.example.com'), addr('Namespace/apps')].sort());
    for (const key of ['Deployment/app', 'Service/app-lb', 'ConfigMap/scripts']) expect(m[key].body.depends_on).toEqual([addr('ClusterRole/reader')]);
  });

  test('namespaced objects apply in Argo CD sync waves; a Job of an earlier wave is waited for until it completes', () => {
    const wave = (w: string) => ({ annotations: { 'argocd.argoproj.io/sync-wave': w } });
    const gate = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'gate', namespace: 'apps', ...wave('-1') }, spec: { activeDeadlineSeconds: 3600, template: {} } };
    const prep = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'prep', namespace: 'apps', ...wave('-1') }, data: {} };
    const late = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'late', namespace: 'apps', ...wave('1') }, spec: { template: {} } };
    const { json } = synthBridge([...sampleObjects(), late, gate, prep]);
    const m = manifestsByKind(json);
    const addr = (key: string) => `kubernetes_manifest.${m[key].name}`;
    expect(m['Job/gate'].body.depends_on).toEqual([addr('ClusterRole/reader')]);
    expect(m['ConfigMap/prep'].body.depends_on).toEqual([addr('ClusterRole/reader')]);
    for (const key of ['Deployment/app', 'Service/app-lb', 'ConfigMap/scripts']) expect([...m[key].body.depends_on].sort()).toEqual([addr('ConfigMap/prep'), addr('Job/gate')].sort());
    expect([...m['Job/late'].body.depends_on].sort()).toEqual([addr('ConfigMap/scripts'), addr('Deployment/app'), addr('Service/app-lb')].sort());
    expect([m['Job/gate'].body.wait, m['Job/gate'].body.timeouts]).toEqual([{ condition: [{ type: 'Complete', status: 'True' }] }, { create: '4200s' }]);
    // The last wave gates nothing: no wait.
    expect(m['Job/late'].body.wait).toBeUndefined();
    let error: unknown;
    try { synthBridge([...sampleObjects(), { ...prep, metadata: { ...prep.metadata, ...wave('soon') } }]); } catch (e) { error = e; }
    expect((error as Error).message).toContain('argocd.argoproj.io/sync-wave');
  });

  test('without cluster-scoped objects, namespaced objects wait for the namespaces directly', () => {
    const { json } = synthBridge(sampleObjects().filter((o) => o.kind !== 'ClusterRole'));
    const m = manifestsByKind(json);
    expect([...m['Deployment/app'].body.depends_on].sort()).toEqual([
      `kubernetes_manifest.${m['CustomResourceDefinition/widgets.example.com'].name}`, `kubernetes_manifest.${m['Namespace/apps'].name}`,
    ].sort());
  });

  test('the dependency graph grows linearly with the number of namespaced objects', () => {
    const many: KubernetesObject[] = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }];
    for (let i = 0; i < 500; i++) many.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}`, namespace: 'a' }, data: {} });
    const { json } = synthBridge(many);
    const edges = Object.values<any>(json.resource.kubernetes_manifest).reduce((n, r) => n + (r.depends_on?.length ?? 0), 0);
    expect(edges).toBe(500);
  });

  test('the same objects in another order give the same resources', () => {
    const objects = sampleObjects();
    const a = synthBridge(objects).json.resource.kubernetes_manifest;
    const b = synthBridge([...objects].reverse()).json.resource.kubernetes_manifest;
    expect(b).toEqual(a);
  });

  test('Terraform template sequences in strings are escaped', () => {
    const { json } = synthBridge(sampleObjects());
    const script = manifestsByKind(json)['ConfigMap/scripts'].body.manifest.data['start.sh'];
    expect(script).toBe('#!/bin/bash\nset -eu\nid="$${HOSTNAME##*-}"\necho "%%{not a directive}" "$$${literal}" "$${A:-x}"\n');
    expect(escapeForTerraform({ '${k}': ['%{x}'] })).toEqual({ '$${k}': ['%%{x}'] });
  });

  test('Terraform itself turns the escaped manifest back into the original object', () => {
    const terraform = spawnSync('terraform', ['version'], { encoding: 'utf8' });
    expect(terraform.status).toBe(0);
    const objects = sampleObjects();
    const { json } = synthBridge(objects);
    const configMap = manifestsByKind(json)['ConfigMap/scripts'].body.manifest;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-escape-'));
    try {
      fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ output: { object: { value: configMap } } }));
      fs.writeFileSync(path.join(dir, 'terraformrc'), '');
      const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: path.join(dir, 'terraformrc') };
      const apply = spawnSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: dir, env, encoding: 'utf8' });
      expect(`${apply.stderr}`).toBe('');
      expect(apply.status).toBe(0);
      const out = spawnSync('terraform', ['output', '-json', 'object'], { cwd: dir, env, encoding: 'utf8' });
      expect(JSON.parse(out.stdout)).toEqual(objects.find((o) => o.kind === 'ConfigMap'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('empty objects and lists (kubernetes_manifest "inconsistent result after apply")', () => {
    const policy: KubernetesObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'connect-ingress', namespace: 'kafka', labels: { app: 'connect' } },
      spec: {
        podSelector: { matchLabels: { app: 'connect' } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ ports: [{ port: 8083, protocol: 'TCP' }], from: [{ podSelector: { matchLabels: { app: 'ui' } } }, { namespaceSelector: {} }] }],
        egress: [],
      },
    };
    const widget: KubernetesObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'kafka' }, spec: { 'conf.d': {}, 'size': 1 } };

    test('are sent unchanged and listed in computed_fields next to the provider defaults', () => {
      const { json, bridge } = synthBridge([policy, widget, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kafka' } }]);
      const m = manifestsByKind(json);
      const np = m['NetworkPolicy/connect-ingress'].body;
      expect(np.manifest).toEqual(policy);
      expect(np.manifest.spec.ingress[0].from[1]).toEqual({ namespaceSelector: {} });
      expect(np.computed_fields).toEqual(['metadata.annotations', 'metadata.labels', 'spec.ingress[0].from[1].namespaceSelector', 'spec.egress']);
      expect(m['Widget/w'].body.computed_fields).toEqual(['metadata.annotations', 'metadata.labels', 'spec["conf.d"]']);
      // Objects without empty collections keep the provider's default.
      expect(m['Namespace/kafka'].body.computed_fields).toBeUndefined();
      // What the GitOps writer gets is the object as given.
      expect(bridge.objects.find((o) => o.key === 'NetworkPolicy/kafka/connect-ingress')!.object).toBe(policy);
    });

    test('every computed_fields path is a traversal Terraform resolves to an empty object or list', () => {
      const { json } = synthBridge([policy, widget]);
      const bodies = Object.values<any>(json.resource.kubernetes_manifest);
      const outputs: Record<string, { value: string }> = {};
      const expected: Record<string, unknown> = {};
      bodies.forEach((body, i) => body.computed_fields.filter((f: string) => !f.startsWith('metadata.')).forEach((field: string, j: number) => {
        outputs[`o${i}_${j}`] = { value: `\${local.m${i}.${field}}` };
        expected[`o${i}_${j}`] = field.endsWith('egress') ? [] : {};
      }));
      expect(Object.keys(outputs)).toHaveLength(3);
      const locals = Object.fromEntries(bodies.map((body, i) => [`m${i}`, body.manifest]));
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-computed-'));
      try {
        fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ locals, output: outputs }));
        fs.writeFileSync(path.join(dir, 'terraformrc'), '');
        const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: path.join(dir, 'terraformrc') };
        const apply = spawnSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: dir, env, encoding: 'utf8' });
        expect(`${apply.stderr}`).toBe('');
        const out = spawnSync('terraform', ['output', '-json'], { cwd: dir, env, encoding: 'utf8' });
        const values = Object.fromEntries(Object.entries<any>(JSON.parse(out.stdout)).map(([k, v]) => [k, v.value]));
        expect(values).toEqual(expected);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  test('LoadBalancer Services the DNS needs wait for their address, read through a data source', () => {
    const stack = new TerraformStack(Testing.app(), 'workloads');
    const bridge = new KubernetesManifestBridge(stack, 'k8s', { objects: sampleObjects(), loadBalancerServices: ['apps/app-lb'], loadBalancerAddressType: 'ip' });
    const address = bridge.loadBalancerAddress('apps', 'app-lb');
    new TerraformOutput(stack, 'address', { value: address });
    new TerraformOutput(stack, 'address-again', { value: bridge.loadBalancerAddress('apps', 'app-lb') });
    const json = JSON.parse(Testing.synth(stack));
    const m = manifestsByKind(json);
    expect(m['Service/app-lb'].body.wait).toEqual({ fields: { 'status.loadBalancer.ingress[0].ip': '^.+$' } });
    expect(m['Deployment/app'].body.wait).toBeUndefined();
    const [dataName, data] = Object.entries<any>(json.data.kubernetes_service_v1)[0];
    expect(data.depends_on).toEqual([`kubernetes_manifest.${m['Service/app-lb'].name}`]);
    expect(Object.keys(json.data.kubernetes_service_v1)).toHaveLength(1);
    expect(json.output.address.value).toBe(`\${data.kubernetes_service_v1.${dataName}.status[0].load_balancer[0].ingress[0].ip}`);
    expect(json.output['address-again'].value).toBe(json.output.address.value);
  });

  test('duplicate objects, nameless objects and unknown LoadBalancer Services are refused', () => {
    const objects = sampleObjects();
    expect(() => synthBridge([...objects, objects[0]])).toThrow(KafkaPlatformValidationError);
    expect(() => synthBridge([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }])).toThrow(/metadata.name/);
    expect(() => synthBridge(objects, { loadBalancerServices: ['apps/missing'] })).toThrow(/apps\/missing/);
  });

  test('bridged objects keep their tier and the unescaped object', () => {
    const { bridge } = synthBridge(sampleObjects());
    expect(bridge.objects.map((o) => [o.key, ApplyTier[o.tier]])).toEqual([
      ['CustomResourceDefinition/widgets.example.com', 'FOUNDATION'],
      ['Namespace/apps', 'FOUNDATION'],
      ['ClusterRole/reader', 'CLUSTER'],
      ['Deployment/apps/app', 'NAMESPACED'],
      ['Service/apps/app-lb', 'NAMESPACED'],
      ['ConfigMap/apps/scripts', 'NAMESPACED'],
    ]);
    expect(bridge.objects.find((o) => o.key === 'ConfigMap/apps/scripts')!.object.data['start.sh']).toBe(SCRIPT);
  });
});
