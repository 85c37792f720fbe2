import * as crypto from 'crypto';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import { addPodDisruptionBudget } from '../k8s/disruption-budget';
import { plainEnv, secretEnv } from '../k8s/env';
import { assertPinnedImage } from '../k8s/image-pinning';
import { workloadLabels } from '../k8s/labels';
import { validateDnsName } from '../k8s/names';
import { clientLabelFor, ComponentIngressPolicy, IngressPeer } from '../k8s/network-policy';
import { haPlacement } from '../k8s/placement';
import { assertResourceQuantities, containerResources } from '../k8s/quantities';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../k8s/security-context';
import { addService } from '../k8s/service';
import { KafkaMetricNames } from '../observability/metric-names';
import { ContainerResources, IKafkaCluster } from '../types';
import { DashboardJobs, kafkaDashboards } from './grafana-dashboards';
import { MONITORING_IMAGES } from './images';

const DEFAULT_RESOURCES = { cpuRequest: '100m', cpuLimit: '1', memory: '512Mi' };

export interface GrafanaOptions {
  /** @default `<clusterName>-grafana` */
  readonly name?: string;
  /** @default MONITORING_IMAGES.grafana (grafana/grafana, pinned) */
  readonly image?: string;
  /**
   * Everything is provisioned from ConfigMaps, so replicas are
   * interchangeable for viewing; logins are per replica (sqlite), hence
   * session affinity on the Service. @default 1
   */
  readonly replicas?: number;
  /** @default 100m/1 CPU, 512Mi */
  readonly resources?: ContainerResources;
  /** Existing Secret with keys `admin-user` and `admin-password`. @default `<name>-admin` */
  readonly adminSecretName?: string;
}

export interface GrafanaProps extends GrafanaOptions {
  readonly cluster: IKafkaCluster;
  readonly namespace: string;
  /** Prometheus URL for the provisioned datasource. */
  readonly prometheusUrl: string;
  readonly jobs: DashboardJobs;
  readonly metricNames: KafkaMetricNames;
}

const PORT = 3000;
const GRAFANA_UID = 472;

/** Grafana with a provisioned Prometheus datasource and the project's Kafka dashboards. */
export class Grafana extends Construct {
  public readonly url: string;
  public readonly dashboards: Record<string, string>;
  /** Label a pod (in any namespace) needs to reach Grafana, e.g. your ingress controller's pods (NetworkPolicy `<name>-ingress`). */
  public readonly clientLabel: { readonly key: string; readonly value: string };
  /** The Grafana pods, as a NetworkPolicy peer of Prometheus. */
  public readonly podPeer: IngressPeer;

  constructor(scope: Construct, id: string, props: GrafanaProps) {
    super(scope, id);
    const cluster = props.cluster;
    const path = this.node.path;
    const name = props.name ?? `${cluster.clusterName}-grafana`;
    validateDnsName(path, 'grafana.name', name);
    const image = props.image ?? MONITORING_IMAGES.grafana;
    assertPinnedImage(path, 'grafana.image', image);
    assertResourceQuantities(path, 'grafana.resources', props.resources, DEFAULT_RESOURCES);
    const replicas = props.replicas ?? 1;
    const ns = props.namespace;
    const { selector, all: labels } = workloadLabels('grafana', name, 'monitoring', cluster.clusterName);
    const adminSecret = props.adminSecretName ?? `${name}-admin`;

    const datasources = stringify({
      apiVersion: 1,
      datasources: [{ name: 'Prometheus', uid: 'prometheus', type: 'prometheus', access: 'proxy', url: props.prometheusUrl, isDefault: true, editable: false }],
    });
    const providers = stringify({
      apiVersion: 1,
      providers: [{ name: 'kafka', folder: 'Kafka', type: 'file', disableDeletion: true, allowUiUpdates: false, options: { path: '/var/lib/grafana-dashboards' } }],
    });
    this.dashboards = kafkaDashboards(cluster.clusterName, props.jobs, props.metricNames);
    new ApiObject(this, 'provisioning', {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: `${name}-provisioning`, namespace: ns, labels },
      data: { 'datasources.yaml': datasources, 'dashboards.yaml': providers },
    });
    new ApiObject(this, 'dashboards', {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: `${name}-dashboards`, namespace: ns, labels },
      data: this.dashboards,
    });
    const checksum = crypto.createHash('sha256').update(datasources).update(providers).update(JSON.stringify(this.dashboards)).digest('hex');

    new ApiObject(this, 'deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns, labels },
      spec: {
        replicas,
        selector: { matchLabels: selector },
        template: {
          metadata: { labels, annotations: { 'kafka-platform.io/config-checksum': checksum } },
          spec: {
            automountServiceAccountToken: false,
            securityContext: restrictedPodSecurityContext(GRAFANA_UID),
            ...haPlacement(selector, cluster.profile),
            containers: [{
              name: 'grafana',
              image,
              env: [
                secretEnv('GF_SECURITY_ADMIN_USER', adminSecret, 'admin-user'),
                secretEnv('GF_SECURITY_ADMIN_PASSWORD', adminSecret, 'admin-password'),
                plainEnv('GF_PATHS_PROVISIONING', '/etc/grafana/provisioning-kafka'),
                plainEnv('GF_USERS_ALLOW_SIGN_UP', 'false'),
                plainEnv('GF_AUTH_ANONYMOUS_ENABLED', 'false'),
                plainEnv('GF_ANALYTICS_REPORTING_ENABLED', 'false'),
                plainEnv('GF_ANALYTICS_CHECK_FOR_UPDATES', 'false'),
              ],
              ports: [{ name: 'http', containerPort: PORT, protocol: 'TCP' }],
              resources: containerResources(props.resources, DEFAULT_RESOURCES),
              readinessProbe: { httpGet: { path: '/api/health', port: 'http' }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
              livenessProbe: { httpGet: { path: '/api/health', port: 'http' }, periodSeconds: 20, timeoutSeconds: 10, failureThreshold: 6 },
              volumeMounts: [
                { name: 'provisioning', mountPath: '/etc/grafana/provisioning-kafka/datasources/datasources.yaml', subPath: 'datasources.yaml', readOnly: true },
                { name: 'provisioning', mountPath: '/etc/grafana/provisioning-kafka/dashboards/dashboards.yaml', subPath: 'dashboards.yaml', readOnly: true },
                { name: 'dashboards', mountPath: '/var/lib/grafana-dashboards', readOnly: true },
                { name: 'data', mountPath: '/var/lib/grafana' },
              ],
              securityContext: restrictedContainerSecurityContext(),
            }],
            volumes: [
              { name: 'provisioning', configMap: { name: `${name}-provisioning` } },
              { name: 'dashboards', configMap: { name: `${name}-dashboards` } },
              { name: 'data', emptyDir: { sizeLimit: '1Gi' } },
            ],
          },
        },
      },
    });
    if (replicas > 1) addPodDisruptionBudget(this, name, ns, labels, selector);
    addService(this, 'service', { name, namespace: ns, labels, selector, ports: [{ name: 'http', port: PORT, targetPort: 'http' }], sessionAffinity: replicas > 1 });
    this.url = `http://${name}.${ns}.svc:${PORT}`;
    this.clientLabel = clientLabelFor(name);
    this.podPeer = { podLabels: selector, namespace: ns };
    const policy = new ComponentIngressPolicy(this, 'network-policy', { name, namespace: ns, labels, podSelector: selector, ports: { http: [{ port: PORT }] } });
    policy.allow('http', { podLabels: { [this.clientLabel.key]: this.clientLabel.value }, anyNamespace: true });
  }
}
