import * as crypto from 'crypto';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { addPodDisruptionBudget } from '../k8s/disruption-budget';
import { fieldEnv } from '../k8s/env';
import { assertPinnedImage } from '../k8s/image-pinning';
import { workloadLabels } from '../k8s/labels';
import { validateDnsName } from '../k8s/names';
import { clientLabelFor, ComponentIngressPolicy, IngressPeer } from '../k8s/network-policy';
import { haPlacement } from '../k8s/placement';
import { assertResourceQuantities, containerResources, isStorageQuantity } from '../k8s/quantities';
import { validateReplicas } from '../k8s/replicas';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../k8s/security-context';
import { addService } from '../k8s/service';
import { ScrapeTarget } from '../observability/scrape-target';
import { ContainerResources, IKafkaCluster, VolumeSpec } from '../types';
import { MONITORING_IMAGES } from './images';
import { KUBELET_JOB, renderPrometheusConfig } from './scrape-config';

const DEFAULT_RESOURCES = { cpuRequest: '500m', cpuLimit: '2', memory: '4Gi' };

export interface PrometheusServerOptions {
  /** @default `<clusterName>-prometheus` */
  readonly name?: string;
  /** @default MONITORING_IMAGES.prometheus (prom/prometheus, pinned) */
  readonly image?: string;
  /** Independent replicas scraping the same targets; Alertmanager deduplicates their alerts. @default 2 */
  readonly replicas?: number;
  /** How long samples are kept (`--storage.tsdb.retention.time`). @default '15d' */
  readonly retention?: string;
  /** Size cap of the TSDB (`--storage.tsdb.retention.size`), e.g. `40GB`. @default - none, time-based only */
  readonly retentionSize?: string;
  /** @default { size: '50Gi' } */
  readonly storage?: VolumeSpec;
  /** @default 500m/2 CPU, 4Gi */
  readonly resources?: ContainerResources;
  /** @default '30s' */
  readonly scrapeInterval?: string;
  /** Scrape kubelet volume stats through the API server (needs a ClusterRole on nodes/proxy); feeds the disk usage alert. @default true */
  readonly scrapeKubelet?: boolean;
}

export interface PrometheusServerProps extends PrometheusServerOptions {
  readonly cluster: IKafkaCluster;
  /** Namespace Prometheus runs in. */
  readonly namespace: string;
  /** Extra pod labels (e.g. what the cluster's NetworkPolicies admit). @default {} */
  readonly podLabels?: Record<string, string>;
  readonly targets: ScrapeTarget[];
  /** Rule files, by file name (YAML). */
  readonly ruleFiles: Record<string, string>;
  /** Alertmanager `host:port`s. @default [] */
  readonly alertmanagers?: string[];
}

const PORT = 9090;
const NOBODY = 65534;
const DURATION = /^([0-9]+(ms|s|m|h|d|w|y))+$/;

/**
 * Prometheus server: a StatefulSet with one persistent volume per replica,
 * Kubernetes pod discovery limited to the namespaces of its targets (Role
 * per namespace; a ClusterRole only for kubelet volume stats), the
 * generated rules and a config checksum that rolls the pods on change.
 */
export class PrometheusServer extends Construct {
  public readonly serviceName: string;
  public readonly url: string;
  /** `prometheus.yml` as deployed (with Kubernetes discovery). */
  public readonly configYaml: string;
  public readonly ruleFiles: Record<string, string>;
  public readonly serviceAccountName: string;
  /** Label a pod (in any namespace) needs to query Prometheus (NetworkPolicy `<name>-ingress`). */
  public readonly clientLabel: { readonly key: string; readonly value: string };
  /** The Prometheus pods: admitted to the metrics port of every target that has `allowScraper`, and to Alertmanager. */
  public readonly podPeer: IngressPeer;
  private readonly ingressPolicy: ComponentIngressPolicy;

