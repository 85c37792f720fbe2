import * as crypto from 'crypto';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import { KafkaPlatformValidationError } from '../../errors';
import { addPodDisruptionBudget } from '../k8s/disruption-budget';
import { fieldEnv } from '../k8s/env';
import { assertPinnedImage } from '../k8s/image-pinning';
import { workloadLabels } from '../k8s/labels';
import { validateDnsName } from '../k8s/names';
import { clientLabelFor, ComponentIngressPolicy, IngressPeer } from '../k8s/network-policy';
import { haPlacement } from '../k8s/placement';
import { assertResourceQuantities, containerResources } from '../k8s/quantities';
import { validateReplicas } from '../k8s/replicas';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../k8s/security-context';
import { addService } from '../k8s/service';
import { ContainerResources, IKafkaCluster } from '../types';
import { MONITORING_IMAGES } from './images';

const DEFAULT_RESOURCES = { cpuRequest: '50m', cpuLimit: '500m', memory: '256Mi' };

/** Where alerts go. Exactly one of `webhook` or `email`. */
export interface AlertReceiver {
  /** POSTs alerts as JSON to `url` (Alertmanager webhook format). Stored in a ConfigMap: do not put tokens in the URL. */
  readonly webhook?: { readonly url: string; readonly sendResolved?: boolean };
  /** Sends mail through `smarthost` (`host:port`). The SMTP password comes from a Secret mounted as a file. */
  readonly email?: {
    readonly to: string;
    readonly from: string;
    readonly smarthost: string;
    readonly authUsername?: string;
    readonly authPasswordSecret?: { readonly secretName: string; readonly key: string };
    /** @default true */
    readonly requireTls?: boolean;
  };
}

export interface AlertmanagerOptions {
  readonly receiver: AlertReceiver;
  /** @default `<clusterName>-alertmanager` */
  readonly name?: string;
  /** @default MONITORING_IMAGES.alertmanager (prom/alertmanager, pinned) */
  readonly image?: string;
  /** Gossiping replicas that deduplicate notifications. @default 2 */
  readonly replicas?: number;
  /** @default 50m/500m CPU, 256Mi */
  readonly resources?: ContainerResources;
  /** @default '4h' */
  readonly repeatInterval?: string;
}

export interface AlertmanagerProps extends AlertmanagerOptions {
  readonly cluster: IKafkaCluster;
  readonly namespace: string;
}

const PORT = 9093;
const CLUSTER_PORT = 9094;
const NOBODY = 65534;
const SECRETS_DIR = '/etc/alertmanager/secrets';

/** Renders `alertmanager.yml` for one receiver; critical alerts are repeated more often. */
export function renderAlertmanagerConfig(receiver: AlertReceiver, repeatInterval = '4h', constructPath = 'alertmanager'): string {
  if ((receiver.webhook ? 1 : 0) + (receiver.email ? 1 : 0) !== 1) {
    throw new KafkaPlatformValidationError(constructPath, 'alertmanager.receiver', 'must set exactly one of webhook or email', 'pass { webhook: { url } } or { email: { to, from, smarthost } }');
  }
  let receiverConfig: Record<string, any>;
  if (receiver.webhook) {
    if (!/^https?:\/\/[^\s]+$/.test(receiver.webhook.url)) {
      throw new KafkaPlatformValidationError(constructPath, 'alertmanager.receiver.webhook.url', `"${receiver.webhook.url}" is not an http(s) URL`, 'use e.g. "http://alert-relay.ops.svc:8080/alerts"');
    }
    receiverConfig = { name: 'default', webhook_configs: [{ url: receiver.webhook.url, send_resolved: receiver.webhook.sendResolved ?? true }] };
  } else {
    const e = receiver.email!;
    for (const [prop, value] of [['to', e.to], ['from', e.from]] as const) {
      if (!/^[^@\s]+@[^@\s]+$/.test(value)) {
        throw new KafkaPlatformValidationError(constructPath, `alertmanager.receiver.email.${prop}`, `"${value}" is not an e-mail address`, 'use e.g. "oncall@example.com"');
      }
    }
    if (!/^[^:\s]+:[0-9]+$/.test(e.smarthost)) {
      throw new KafkaPlatformValidationError(constructPath, 'alertmanager.receiver.email.smarthost', `"${e.smarthost}" is not host:port`, 'use e.g. "smtp.example.com:587"');
    }
    receiverConfig = {
      name: 'default',
      email_configs: [{
        to: e.to,
        from: e.from,
        smarthost: e.smarthost,
        require_tls: e.requireTls ?? true,
        send_resolved: true,
        ...(e.authUsername ? { auth_username: e.authUsername } : {}),
        ...(e.authPasswordSecret ? { auth_password_file: `${SECRETS_DIR}/${e.authPasswordSecret.key}` } : {}),
      }],
    };
  }
  return stringify({
    route: {
      receiver: 'default',
      group_by: ['alertname', 'kafka_cluster', 'instance'],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: repeatInterval,
      routes: [{ matchers: ['severity="critical"'], receiver: 'default', repeat_interval: '1h' }],
    },
    // A broken quorum or an offline partition explains the broker-level noise: silence it meanwhile.
    inhibit_rules: [{ source_matchers: ['severity="critical"'], target_matchers: ['severity="warning"'], equal: ['kafka_cluster', 'instance'] }],
    receivers: [receiverConfig],
  }, { lineWidth: 0 });
}

