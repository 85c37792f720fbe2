/** Images, pinned by tag; never `latest`. */
export const KAFKA_DEFAULT_IMAGES = {
  /** KRaft mode brokers and controllers. */
  kafkaKraft: 'apache/kafka:4.1.1',
  /** ZooKeeper mode brokers: the 3.9 line is the last one that supports ZooKeeper. */
  kafkaZooKeeper: 'apache/kafka:3.9.1',
  zookeeper: 'zookeeper:3.8.4',
  /** bash + kubectl + openssl for the in-cluster Secret and certificate bootstrap Jobs. */
  secretsJob: 'alpine/k8s:1.33.5',
  /** curl + sha256sum for the init container that fetches the JMX exporter agent. */
  agentFetcher: 'curlimages/curl:8.11.1',
} as const;

/** Container ports. Each appears here once; pods get them as env vars too, so a harness can move them. */
export const KAFKA_PORTS = {
  internal: 9092,
  controller: 9093,
  external: 9094,
  metrics: 9404,
  zookeeperClient: 2181,
  zookeeperPeer: 2888,
  zookeeperElection: 3888,
} as const;

/** uid/gid of `appuser` in apache/kafka and of `zookeeper` in the official zookeeper image. */
export const KAFKA_RUN_AS_USER = 1000;

/** Broker node.id = BROKER_NODE_ID_BASE + zone slot * BROKER_NODE_ID_ZONE_STRIDE + podOrdinal. */
export const BROKER_NODE_ID_BASE = 1000;
export const BROKER_NODE_ID_ZONE_STRIDE = 100;

/** Where client pods (admin Jobs, ecosystem components, exporters) mount the cluster's CA bundle ConfigMap. */
export const CA_BUNDLE_MOUNT_PATH = '/etc/kafka-platform/ca';

/** Paths inside Kafka containers. */
export const KAFKA_PATHS = {
  /** ConfigMap with base properties and scripts (read-only). */
  template: '/etc/kafka-template',
  /** Writable emptyDir for the final server.properties and the TLS PEM file. */
  config: '/var/run/kafka/config',
  /** Writable emptyDir for Kafka's log4j output files. */
  logs: '/var/run/kafka/logs',
  /** Persistent volume mount. */
  dataMount: '/var/lib/kafka',
  /** log.dirs / metadata.log.dir: a sub directory, so `lost+found` on the volume root never confuses Kafka. */
  data: '/var/lib/kafka/data',
  /** JMX exporter agent (emptyDir filled by the init container). */
  agent: '/opt/jmx-exporter',
  /** TLS Secret of the external listener. */
  externalTls: '/etc/kafka-tls/external',
  /** The node certificate Secret (controller, replication and in-cluster client listeners); brokers and controllers only. */
  nodeTls: '/etc/kafka-tls/node',
  tmp: '/tmp',
} as const;

export const KAFKA_HOME = '/opt/kafka';

/** Minimum grace period: a broker must be able to move its leaderships and flush before SIGKILL. */
export const MIN_TERMINATION_GRACE_PERIOD_SECONDS = 120;
