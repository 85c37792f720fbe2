/* eslint-disable @typescript-eslint/no-explicit-any */
import { GitopsInputError } from '../errors';
import { byKind, K8sObject, parseProperties, podTemplate } from '../harness/k8s-objects';
import { nodeTlsJob } from '../harness/node-tls';

/** A topic the configuration declares (a line of the topics Job's `topics.tsv`). */
export interface DeclaredTopic {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly configs: Record<string, string>;
}

/**
 * What a verification needs to know about the Kafka cluster in a set of
 * synthesized objects, read from the objects themselves (labels, env vars,
 * server.properties, topics.tsv): the runtime contract in the README, not the
 * constructs, so any output of our synth can be verified.
 */
export interface ClusterFacts {
  readonly clusterName: string;
  readonly namespace: string;
  readonly mode: 'kraft' | 'zookeeper';
  /** Apache Kafka version of the broker image tag. */
  readonly kafkaVersion: string;
  /** ZooKeeper version of the ensemble image tag (ZooKeeper mode). */
  readonly zookeeperVersion?: string;
  /** The ZooKeeper install dir the start script names (`${ZOOKEEPER_HOME:-<dir>}`). */
  readonly zookeeperImageDir?: string;
  readonly brokerSets: K8sObject[];
  readonly controllerSets: K8sObject[];
  readonly zookeeperSets: K8sObject[];
  /** Labels that select the broker pods / the metadata quorum pods (controllers or ZooKeeper). */
  readonly brokerSelector: Record<string, string>;
  readonly quorumSelector: Record<string, string>;
  readonly internalPort: number;
  readonly metricsPort: number;
  readonly metricsPath: string;
  readonly securityProtocol: string;
  readonly saslMechanism: string;
  /** Name of the Secret holding the admin user's credentials. */
  readonly adminSecret: string;
  readonly brokerProperties: Record<string, string>;
  /** Cluster default min ISR (brokers' `min.insync.replicas`, Kafka's default 1 when unset). */
  readonly minInsyncReplicas: number;
  readonly defaultReplicationFactor: number;
  readonly topics: DeclaredTopic[];
  readonly usersJob?: K8sObject;
  readonly topicsJob?: K8sObject;
}

const COMPONENT = 'app.kubernetes.io/component';
const INSTANCE = 'app.kubernetes.io/instance';

function env(workload: K8sObject, name: string): any {
  return (podTemplate(workload).spec.containers[0].env ?? []).find((e: any) => e.name === name);
}

/** `apache/kafka:4.1.1`, `registry/x/kafka:3.9.1@sha256:...` -> `4.1.1`. */
export function imageVersion(image: string): string | undefined {
  const noDigest = image.split('@')[0];
  const tag = noDigest.lastIndexOf(':') > noDigest.lastIndexOf('/') ? noDigest.slice(noDigest.lastIndexOf(':') + 1) : '';
  return /^\d+\.\d+\.\d+/.exec(tag)?.[0];
}

/** The lines of a `topics.tsv` (name, partitions, replication factor, `key=value` configs; `#` comments). */
export function parseTopicsTsv(text: string): DeclaredTopic[] {
  return text.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((line) => {
    const [name, partitions, rf, ...configs] = line.split('\t');
    return {
      name, partitions: Number(partitions), replicationFactor: Number(rf),
      configs: Object.fromEntries(configs.filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])),
    };
  });
}