/** Alertmanager StatefulSet: replicas gossip on port 9094 so each alert is notified once. */
export class Alertmanager extends Construct {
  public readonly configYaml: string;
  /** `host:port` of every replica, for Prometheus' alerting config. */
  public readonly endpoints: string[];
  /** Label a pod (in any namespace) needs to reach the UI/API (NetworkPolicy `<name>-ingress`). */
  public readonly clientLabel: { readonly key: string; readonly value: string };
  private readonly ingressPolicy: ComponentIngressPolicy;

  constructor(scope: Construct, id: string, props: AlertmanagerProps) {
    super(scope, id);
    const cluster = props.cluster;
    const path = this.node.path;
    const name = props.name ?? `${cluster.clusterName}-alertmanager`;
    validateDnsName(path, 'alertmanager.name', name);
    const image = props.image ?? MONITORING_IMAGES.alertmanager;
    assertPinnedImage(path, 'alertmanager.image', image);
    assertResourceQuantities(path, 'alertmanager.resources', props.resources, DEFAULT_RESOURCES);
    const replicas = props.replicas ?? 2;
    validateReplicas(cluster.profile, path, 'alertmanager.replicas', replicas, 2);
    const ns = props.namespace;
    const { selector, all: labels } = workloadLabels('alertmanager', name, 'monitoring', cluster.clusterName);
    this.configYaml = renderAlertmanagerConfig(props.receiver, props.repeatInterval ?? '4h', path);
    new ApiObject(this, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-config`, namespace: ns, labels }, data: { 'alertmanager.yml': this.configYaml } });
    const headless = `${name}-headless`;
    addService(this, 'headless', { name: headless, namespace: ns, labels, selector, ports: [{ name: 'http', port: PORT }, { name: 'cluster', port: CLUSTER_PORT }], headless: true });
    addService(this, 'service', { name, namespace: ns, labels, selector, ports: [{ name: 'http', port: PORT, targetPort: 'http' }] });
    this.endpoints = Array.from({ length: replicas }, (_v, i) => `${name}-${i}.${headless}.${ns}.svc:${PORT}`);
    const peers = Array.from({ length: replicas }, (_v, i) => `--cluster.peer=${name}-${i}.${headless}.${ns}.svc:${CLUSTER_PORT}`);
    const pwSecret = props.receiver.email?.authPasswordSecret;
    const checksum = crypto.createHash('sha256').update(this.configYaml).digest('hex');
    new ApiObject(this, 'statefulset', {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name, namespace: ns, labels },
      spec: {
        serviceName: headless,
        replicas,
        podManagementPolicy: 'Parallel',
        selector: { matchLabels: selector },
        template: {
          metadata: { labels, annotations: { 'kafka-platform.io/config-checksum': checksum } },
          spec: {
            automountServiceAccountToken: false,
            securityContext: restrictedPodSecurityContext(NOBODY),
            ...haPlacement(selector, cluster.profile),
            containers: [{
              name: 'alertmanager',
              image,
              args: [
                '--config.file=/etc/alertmanager/config/alertmanager.yml',
                '--storage.path=/alertmanager',
                `--web.listen-address=:${PORT}`,
                `--cluster.listen-address=0.0.0.0:${CLUSTER_PORT}`,
                '--cluster.advertise-address=$(POD_IP):9094',
                ...peers,
              ],
              env: [fieldEnv('POD_IP', 'status.podIP')],
              ports: [{ name: 'http', containerPort: PORT, protocol: 'TCP' }, { name: 'cluster', containerPort: CLUSTER_PORT, protocol: 'TCP' }],
              resources: containerResources(props.resources, DEFAULT_RESOURCES),
              readinessProbe: { httpGet: { path: '/-/ready', port: 'http' }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
              livenessProbe: { httpGet: { path: '/-/healthy', port: 'http' }, periodSeconds: 20, timeoutSeconds: 10, failureThreshold: 6 },
              volumeMounts: [
                { name: 'config', mountPath: '/etc/alertmanager/config', readOnly: true },
                { name: 'data', mountPath: '/alertmanager' },
                ...(pwSecret ? [{ name: 'smtp-password', mountPath: SECRETS_DIR, readOnly: true }] : []),
              ],
              securityContext: restrictedContainerSecurityContext({ readOnlyRootFilesystem: true }),
            }],
            volumes: [
              { name: 'config', configMap: { name: `${name}-config` } },
              // Silences and notification log are gossiped between replicas; a restarted replica catches up from its peers.
              { name: 'data', emptyDir: { sizeLimit: '1Gi' } },
              ...(pwSecret ? [{ name: 'smtp-password', secret: { secretName: pwSecret.secretName, items: [{ key: pwSecret.key, path: pwSecret.key }], defaultMode: 0o440 } }] : []),
            ],
          },
        },
      },
    });
    addPodDisruptionBudget(this, name, ns, labels, selector);

    this.clientLabel = clientLabelFor(name);
    this.ingressPolicy = new ComponentIngressPolicy(this, 'network-policy', {
      name, namespace: ns, labels, podSelector: selector,
      // Gossip (memberlist) uses TCP and UDP on the cluster port.
      ports: { http: [{ port: PORT }], cluster: [{ port: CLUSTER_PORT, protocol: 'TCP' }, { port: CLUSTER_PORT, protocol: 'UDP' }] },
    });
    this.ingressPolicy.allow('http', { podLabels: { [this.clientLabel.key]: this.clientLabel.value }, anyNamespace: true });
    this.ingressPolicy.allow('cluster', { podLabels: selector, namespace: ns });
  }

  /** Lets `peer` (the Prometheus that sends alerts) reach the API. */
  public allowHttpFrom(peer: IngressPeer): void {
    this.ingressPolicy.allow('http', peer);
  }
}
