import * as crypto from 'crypto';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import { KAFKA_PORTS } from '../constants';
import { caBundleVolume } from '../k8s/ca-bundle-volume';
import { addPodDisruptionBudget } from '../k8s/disruption-budget';
import { assertPinnedImage } from '../k8s/image-pinning';
import { componentLabels } from '../k8s/labels';
import { validateDnsName } from '../k8s/names';
import { ComponentIngressPolicy } from '../k8s/network-policy';
import { haPlacement } from '../k8s/placement';
import { assertResourceQuantities, containerResources } from '../k8s/quantities';
import { validateReplicas } from '../k8s/replicas';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../k8s/security-context';
import { addService } from '../k8s/service';
import { ScrapeTarget } from '../observability/scrape-target';
import { ContainerResources, IKafkaCluster, KafkaMetadataMode } from '../types';
import { MONITORING_IMAGES } from './images';

const DEFAULT_RESOURCES = { cpuRequest: '20m', cpuLimit: '200m', memory: '64Mi' };
const PORT = 9115;
const NOBODY = 65534;
const CONFIG_DIR = '/etc/blackbox-exporter';
/** The blackbox exporter module that opens a TLS connection to a broker's internal listener. */
export const KAFKA_TLS_PROBE_MODULE = 'kafka_internal_tls';
/** The blackbox exporter module that opens a TLS 1.3 connection to a KRaft controller's listener. */
export const KAFKA_CONTROLLER_TLS_PROBE_MODULE = 'kafka_controller_tls';

export interface CertificateExpiryProbeOptions {
  /** @default `<clusterName>-certificate-probe` */
  readonly name?: string;
  /** @default MONITORING_IMAGES.blackboxExporter (prom/blackbox-exporter, pinned) */
  readonly image?: string;
  /** @default 1 (a missed probe only delays the expiry alert; KafkaCertificateExpiryUnknown says when probes fail) */
  readonly replicas?: number;
  /** @default 20m/200m CPU, 64Mi */
  readonly resources?: ContainerResources;
}

export interface CertificateExpiryProbeProps extends CertificateExpiryProbeOptions {
  readonly cluster: IKafkaCluster;
}

/**
 * Kafka exports no metric for the expiry of its certificates, so the
 * Prometheus project's blackbox exporter opens a TLS connection to every
 * broker's internal listener, trusting only the cluster CA (the CA bundle
 * ConfigMap), and reports `probe_ssl_earliest_cert_expiry` (the node
 * certificate) and `probe_ssl_last_chain_expiry_timestamp_seconds` (the
 * verified chain, so the CA too). Prometheus discovers the broker pods and
 * scrapes each probe through this exporter (`scrapeTarget.probe`).
 *
 * Pods are probed by IP with the TLS server name of the bootstrap Service:
 * the node certificate must name it (every client's first connection checks
 * it), so the check is the same host name verification a client does.
 * Only the TLS handshake runs: no SASL, no credentials.
 *
 * KRaft controllers are probed too (`controllerScrapeTarget`): after a
 * renewal a controller that has not restarted still presents the old
 * certificate. Their listener requires a client certificate, which the probe
 * does not have. In TLS 1.3 the client's side of the handshake is complete
 * (server certificate verified) before the server checks the client's
 * certificate, so the exporter reports the expiry and the server then drops
 * the connection; in TLS 1.2 the server refuses before its Finished and the
 * probe fails (certificate-probe-live.test.ts and certificate-probe-kafka-tls.test.ts
 * run both with the real exporter, the latter against Kafka's own TLS engine
 * configured as the controller listener). So the controller module requires TLS 1.3, which
 * the listener enables (`ssl.enabled.protocols=TLSv1.3,TLSv1.2`): a controller
 * without it fails the probe (KafkaCertificateExpiryUnknown), loudly. Each probe
 * is a failed authentication on the controller (logged at INFO by Kafka).
 */
export class CertificateExpiryProbe extends Construct {
  public readonly scrapeTarget: ScrapeTarget;
  /** The KRaft controllers' probes; undefined without controllers to probe (ZooKeeper mode, no `cluster.controllerTlsListener`). */
  public readonly controllerScrapeTarget?: ScrapeTarget;
  public readonly configYaml: string;
  /** `host:port` Prometheus scrapes probes from. */
  public readonly address: string;