export function clusterFacts(objects: K8sObject[], where: string): ClusterFacts {
  const sets = byKind(objects, 'StatefulSet');
  const brokerSets = sets.filter((s) => s.metadata.labels?.[COMPONENT] === 'broker' && env(s, 'KP_ROLE')?.value === 'broker');
  if (brokerSets.length === 0) {
    throw new GitopsInputError(`${where} holds no Kafka broker StatefulSet (label ${COMPONENT}=broker with KP_ROLE=broker)`,
      'pass the GitOps directory cdktf-kafka-platform wrote for the cluster, e.g. cdktf.out/gitops/kafka (run `cdktf synth` first)');
  }
  const clusters = [...new Set(brokerSets.map((s) => s.metadata.labels?.[INSTANCE]))];
  if (clusters.length !== 1) {
    throw new GitopsInputError(`${where} holds brokers of ${clusters.length} clusters (${clusters.join(', ')})`, 'verify one cluster per GitOps directory');
  }
  const clusterName = clusters[0]!;
  const ofCluster = (component: string) => sets.filter((s) => s.metadata.labels?.[COMPONENT] === component && s.metadata.labels?.[INSTANCE] === clusterName);
  const first = brokerSets[0];
  const container = podTemplate(first).spec.containers[0];
  const mode = env(first, 'KP_METADATA_MODE')?.value === 'zookeeper' ? 'zookeeper' : 'kraft';
  const kafkaVersion = imageVersion(container.image ?? '');
  if (!kafkaVersion) {
    throw new GitopsInputError(`the broker image '${container.image}' has no x.y.z version tag, so the Kafka version to run is unknown`,
      'pin the image by version (e.g. apache/kafka:4.1.1), or pass --kafka-home <the matching Apache Kafka distribution>');
  }
  const configMapName = podTemplate(first).spec.volumes?.find((v: any) => v.configMap && (container.volumeMounts ?? [])
    .some((m: any) => m.name === v.name && m.mountPath === '/etc/kafka-template'))?.configMap.name;
  const brokerConfig = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === configMapName);
  const brokerProperties = parseProperties(brokerConfig?.data?.['server.properties'] ?? '');
  const interBroker = brokerProperties['inter.broker.listener.name'] ?? 'INTERNAL';
  const protocolMap = Object.fromEntries((brokerProperties['listener.security.protocol.map'] ?? '').split(',').filter(Boolean).map((kv) => kv.split(':')));
  const securityProtocol = protocolMap[interBroker] ?? 'PLAINTEXT';
  // TLS works locally when the configuration issues its own node certificate (the certificate Job, run locally).
  if (/SSL/.test(securityProtocol) && !nodeTlsJob(objects)) {
    throw new GitopsInputError(`the brokers' ${interBroker} listener uses ${securityProtocol} with certificates from outside the configuration; verify runs clients on the internal listener and can only make the certificates the certificate bootstrap Job makes`,
      'verify a configuration whose certificates come from the bootstrap Job or cert-manager, or test this one in a cluster');
  }
  const adminRef = env(first, 'KP_ADMIN_PASSWORD')?.valueFrom?.secretKeyRef?.name;
  if (!adminRef) throw new GitopsInputError(`the broker pods of ${clusterName} take no KP_ADMIN_PASSWORD from a Secret`, 'synthesize with a current cdktf-kafka-platform');
  const zookeeperSets = mode === 'zookeeper' ? ofCluster('zookeeper') : [];
  const zookeeperImage = zookeeperSets[0] ? podTemplate(zookeeperSets[0]).spec.containers[0].image : undefined;
  const allConfig = byKind(objects, 'ConfigMap').map((o) => Object.values(o.data ?? {}).join('\n')).join('\n');
  const jobs = byKind(objects, 'Job');
  const adminJobs = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === `${clusterName}-admin-jobs`);
  const internal = (container.ports ?? []).find((p: any) => p.name === 'internal')?.containerPort ?? Number(env(first, 'KP_INTERNAL_PORT')?.value ?? 9092);
  return {
    clusterName,
    namespace: first.metadata.namespace ?? 'default',
    mode,
    kafkaVersion,
    zookeeperVersion: zookeeperImage ? imageVersion(zookeeperImage) : undefined,
    zookeeperImageDir: /\$\{ZOOKEEPER_HOME:-([^}]+)\}/.exec(allConfig)?.[1],
    brokerSets,
    controllerSets: mode === 'kraft' ? ofCluster('controller') : [],
    zookeeperSets,
    brokerSelector: { [INSTANCE]: clusterName, [COMPONENT]: 'broker' },
    quorumSelector: { [INSTANCE]: clusterName, [COMPONENT]: mode === 'kraft' ? 'controller' : 'zookeeper' },
    internalPort: internal,
    metricsPort: Number(env(first, 'KP_METRICS_PORT')?.value ?? 9404),
    metricsPath: '/metrics',
    securityProtocol,
    saslMechanism: brokerProperties['sasl.mechanism.inter.broker.protocol'] ?? 'GSSAPI',
    adminSecret: adminRef,
    brokerProperties,
    minInsyncReplicas: Number(brokerProperties['min.insync.replicas'] ?? 1),
    defaultReplicationFactor: Number(brokerProperties['default.replication.factor'] ?? 1),
    topics: parseTopicsTsv(adminJobs?.data?.['topics.tsv'] ?? ''),
    usersJob: jobs.find((j) => j.metadata.name.startsWith(`${clusterName}-users-`)),
    topicsJob: jobs.find((j) => j.metadata.name.startsWith(`${clusterName}-topics-`)),
  };
}
