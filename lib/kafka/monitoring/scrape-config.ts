import { stringify } from 'yaml';
import { ScrapeTarget } from '../observability/scrape-target';

export const KUBELET_JOB = 'kubelet';
export const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** Prometheus' `__meta_kubernetes_pod_label_<name>` for a pod label. */
function podLabelMeta(label: string): string {
  return `__meta_kubernetes_pod_label_${label.replace(/[^a-zA-Z0-9_]/g, '_')}`;
}

function regexEscape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One scrape job using Kubernetes pod discovery, kept to the component's pods and metrics port. */
export function podScrapeJob(target: ScrapeTarget, scrapeInterval?: string): Record<string, any> {
  const selectorKeeps = Object.entries(target.podSelector).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => ({
    source_labels: [podLabelMeta(k)],
    regex: regexEscape(v),
    action: 'keep',
  }));
  return {
    job_name: target.jobName,
    ...(scrapeInterval ? { scrape_interval: scrapeInterval } : {}),
    metrics_path: target.path ?? '/metrics',
    ...(target.probe ? { params: { module: [target.probe.module] } } : {}),
    kubernetes_sd_configs: [{ role: 'pod', namespaces: { names: [target.namespace] } }],
    relabel_configs: [
      ...selectorKeeps,
      // Pod discovery yields one target per container port: keep the metrics port only.
      { source_labels: ['__meta_kubernetes_pod_container_port_number'], regex: String(target.port), action: 'keep' },
      { source_labels: ['__meta_kubernetes_pod_phase'], regex: 'Pending|Succeeded|Failed|Unknown', action: 'drop' },
      { source_labels: ['__meta_kubernetes_pod_name'], target_label: 'instance' },
      { source_labels: ['__meta_kubernetes_namespace'], target_label: 'namespace' },
      { source_labels: ['__meta_kubernetes_pod_node_name'], target_label: 'node' },
      // A probe: the pod is the exporter's target; Prometheus scrapes the exporter.
      ...(target.probe ? [
        { source_labels: ['__address__'], target_label: '__param_target' },
        { target_label: '__address__', replacement: target.probe.exporterAddress },
      ] : []),
    ],
  };
}

/** kubelet metrics through the API server proxy (needs nodes/proxy); only volume stats are kept. */
export function kubeletScrapeJob(): Record<string, any> {
  return {
    job_name: KUBELET_JOB,
    scheme: 'https',
    tls_config: { ca_file: `${SA_DIR}/ca.crt` },
    authorization: { credentials_file: `${SA_DIR}/token` },
    kubernetes_sd_configs: [{ role: 'node' }],
    relabel_configs: [
      { target_label: '__address__', replacement: 'kubernetes.default.svc:443' },
      { source_labels: ['__meta_kubernetes_node_name'], regex: '(.+)', target_label: '__metrics_path__', replacement: '/api/v1/nodes/${1}/proxy/metrics' },
      { source_labels: ['__meta_kubernetes_node_name'], target_label: 'node' },
    ],
    metric_relabel_configs: [{ source_labels: ['__name__'], regex: 'kubelet_volume_stats_(used|capacity|available)_bytes', action: 'keep' }],
  };
}

export interface PrometheusConfigOptions {
  readonly clusterName: string;
  readonly scrapeInterval: string;
  readonly targets: ScrapeTarget[];
  readonly scrapeKubelet: boolean;
  /** `host:port` of Alertmanager replicas. @default [] */
  readonly alertmanagers?: string[];
  readonly ruleFilesGlob: string;
}

/** `prometheus.yml`. The replica label distinguishes the HA pair; Alertmanager deduplicates their alerts. */
export function renderPrometheusConfig(o: PrometheusConfigOptions): string {
  const config = {
    global: {
      scrape_interval: o.scrapeInterval,
      evaluation_interval: o.scrapeInterval,
      // Expanded from the pod's env by Prometheus 3 at start-up.
      external_labels: { kafka_cluster: o.clusterName, prometheus_replica: '${POD_NAME}' },
    },
    rule_files: [o.ruleFilesGlob],
    ...(o.alertmanagers && o.alertmanagers.length > 0
      ? {
        alerting: {
          // Both replicas send every alert; without their replica label the alerts are identical and Alertmanager notifies once.
          alert_relabel_configs: [{ action: 'labeldrop', regex: 'prometheus_replica' }],
          alertmanagers: [{ static_configs: [{ targets: o.alertmanagers }] }],
        },
      }
      : {}),
    scrape_configs: [
      ...o.targets.map(t => podScrapeJob(t)),
      ...(o.scrapeKubelet ? [kubeletScrapeJob()] : []),
    ],
  };
  return stringify(config, { lineWidth: 0 });
}

/**
 * Debian's promtool is built without Kubernetes service discovery, so it
 * rejects `kubernetes_sd_configs`. For `promtool check config` we replace
 * each job's Kubernetes discovery with one static placeholder target and
 * keep everything else (relabelling, TLS, auth, paths, rules, alerting), so
 * promtool still parses and checks all of that. The placeholder stands for
 * what discovery would yield. promtool also insists that credential files
 * exist, so the in-pod service account directory is re-rooted to
 * `serviceAccountDir` (the caller puts a `token` and `ca.crt` there).
 * Nothing else changes.
 */
export function withStaticDiscoveryForCheck(config: any, serviceAccountDir: string): any {
  const copy = JSON.parse(JSON.stringify(config).split(SA_DIR).join(serviceAccountDir.replace(/\/+$/, '')));
  for (const job of copy.scrape_configs ?? []) {
    if (job.kubernetes_sd_configs) {
      delete job.kubernetes_sd_configs;
      job.static_configs = [{ targets: ['discovered-by-kubernetes-sd.invalid:80'] }];
    }
  }
  return copy;
}
