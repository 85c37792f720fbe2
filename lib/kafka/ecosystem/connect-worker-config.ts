import { renderPropertiesFile } from '../model/java-properties';
import { CONNECT_PLUGIN_DIR } from './connect-plugin';

/** Directory where Kubernetes Secrets referenced by connectors are mounted, one sub-directory per Secret. */
export const CONNECT_SECRETS_DIR = '/opt/connect-secrets';
/** Env var holding the worker's `sasl.jaas.config` line (from the Kafka user's Secret). */
export const CONNECT_JAAS_ENV = 'CONNECT_KAFKA_SASL_JAAS_CONFIG';
/** Env var holding the address other workers use to reach this one's REST API. */
export const CONNECT_ADVERTISED_HOST_ENV = 'CONNECT_REST_ADVERTISED_HOST';
/**
 * Env var holding the REST port the worker listens on and advertises. The
 * pod spec sets it next to the container port, so the port is chosen in one
 * place and a worker run outside Kubernetes can take another one.
 */
export const CONNECT_REST_PORT_ENV = 'CONNECT_REST_PORT';

export interface ConnectWorkerConfigOptions {
  readonly bootstrapServers: string;
  readonly securityProtocol: string;
  readonly saslMechanism: string;
  /**
   * TLS client properties of the internal listener (`ssl.truststore.type`,
   * `ssl.truststore.location`), set for the worker and its producer, consumer
   * and admin clients. @default - none (a SASL_PLAINTEXT listener)
   */
  readonly sslProperties?: Record<string, string>;
  readonly groupId: string;
  readonly configTopic: string;
  readonly offsetTopic: string;
  readonly statusTopic: string;
  readonly replicationFactor: number;
  readonly offsetPartitions: number;
  readonly statusPartitions: number;
  /**
   * Directory the DirectoryConfigProvider may read (`allowed.paths`); it must
   * exist when the worker starts. @default CONNECT_SECRETS_DIR (/opt/connect-secrets)
   */
  readonly secretsDir?: string;
  /** Extra worker properties; they win over the defaults above except the security ones. */
  readonly overrides?: Record<string, string>;
}

/** Worker properties this library owns; overriding them would break security or the secret wiring. */
export const PROTECTED_WORKER_PROPERTIES = [
  'bootstrap.servers', 'group.id', 'security.protocol', 'sasl.mechanism', 'sasl.jaas.config',
  'config.providers', 'config.storage.topic', 'offset.storage.topic', 'status.storage.topic',
  'producer.security.protocol', 'producer.sasl.mechanism', 'producer.sasl.jaas.config',
  'consumer.security.protocol', 'consumer.sasl.mechanism', 'consumer.sasl.jaas.config',
  'admin.security.protocol', 'admin.sasl.mechanism', 'admin.sasl.jaas.config',
  // The truststore is the cluster CA: swapping it would trust another CA (or none) for the worker's own credentials.
  ...['', 'producer.', 'consumer.', 'admin.'].flatMap(p => [`${p}ssl.truststore.type`, `${p}ssl.truststore.location`, `${p}ssl.endpoint.identification.algorithm`]),
  // HA of the internal topics comes from topicReplicationFactor (checked by the topic rules); connectors must not swap the worker's identity.
  'config.storage.replication.factor', 'offset.storage.replication.factor', 'status.storage.replication.factor',
  'connector.client.config.override.policy',
];

/**
 * Renders `connect-distributed.properties` for a distributed-mode worker.
 *
 * Nothing secret is in it: the JAAS line, the advertised REST host and the
 * REST port come from env vars through Kafka's EnvVarConfigProvider
 * (`${env:...}`), and
 * connector secrets from mounted Secret files through the
 * DirectoryConfigProvider (`${dir:/opt/connect-secrets/<secret>:<key>}`).
 * So the same file runs a worker outside Kubernetes: export
 * `CONNECT_KAFKA_SASL_JAAS_CONFIG`, `CONNECT_REST_ADVERTISED_HOST` and
 * `CONNECT_REST_PORT`,
 * create the secrets directory (Kafka refuses an `allowed.paths` entry that
 * does not exist), then `connect-distributed.sh connect-distributed.properties`.
 */
export function renderConnectWorkerProperties(o: ConnectWorkerConfigOptions): string {
  const security = (prefix: string): Array<[string, string]> => [
    [`${prefix}security.protocol`, o.securityProtocol],
    [`${prefix}sasl.mechanism`, o.saslMechanism],
    [`${prefix}sasl.jaas.config`, `\${env:${CONNECT_JAAS_ENV}}`],
    ...Object.entries(o.sslProperties ?? {}).map(([k, v]): [string, string] => [`${prefix}${k}`, v]),
  ];
  const base: Array<[string, string]> = [
    ['bootstrap.servers', o.bootstrapServers],
    ['group.id', o.groupId],
    ['config.storage.topic', o.configTopic],
    ['offset.storage.topic', o.offsetTopic],
    ['status.storage.topic', o.statusTopic],
    ['config.storage.replication.factor', String(o.replicationFactor)],
    ['offset.storage.replication.factor', String(o.replicationFactor)],
    ['status.storage.replication.factor', String(o.replicationFactor)],
    ['offset.storage.partitions', String(o.offsetPartitions)],
    ['status.storage.partitions', String(o.statusPartitions)],
    ['key.converter', 'org.apache.kafka.connect.json.JsonConverter'],
    ['value.converter', 'org.apache.kafka.connect.json.JsonConverter'],
    // Listen and advertise on the same port, set once in the pod spec (the env var beside the container port).
    ['listeners', `http://0.0.0.0:\${env:${CONNECT_REST_PORT_ENV}}`],
    ['rest.advertised.host.name', `\${env:${CONNECT_ADVERTISED_HOST_ENV}}`],
    ['rest.advertised.port', `\${env:${CONNECT_REST_PORT_ENV}}`],
    ['plugin.path', `${CONNECT_PLUGIN_DIR},/usr/share/java,/usr/share/confluent-hub-components`],
    ['config.providers', 'env,dir'],
    ['config.providers.env.class', 'org.apache.kafka.common.config.provider.EnvVarConfigProvider'],
    ['config.providers.dir.class', 'org.apache.kafka.common.config.provider.DirectoryConfigProvider'],
    // Connectors may read only the mounted Secrets, not arbitrary files on the worker.
    ['config.providers.dir.param.allowed.paths', o.secretsDir ?? CONNECT_SECRETS_DIR],
    // Connectors must not swap the worker's Kafka identity for another one.
    ['connector.client.config.override.policy', 'None'],
    ['topic.creation.enable', 'true'],
    ...security(''),
    ...security('producer.'),
    ...security('consumer.'),
    ...security('admin.'),
  ];
  const merged = new Map(base);
  for (const [k, v] of Object.entries(o.overrides ?? {})) merged.set(k, v);
  // Keys and values are escaped per java.util.Properties; KafkaConnect has refused keys that are no config names.
  return renderPropertiesFile('Kafka Connect distributed worker. Generated by cdktf-kafka-platform; secrets come from ${env:...} / ${dir:...}.', merged);
}