  constructor(scope: Construct, id: string, props: PrometheusServerProps) {
    super(scope, id);
    const cluster = props.cluster;
    const path = this.node.path;
    const name = props.name ?? `${cluster.clusterName}-prometheus`;
    validateDnsName(path, 'prometheus.name', name);
    const image = props.image ?? MONITORING_IMAGES.prometheus;
    assertPinnedImage(path, 'prometheus.image', image);
    assertResourceQuantities(path, 'prometheus.resources', props.resources, DEFAULT_RESOURCES);
    if (props.storage?.size !== undefined && !isStorageQuantity(props.storage.size)) {
      throw new KafkaPlatformValidationError(path, 'prometheus.storage.size', `${JSON.stringify(props.storage.size)} is not a storage quantity`, 'use e.g. "50Gi"');
    }
    const replicas = props.replicas ?? 2;
    validateReplicas(cluster.profile, path, 'prometheus.replicas', replicas, 2);
    const retention = props.retention ?? '15d';
    if (!DURATION.test(retention)) {
      throw new KafkaPlatformValidationError(path, 'prometheus.retention', `"${retention}" is not a Prometheus duration`, 'use e.g. "15d" or "12h"');
    }
    if (props.retentionSize !== undefined && !/^[0-9]+(B|KB|MB|GB|TB|PB|EB)$/.test(props.retentionSize)) {
      throw new KafkaPlatformValidationError(path, 'prometheus.retentionSize', `"${props.retentionSize}" is not a Prometheus size`, 'use e.g. "40GB" (below the volume size)');
    }
    const scrapeInterval = props.scrapeInterval ?? '30s';
    if (!DURATION.test(scrapeInterval)) {
      throw new KafkaPlatformValidationError(path, 'prometheus.scrapeInterval', `"${scrapeInterval}" is not a Prometheus duration`, 'use e.g. "30s"');
    }
    const ns = props.namespace;
    const scrapeKubelet = props.scrapeKubelet ?? true;
    const { selector, all: labels } = workloadLabels('prometheus', name, 'monitoring', cluster.clusterName);

    // RBAC: discovery of pods (and services/endpoints for users' extra jobs) in each target namespace only.
    this.serviceAccountName = name;
    new ApiObject(this, 'service-account', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns, labels }, automountServiceAccountToken: true });
    const namespaces = [...new Set([ns, ...props.targets.map(t => t.namespace)])].sort();
    for (const targetNs of namespaces) {
      new ApiObject(this, `role-${targetNs}`, {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: `${name}-discovery`, namespace: targetNs, labels },
        rules: [
          { apiGroups: [''], resources: ['pods', 'services', 'endpoints'], verbs: ['get', 'list', 'watch'] },
          { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] },
        ],
      });
      new ApiObject(this, `rolebinding-${targetNs}`, {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: `${name}-discovery`, namespace: targetNs, labels },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${name}-discovery` },
        subjects: [{ kind: 'ServiceAccount', name, namespace: ns }],
      });
    }
    if (scrapeKubelet) {
      new ApiObject(this, 'clusterrole', {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: `${ns}-${name}-kubelet`, labels },
        rules: [{ apiGroups: [''], resources: ['nodes', 'nodes/metrics', 'nodes/proxy'], verbs: ['get', 'list', 'watch'] }],
      });
      new ApiObject(this, 'clusterrolebinding', {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: `${ns}-${name}-kubelet`, labels },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${ns}-${name}-kubelet` },
        subjects: [{ kind: 'ServiceAccount', name, namespace: ns }],
      });
    }

    // Prometheus refuses a config with two jobs of one name; a component named like another's job would do that.
    const jobNames = [...props.targets.map(t => t.jobName), ...(scrapeKubelet ? [KUBELET_JOB] : [])];
    const repeated = jobNames.find((job, i) => jobNames.indexOf(job) !== i);
    if (repeated !== undefined) {
      throw new KafkaPlatformValidationError(path, 'targets', `two scrape jobs are named ${JSON.stringify(repeated)}`, 'give the components distinct names (each component\'s name is its scrape job name)');
    }
    this.configYaml = renderPrometheusConfig({
      clusterName: cluster.clusterName,
      scrapeInterval,
      targets: props.targets,
      scrapeKubelet,
      alertmanagers: props.alertmanagers,
      ruleFilesGlob: '/etc/prometheus/rules/*.yaml',
    });
    this.ruleFiles = props.ruleFiles;
    new ApiObject(this, 'config', {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: `${name}-config`, namespace: ns, labels },
      data: { 'prometheus.yml': this.configYaml },
    });
    new ApiObject(this, 'rules', {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: `${name}-rules`, namespace: ns, labels },
      data: props.ruleFiles,
    });
    const checksum = crypto.createHash('sha256').update(this.configYaml).update(JSON.stringify(props.ruleFiles)).digest('hex');

    const headless = `${name}-headless`;
    addService(this, 'headless', { name: headless, namespace: ns, labels, selector, ports: [{ name: 'http', port: PORT }], headless: true });
    addService(this, 'service', { name, namespace: ns, labels, selector, ports: [{ name: 'http', port: PORT, targetPort: 'http' }] });
    this.serviceName = name;
    this.url = `http://${name}.${ns}.svc:${PORT}`;

    const args = [
      '--config.file=/etc/prometheus/config/prometheus.yml',
      '--storage.tsdb.path=/prometheus',
      `--storage.tsdb.retention.time=${retention}`,
      ...(props.retentionSize ? [`--storage.tsdb.retention.size=${props.retentionSize}`] : []),
      `--web.listen-address=:${PORT}`,
    ];
    new ApiObject(this, 'statefulset', {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name, namespace: ns, labels },
      spec: {
        serviceName: headless,
        replicas,
        podManagementPolicy: 'Parallel',
        selector: { matchLabels: selector },
        updateStrategy: { type: 'RollingUpdate' },
        template: {
          metadata: { labels: { ...labels, ...props.podLabels }, annotations: { 'kafka-platform.io/config-checksum': checksum } },
          spec: {
            serviceAccountName: name,
            automountServiceAccountToken: true,
            terminationGracePeriodSeconds: 300,
            securityContext: restrictedPodSecurityContext(NOBODY),
            ...haPlacement(selector, cluster.profile),
            containers: [{
              name: 'prometheus',
              image,
              args,
              env: [fieldEnv('POD_NAME', 'metadata.name')],
              ports: [{ name: 'http', containerPort: PORT, protocol: 'TCP' }],
              resources: containerResources(props.resources, DEFAULT_RESOURCES),
              startupProbe: { httpGet: { path: '/-/ready', port: 'http' }, periodSeconds: 15, failureThreshold: 60, timeoutSeconds: 5 },
              readinessProbe: { httpGet: { path: '/-/ready', port: 'http' }, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 5 },
              livenessProbe: { httpGet: { path: '/-/healthy', port: 'http' }, periodSeconds: 20, failureThreshold: 6, timeoutSeconds: 10 },
              volumeMounts: [
                { name: 'config', mountPath: '/etc/prometheus/config', readOnly: true },
                { name: 'rules', mountPath: '/etc/prometheus/rules', readOnly: true },
                { name: 'data', mountPath: '/prometheus' },
              ],
              securityContext: restrictedContainerSecurityContext({ readOnlyRootFilesystem: true }),
            }],
            volumes: [
              { name: 'config', configMap: { name: `${name}-config` } },
              { name: 'rules', configMap: { name: `${name}-rules` } },
            ],
          },
        },
        volumeClaimTemplates: [{
          metadata: { name: 'data', labels: selector },
          spec: {
            accessModes: ['ReadWriteOnce'],
            ...(props.storage?.storageClassName ? { storageClassName: props.storage.storageClassName } : {}),
            resources: { requests: { storage: props.storage?.size ?? '50Gi' } },
          },
        }],
      },
    });
    addPodDisruptionBudget(this, name, ns, labels, selector);

    this.clientLabel = clientLabelFor(name);
    this.podPeer = { podLabels: selector, namespace: ns };
    this.ingressPolicy = new ComponentIngressPolicy(this, 'network-policy', { name, namespace: ns, labels, podSelector: selector, ports: { http: [{ port: PORT }] } });
    this.ingressPolicy.allow('http', { podLabels: { [this.clientLabel.key]: this.clientLabel.value }, anyNamespace: true });
    // Each scraped component admits exactly these pods to its metrics port.
    for (const target of props.targets) target.allowScraper?.(this.podPeer);
  }

  /** Lets `peer` (e.g. Grafana) query the HTTP API. */
  public allowHttpFrom(peer: IngressPeer): void {
    this.ingressPolicy.allow('http', peer);
  }
}
