import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import { restrictedContainerSecurityContext } from './workload';

/**
 * The Prometheus JMX exporter as a Java agent for the JVM components that do
 * not speak Prometheus themselves (Schema Registry, Connect, ksqlDB).
 *
 * The jar is fetched from Maven Central by an init container and its SHA-256
 * is verified before the JVM starts, so the pod never starts without it (the
 * init container fails instead). Air-gapped clusters point `url` at their own
 * mirror; the checksum stays the same.
 */
export interface JmxAgentOptions {
  /** @default - jmx_prometheus_javaagent 1.0.1 from Maven Central */
  readonly url?: string;
  /** SHA-256 of the jar at `url`. @default - the checksum of 1.0.1 */
  readonly sha256?: string;
  /** Port where the agent serves `/metrics`. @default 9404 */
  readonly port?: number;
}

export const JMX_AGENT_VERSION = '1.0.1';
export const JMX_AGENT_DEFAULT_URL = `https://repo1.maven.org/maven2/io/prometheus/jmx/jmx_prometheus_javaagent/${JMX_AGENT_VERSION}/jmx_prometheus_javaagent-${JMX_AGENT_VERSION}.jar`;
/** sha256sum of the Maven Central artifact above. */
export const JMX_AGENT_DEFAULT_SHA256 = '7d61f737fd661610ccc14aea79764faa1ea94a340cbc8f0029b3d2edea3d80c1';
export const JMX_AGENT_DEFAULT_PORT = 9404;
export const JMX_AGENT_PORT_NAME = 'metrics';

const AGENT_DIR = '/opt/jmx-exporter';
const CONFIG_DIR = '/etc/jmx-exporter';

/** One JMX exporter rule (subset of the exporter's rule format). */
export interface JmxExporterRule {
  readonly pattern: string;
  readonly name: string;
  readonly type?: 'GAUGE' | 'COUNTER' | 'UNTYPED';
  readonly labels?: Record<string, string>;
}

export interface JmxAgentWiring {
  /** `-javaagent:...` argument to add to the component's JVM options env var. */
  readonly javaAgentArg: string;
  readonly port: number;
  readonly initContainer: Record<string, any>;
  readonly volumes: Record<string, any>[];
  readonly volumeMounts: Record<string, any>[];
}

/** Renders the exporter config. Only the listed rules are exported, to keep cardinality bounded. */
export function renderComponentJmxExporterConfig(rules: JmxExporterRule[]): string {
  return stringify({
    lowercaseOutputName: true,
    lowercaseOutputLabelNames: true,
    rules: rules.map(r => ({ pattern: r.pattern, name: r.name, type: r.type ?? 'GAUGE', ...(r.labels ? { labels: r.labels } : {}) })),
  }, { lineWidth: 0 });
}

/** Shell run by the init container: download, verify, fail closed. */
export function jmxAgentFetchScript(url: string, sha256: string): string {
  return [
    'set -eu',
    `curl -fsSL --retry 5 --retry-connrefused -o ${AGENT_DIR}/agent.jar.tmp '${url}'`,
    `echo '${sha256}  ${AGENT_DIR}/agent.jar.tmp' | sha256sum -c -`,
    `mv ${AGENT_DIR}/agent.jar.tmp ${AGENT_DIR}/jmx_prometheus_javaagent.jar`,
  ].join('\n');
}

/**
 * Creates the exporter ConfigMap and returns what the pod needs: an init
 * container (run with `image`, which must have curl and sha256sum: the
 * Confluent images do), volumes and the `-javaagent` argument.
 */
export function addJmxAgent(scope: Construct, props: { name: string; namespace: string; labels: Record<string, string>; image: string; rules: JmxExporterRule[]; options?: JmxAgentOptions }): JmxAgentWiring {
  const port = props.options?.port ?? JMX_AGENT_DEFAULT_PORT;
  const configMapName = `${props.name}-jmx-exporter`;
  new ApiObject(scope, 'jmx-exporter-config', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: configMapName, namespace: props.namespace, labels: props.labels },
    data: { 'config.yaml': renderComponentJmxExporterConfig(props.rules) },
  });
  return {
    port,
    javaAgentArg: `-javaagent:${AGENT_DIR}/jmx_prometheus_javaagent.jar=${port}:${CONFIG_DIR}/config.yaml`,
    initContainer: {
      name: 'fetch-jmx-exporter',
      image: props.image,
      command: ['/bin/sh', '-c', jmxAgentFetchScript(props.options?.url ?? JMX_AGENT_DEFAULT_URL, props.options?.sha256 ?? JMX_AGENT_DEFAULT_SHA256)],
      volumeMounts: [{ name: 'jmx-exporter-agent', mountPath: AGENT_DIR }],
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
      securityContext: restrictedContainerSecurityContext(),
    },
    volumes: [
      { name: 'jmx-exporter-agent', emptyDir: { sizeLimit: '50Mi' } },
      { name: 'jmx-exporter-config', configMap: { name: configMapName } },
    ],
    volumeMounts: [
      { name: 'jmx-exporter-agent', mountPath: AGENT_DIR, readOnly: true },
      { name: 'jmx-exporter-config', mountPath: CONFIG_DIR, readOnly: true },
    ],
  };
}
