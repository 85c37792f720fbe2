import { KAFKA_PATHS } from '../constants';
import { containerSecurityContext } from '../k8s/security-context';

/**
 * The Prometheus JMX exporter java agent that brokers, controllers, ZooKeeper
 * and the JVM ecosystem components (Schema Registry, Connect, ksqlDB) run.
 * An init container downloads exactly this file and refuses it unless the
 * SHA-256 matches (verified with `mvn dependency:get` + sha256sum), so a pod
 * never starts with another agent. Brokers and controllers start without one,
 * loudly, when it cannot be had (see `jmxAgentFetchScript`).
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
 * How long one start may spend fetching the agent: each attempt connects
 * within 10 s and finishes within 60 s; retries (of timeouts and 5xx answers)
 * stop after 120 s. An unreachable source (no route, refused, a dead proxy)
 * fails within about 3 minutes at most, usually at once.
 */
export const JMX_AGENT_DOWNLOAD_BOUND = '--connect-timeout 10 --max-time 60 --retry 3 --retry-delay 3 --retry-max-time 120';

/** What the init container does when the agent is neither cached nor downloadable within the bound. */
export type JmxAgentUnavailable = 'fail' | 'start-without-agent';

/** Printed by the init container (and kafka-start.sh) when a pod starts without its agent: what to grep for. */
export const JMX_AGENT_UNAVAILABLE_MARK = 'JMX EXPORTER AGENT UNAVAILABLE';

/**
 * Shell run by the init container: download next to the target, verify, then
 * move into place, so a partial or foreign download is never used (a
 * checksum mismatch always fails the start). Every attempt is bounded
 * (`JMX_AGENT_DOWNLOAD_BOUND`).
 * With `cacheDir` (a persistent volume), a copy that passes the same checksum
 * is used without any download, and a verified download is kept there: a pod
 * restart needs no network once the pod has started once.
 * `ifUnavailable`: when the source cannot be reached within the bound, either
 * fail the start (`fail`), or exit 0 without installing the agent, loudly
 * (`start-without-agent`): the start script then runs Kafka without metrics.
 * `url` and `sha256` must have been checked (`jmxAgentSourceProblem`): they are
 * interpolated into the script.
 */
export function jmxAgentFetchScript(url: string = JMX_EXPORTER_AGENT.url, sha256: string = JMX_EXPORTER_AGENT.sha256, dir: string = JMX_AGENT_DIR, cacheDir?: string, ifUnavailable: JmxAgentUnavailable = 'fail'): string {
  const target = `${dir}/${JMX_EXPORTER_AGENT.fileName}`;
  const curl = `curl -fsSL ${JMX_AGENT_DOWNLOAD_BOUND} -o "${target}.download" "${url}"`;
  const download = ifUnavailable === 'fail' ? [curl] : [
    `if ! ${curl}; then`,
    `  rm -f "${target}.download"`,
    `  echo "${JMX_AGENT_UNAVAILABLE_MARK}: could not download ${url} within the bound and no verified copy is cached; this pod starts WITHOUT its JMX exporter agent (no metrics; the scrape target is down). Make the source reachable (jmxAgent.url names a mirror), then restart the pod." >&2`,
    '  exit 0',
    'fi',
  ];
  if (!cacheDir) {
    return [
      'set -eu',
      ...download,
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
    ...download.map(line => `  ${line}`),
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

/** Where broker and controller pods take the agent from, and what happens when they cannot (`KafkaClusterProps.jmxAgent`). */
export interface KafkaJmxAgentSource {
  readonly url: string;
  readonly sha256: string;
  /** true: a pod never starts without its agent (fail closed); false: it starts without metrics, loudly. */
  readonly required: boolean;
}

/** The pinned agent from Maven Central; a pod whose agent is unreachable starts without it. */
export const DEFAULT_KAFKA_JMX_AGENT_SOURCE: KafkaJmxAgentSource = { url: JMX_EXPORTER_AGENT.url, sha256: JMX_EXPORTER_AGENT.sha256, required: false };

/**
 * The init container of broker and controller pods: installs the agent into
 * the `jmx-exporter` volume with `image` (curl + sha256sum), from the copy on
 * the pod's data volume when it has one (`JMX_AGENT_CACHE_DIR`), else from
 * `source.url`, within `JMX_AGENT_DOWNLOAD_BOUND`.
 */
export function kafkaJmxAgentInitContainer(image: string, source: KafkaJmxAgentSource = DEFAULT_KAFKA_JMX_AGENT_SOURCE): Record<string, any> {
  const script = jmxAgentFetchScript(source.url, source.sha256, JMX_AGENT_DIR, JMX_AGENT_CACHE_DIR, source.required ? 'fail' : 'start-without-agent');
  return {
    name: 'fetch-jmx-exporter',
    image,
    imagePullPolicy: 'IfNotPresent',
    command: ['/bin/sh', '-c', script],
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
