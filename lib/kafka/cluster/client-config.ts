import { KafkaPlatformValidationError } from '../../errors';
import { CA_BUNDLE_MOUNT_PATH } from '../constants';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { internalClientTlsProperties } from '../model/internal-tls';
import { renderPropertiesFile } from '../model/java-properties';
import { KafkaUserCredentials } from '../types';

/** Where a client finds the files `toProperties` points to. */
export interface KafkaClientPropertiesOptions {
  /**
   * Path of the CA certificate (PEM) where the client has it, e.g. where its
   * pod mounts the CA bundle ConfigMap. @default `/etc/kafka-platform/ca/ca.crt`
   */
  readonly caFile?: string;
}

/**
 * Everything a client of the internal (in-cluster) listener needs to connect
 * as one declared user. Holds no password: the password, and a ready-made
 * `sasl.jaas.config` line, stay in the user's Secret.
 */
export interface KafkaClientConfig {
  readonly username: string;
  /** In-cluster bootstrap servers, `host:port,...`. */
  readonly bootstrapServers: string;
  /** `security.protocol`: SASL_SSL unless `tls.dangerouslyUsePlaintextInternalListeners`. */
  readonly securityProtocol: 'SASL_SSL' | 'SASL_PLAINTEXT';
  readonly saslMechanism: 'SCRAM-SHA-512';
  /** Namespace of the credentials Secret and the CA bundle ConfigMap (the cluster's). */
  readonly namespace: string;
  /** The Secret with the user's password (`passwordKey`) and its `sasl.jaas.config` line (`jaasConfigKey`). */
  readonly credentials: { readonly secretName: string; readonly passwordKey: string; readonly jaasConfigKey: string };
  /**
   * The external listener's bootstrap `host:port`, when there is one: always SASL_SSL with the same
   * mechanism and credentials, but its certificate is the external TLS Secret's, not the cluster CA's.
   */
  readonly externalBootstrapServers?: string;
  /** The ConfigMap with the cluster CA certificate (public, PEM) to trust; undefined without TLS. */
  readonly caBundle?: { readonly configMapName: string; readonly key: string };
  /**
   * Java client properties (Java client >= 2.7 for the PEM truststore). The
   * password is a placeholder naming the Secret and key it comes from: put the
   * Secret's `sasl.jaas.config` value there (e.g. from an env var), never the
   * password itself into a file you commit.
   */
  toProperties(options?: KafkaClientPropertiesOptions): Record<string, string>;
  /** `toProperties` as a `client.properties` file. */
  toPropertiesFile(options?: KafkaClientPropertiesOptions): string;
}

/** What the client configuration is built from: the cluster's spec and who is declared. */
export interface ClientConfigSource {
  readonly constructPath: string;
  readonly spec: KafkaClusterSpec;
  readonly declaredUsers: KafkaUserCredentials[];
}

/** The placeholder `toProperties` puts where the password goes. */
export function passwordPlaceholder(credentials: KafkaUserCredentials): string {
  return `<key ${credentials.passwordKey} of Secret ${credentials.secretName}>`;
}

/**
 * The typed client configuration of `username`, which must be declared
 * (`addUser`, a component, a tenant) or be the admin user.
 */
export function kafkaClientConfig(source: ClientConfigSource, username: string): KafkaClientConfig {
  const { spec } = source;
  const credentials = username === spec.adminCredentials.username
    ? spec.adminCredentials
    : source.declaredUsers.find(u => u.username === username);
  if (!credentials) {
    const known = source.declaredUsers.map(u => u.username);
    throw new KafkaPlatformValidationError(source.constructPath, `clientConfig(${JSON.stringify(username)})`,
      `${JSON.stringify(username)} is not a declared user (declared: ${known.length > 0 ? known.join(', ') : 'none'})`,
      `declare it first with addUser(${JSON.stringify(username)}, { acls }) or as a KafkaTenant user, then ask for its client configuration`);
  }
  const tls = spec.tls;
  const securityProtocol = tls.enabled ? 'SASL_SSL' : 'SASL_PLAINTEXT';
  const saslMechanism = 'SCRAM-SHA-512';
  const toProperties = (options: KafkaClientPropertiesOptions = {}): Record<string, string> => {
    const transport = internalClientTlsProperties(tls, CA_BUNDLE_MOUNT_PATH);
    if (tls.enabled && options.caFile) transport['ssl.truststore.location'] = options.caFile;
    return {
      'bootstrap.servers': spec.internalBootstrapServers,
      ...transport,
      'sasl.mechanism': saslMechanism,
      'sasl.jaas.config': `org.apache.kafka.common.security.scram.ScramLoginModule required username="${credentials.username}" password="${passwordPlaceholder(credentials)}";`,
    };
  };
  return {
    username,
    bootstrapServers: spec.internalBootstrapServers,
    securityProtocol,
    saslMechanism,
    namespace: spec.namespace,
    credentials: { secretName: credentials.secretName, passwordKey: credentials.passwordKey, jaasConfigKey: credentials.jaasConfigKey },
    ...(spec.externalListener ? { externalBootstrapServers: spec.externalListener.bootstrapServers } : {}),
    caBundle: tls.enabled ? { configMapName: tls.caBundleConfigMapName, key: tls.caBundleKey } : undefined,
    toProperties,
    toPropertiesFile: (options) => renderPropertiesFile(
      `Kafka client of user ${username} (cluster ${spec.clusterName}). The password is a placeholder: use the value of key ` +
      `${credentials.jaasConfigKey} of Secret ${credentials.secretName} as sasl.jaas.config.`,
      Object.entries(toProperties(options))),
  };
}
