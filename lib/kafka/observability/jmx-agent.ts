import { KAFKA_PATHS } from '../constants';
import { containerSecurityContext } from '../k8s/security-context';

/**
 * The Prometheus JMX exporter java agent that brokers, controllers, ZooKeeper
 * and the JVM ecosystem components (Schema Registry, Connect, ksqlDB) run.
 * An init container downloads exactly this file and refuses it unless the
 * SHA-256 matches (verified with `mvn dependency:get` + sha256sum), so a pod
 * never starts with another agent, or without one.
 */
export const JMX_EXPORTER_AGENT = {
  version: '1.0.1',
  url: 'https://repo1.maven.org/maven2/io/prometheus/jmx/jmx_prometheus_javaagent/1.0.1/jmx_prometheus_javaagent-1.0.1.jar',
  sha256: '7d61f737fd661610ccc14aea79764faa1ea94a340cbc8f0029b3d2edea3d80c1',
  fileName: 'jmx_prometheus_javaagent.jar',
} as const;

/** Directory of the agent jar inside every pod (an emptyDir the init container fills). */
export const JMX_AGENT_DIR = KAFKA_PATHS.agent;
/** Port where the agent serves `/metrics`, in every pod (`KAFKA_PORTS.metrics` for the core). */
export const JMX_AGENT_DEFAULT_PORT = 9404;
/** Name of the container port serving the agent's metrics. */
export const JMX_AGENT_PORT_NAME = 'metrics';

/**
 * Shell run by the init container: download next to the target, verify, then
 * move into place, so a partial or foreign download is never used (fail closed).
 * Every attempt is bounded (connect and total time), so an unreachable
 * source fails the start in minutes instead of hanging it.
 * With `cacheDir` (a persistent volume), a copy that passes the same checksum
 * is used without any download, and a verified download is kept there: a pod
 * restart needs no network once the pod has started once.
 * `url` and `sha256` must have been checked (`jmxAgentSourceProblem`): they are
 * interpolated into the script.
 */
export function jmxAgentFetchScript(url: string = JMX_EXPORTER_AGENT.url, sha256: string = JMX_EXPORTER_AGENT.sha256, dir: string = JMX_AGENT_DIR, cacheDir?: string): string {
  const target = `${dir}/${JMX_EXPORTER_AGENT.fileName}`;
  const download = `curl -fsSL --connect-timeout 10 --max-time 300 --retry 5 --retry-delay 3 -o "${target}.download" "${url}"`;
  if (!cacheDir) {
    return [
      'set -eu',
      download,
      `echo "${sha256}  ${target}.download" | sha256sum -c -`,
      `mv "${target}.download" "${target}"`,
    ].join('\n');
  }
  const cached = `${cacheDir}/${sha256}.jar`;
  return [
    'set -eu',
    `if [ -f "${cached}" ] && echo "${sha256}  ${cached}" | sha256sum -c - >/dev/null 2>&1; then`,
    `  cp "${cached}" "${target}.download"`,
    'else',
    `  ${download}`,
    'fi',
    `echo "${sha256}  ${target}.download" | sha256sum -c -`,
    // Best effort: a full volume must not stop the start; the next start downloads again.
    `mkdir -p "${cacheDir}" && cp "${target}.download" "${cached}.tmp" && mv "${cached}.tmp" "${cached}" || echo "jmx agent: could not cache in ${cacheDir}" >&2`,
    `mv "${target}.download" "${target}"`,
  ].join('\n');
}

/** Where broker and controller pods keep the verified agent, on their data volume (outside `log.dirs`). */
export const JMX_AGENT_CACHE_DIR = `${KAFKA_PATHS.dataMount}/jmx-agent-cache`;

/** What is wrong with a custom agent source (a mirror for air-gapped clusters), or undefined. */
export function jmxAgentSourceProblem(url: string, sha256: string): { readonly prop: 'url' | 'sha256'; readonly problem: string; readonly fix: string } | undefined {
  // Interpolated into a double-quoted shell word: no quoting, expansion or whitespace characters.
  if (!/^https?:\/\/[^\s"'`$\\]+$/.test(url)) {
    return { prop: 'url', problem: `${JSON.stringify(url)} is not a plain http(s) URL`, fix: 'use the URL of the jar on your Maven mirror, without quotes, spaces, "$" or backslashes' };
  }
  if (!/^[0-9a-f]{64}$/.test(sha256)) {
    return { prop: 'sha256', problem: `${JSON.stringify(sha256)} is not a SHA-256 hex digest`, fix: 'run `sha256sum` on the jar and paste the 64 lower-case hex characters' };
  }
  return undefined;
}

/**
 * The init container of broker and controller pods: installs the agent into
 * the `jmx-exporter` volume with `image` (curl + sha256sum), from the copy on
 * the pod's data volume when it has one (`JMX_AGENT_CACHE_DIR`).
 */
export function kafkaJmxAgentInitContainer(image: string): Record<string, any> {
  return {
    name: 'fetch-jmx-exporter',
    image,
    imagePullPolicy: 'IfNotPresent',
    command: ['/bin/sh', '-c', jmxAgentFetchScript(JMX_EXPORTER_AGENT.url, JMX_EXPORTER_AGENT.sha256, JMX_AGENT_DIR, JMX_AGENT_CACHE_DIR)],
    resources: { requests: { cpu: '50m', memory: '32Mi' }, limits: { cpu: '200m', memory: '64Mi' } },
    securityContext: containerSecurityContext(),
    volumeMounts: [
      { name: 'jmx-exporter', mountPath: JMX_AGENT_DIR },
      { name: 'tmp', mountPath: KAFKA_PATHS.tmp },
      { name: 'data', mountPath: KAFKA_PATHS.dataMount },
    ],
  };
}

/** The pinned agent's version, URL and checksum (aliases of `JMX_EXPORTER_AGENT`). */
export const JMX_AGENT_VERSION = JMX_EXPORTER_AGENT.version;
export const JMX_AGENT_DEFAULT_URL = JMX_EXPORTER_AGENT.url;
export const JMX_AGENT_DEFAULT_SHA256 = JMX_EXPORTER_AGENT.sha256;
