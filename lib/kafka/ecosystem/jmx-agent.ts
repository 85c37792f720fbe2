import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { restrictedContainerSecurityContext } from '../k8s/security-context';
import { JMX_AGENT_DEFAULT_PORT, JMX_AGENT_DIR, jmxAgentFetchScript, jmxAgentSourceProblem, JMX_EXPORTER_AGENT } from '../observability/jmx-agent';
import { JmxExporterRule, renderComponentJmxExporterConfig } from '../observability/jmx-exporter-config';

/**
 * The Prometheus JMX exporter as a Java agent for the JVM components that do
 * not speak Prometheus themselves (Schema Registry, Connect, ksqlDB): the
 * same pinned agent and fetch script as the brokers (`observability/jmx-agent`).
 * Air-gapped clusters point `url` at their own mirror; the checksum stays the same.
 */
export interface JmxAgentOptions {
  /** @default - jmx_prometheus_javaagent 1.0.1 from Maven Central (`JMX_EXPORTER_AGENT.url`) */
  readonly url?: string;
  /** SHA-256 of the jar at `url`. @default - the checksum of 1.0.1 (`JMX_EXPORTER_AGENT.sha256`) */
  readonly sha256?: string;
  /** Port where the agent serves `/metrics`. @default 9404 */
  readonly port?: number;
}

const CONFIG_DIR = '/etc/jmx-exporter';

export interface JmxAgentWiring {
  /** `-javaagent:...` argument to add to the component's JVM options env var. */
  readonly javaAgentArg: string;
  readonly port: number;
  readonly initContainer: Record<string, any>;
  readonly volumes: Record<string, any>[];
  readonly volumeMounts: Record<string, any>[];
}

/**
 * Creates the exporter ConfigMap and returns what the pod needs: an init
 * container (run with `image`, which must have curl and sha256sum: the
 * Confluent images do), volumes and the `-javaagent` argument.
 */
export function addJmxAgent(scope: Construct, props: { name: string; namespace: string; labels: Record<string, string>; image: string; rules: JmxExporterRule[]; options?: JmxAgentOptions }): JmxAgentWiring {
  const port = props.options?.port ?? JMX_AGENT_DEFAULT_PORT;
  const url = props.options?.url ?? JMX_EXPORTER_AGENT.url;
  const sha256 = props.options?.sha256 ?? JMX_EXPORTER_AGENT.sha256;
  const source = jmxAgentSourceProblem(url, sha256);
  if (source) throw new KafkaPlatformValidationError(scope.node.path, `jmxAgent.${source.prop}`, source.problem, source.fix);
  const configMapName = `${props.name}-jmx-exporter`;
  new ApiObject(scope, 'jmx-exporter-config', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: configMapName, namespace: props.namespace, labels: props.labels },
    data: { 'config.yaml': renderComponentJmxExporterConfig(props.rules) },
  });
  return {
    port,
    javaAgentArg: `-javaagent:${JMX_AGENT_DIR}/${JMX_EXPORTER_AGENT.fileName}=${port}:${CONFIG_DIR}/config.yaml`,
    initContainer: {
      name: 'fetch-jmx-exporter',
      image: props.image,
      command: ['/bin/sh', '-c', jmxAgentFetchScript(url, sha256)],
      volumeMounts: [{ name: 'jmx-exporter-agent', mountPath: JMX_AGENT_DIR }],
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
      securityContext: restrictedContainerSecurityContext(),
    },
    volumes: [
      { name: 'jmx-exporter-agent', emptyDir: { sizeLimit: '50Mi' } },
      { name: 'jmx-exporter-config', configMap: { name: configMapName } },
    ],
    volumeMounts: [
      { name: 'jmx-exporter-agent', mountPath: JMX_AGENT_DIR, readOnly: true },
      { name: 'jmx-exporter-config', mountPath: CONFIG_DIR, readOnly: true },
    ],
  };
}