  constructor(scope: Construct, id: string, props: CertificateExpiryProbeProps) {
    super(scope, id);
    const cluster = props.cluster;
    const path = this.node.path;
    const name = props.name ?? `${cluster.clusterName}-certificate-probe`;
    validateDnsName(path, 'certificateProbe.name', name);
    const image = props.image ?? MONITORING_IMAGES.blackboxExporter;
    assertPinnedImage(path, 'certificateProbe.image', image);
    assertResourceQuantities(path, 'certificateProbe.resources', props.resources, DEFAULT_RESOURCES);
    const replicas = props.replicas ?? 1;
    validateReplicas(cluster.profile, path, 'certificateProbe.replicas', replicas, 1);
    const ns = cluster.namespace;
    const ca = caBundleVolume(cluster.internalTls);
    const bootstrapHost = cluster.internalBootstrapServers.split(',')[0].trim().replace(/:\d+$/, '');
    const controllers = cluster.metadataMode === KafkaMetadataMode.KRAFT ? cluster.controllerTlsListener : undefined;
    this.configYaml = stringify({
      modules: {
        [KAFKA_TLS_PROBE_MODULE]: {
          prober: 'tcp',
          timeout: '10s',
          tcp: {
            tls: true,
            // Verified like a client does: the cluster CA only, the bootstrap host name; insecure_skip_verify stays false.
            tls_config: { ca_file: ca.caFile, server_name: bootstrapHost },
          },
        },
        ...(controllers ? {
          [KAFKA_CONTROLLER_TLS_PROBE_MODULE]: {
            prober: 'tcp',
            timeout: '10s',
            // TLS 1.3 only: with TLS 1.2 the missing client certificate fails the handshake (see the class comment).
            tcp: { tls: true, tls_config: { ca_file: ca.caFile, server_name: controllers.tlsServerName, min_version: 'TLS13' } },
          },
        } : {}),
      },
    }, { lineWidth: 0 });
    const { selector, all: labels } = componentLabels(cluster.clusterName, 'certificate-probe', name);
    new ApiObject(this, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-config`, namespace: ns, labels }, data: { 'blackbox.yml': this.configYaml } });
    const checksum = crypto.createHash('sha256').update(this.configYaml).digest('hex');
    new ApiObject(this, 'deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns, labels },
      spec: {
        replicas,
        selector: { matchLabels: selector },
        template: {
          // The client label: the brokers' NetworkPolicy admits it to the internal listener; the probe label, the controllers'.
          metadata: {
            labels: { ...labels, [cluster.clientAccessLabel.key]: cluster.clientAccessLabel.value, ...(controllers ? { [controllers.probeAccessLabel.key]: controllers.probeAccessLabel.value } : {}) },
            annotations: { 'kafka-platform.io/config-checksum': checksum },
          },
          spec: {
            automountServiceAccountToken: false,
            securityContext: restrictedPodSecurityContext(NOBODY),
            ...haPlacement(selector, cluster.profile),
            containers: [{
              name: 'blackbox-exporter',
              image,
              args: [`--config.file=${CONFIG_DIR}/blackbox.yml`, `--web.listen-address=:${PORT}`],
              ports: [{ name: 'http', containerPort: PORT, protocol: 'TCP' }],
              resources: containerResources(props.resources, DEFAULT_RESOURCES),
              readinessProbe: { httpGet: { path: '/-/healthy', port: 'http' }, periodSeconds: 15, timeoutSeconds: 5, failureThreshold: 3 },
              livenessProbe: { httpGet: { path: '/-/healthy', port: 'http' }, periodSeconds: 30, timeoutSeconds: 10, failureThreshold: 5 },
              volumeMounts: [{ name: 'config', mountPath: CONFIG_DIR, readOnly: true }, ...ca.volumeMounts],
              securityContext: restrictedContainerSecurityContext({ readOnlyRootFilesystem: true }),
            }],
            volumes: [{ name: 'config', configMap: { name: `${name}-config` } }, ...ca.volumes],
          },
        },
      },
    });
    if (replicas > 1) addPodDisruptionBudget(this, name, ns, labels, selector);
    addService(this, 'service', { name, namespace: ns, labels, selector, ports: [{ name: 'http', port: PORT, targetPort: 'http' }] });
    this.address = `${name}.${ns}.svc:${PORT}`;
    // Only the scraping Prometheus reaches the exporter: it would probe any address it is asked to.
    const policy = new ComponentIngressPolicy(this, 'network-policy', { name, namespace: ns, labels, podSelector: selector, ports: { http: [{ port: PORT }] } });
    this.scrapeTarget = {
      jobName: `${cluster.clusterName}-certificates`,
      namespace: ns,
      podSelector: cluster.brokerSelector,
      port: KAFKA_PORTS.internal,
      path: '/probe',
      probe: { exporterAddress: this.address, module: KAFKA_TLS_PROBE_MODULE },
      allowScraper: peer => policy.allow('http', peer),
    };
    if (controllers) {
      this.controllerScrapeTarget = {
        jobName: `${cluster.clusterName}-controller-certificates`,
        namespace: ns,
        podSelector: cluster.metadataQuorumSelector,
        port: controllers.port,
        path: '/probe',
        probe: { exporterAddress: this.address, module: KAFKA_CONTROLLER_TLS_PROBE_MODULE },
        allowScraper: peer => policy.allow('http', peer),
      };
    }
  }
}
