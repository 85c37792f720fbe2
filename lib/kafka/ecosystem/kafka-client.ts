import { caBundleVolume } from '../k8s/ca-bundle-volume';
import { plainEnv, secretEnv } from '../k8s/env';
import { internalClientTlsProperties } from '../model/internal-tls';
import { IKafkaCluster, KafkaUserCredentials } from '../types';

/** How a component's Kafka clients reach the internal listener: protocol, TLS truststore properties, and the CA bundle volume. */
export interface KafkaClientTransport {
  /** `security.protocol` plus, with TLS, `ssl.truststore.type=PEM` and `ssl.truststore.location` (the mounted CA bundle). */
  readonly properties: Record<string, string>;
  /** The CA bundle ConfigMap volume (empty without TLS). */
  readonly volumes: Record<string, any>[];
  /** Its read-only mount (empty without TLS). */
  readonly volumeMounts: Record<string, any>[];
  /** Path of the CA certificate in the container; undefined without TLS. */
  readonly caFile?: string;
}

/**
 * The transport settings of a client of the internal listener, from the
 * cluster's resolved TLS: SASL_SSL trusting the cluster CA (a PEM
 * truststore, Java clients >= 2.7, so no JKS and no truststore password), or
 * SASL_PLAINTEXT with `tls.dangerouslyUsePlaintextInternalListeners`.
 */
export function kafkaClientTransport(cluster: IKafkaCluster): KafkaClientTransport {
  const tls = cluster.internalTls;
  const ca = caBundleVolume(tls);
  const properties = tls ? internalClientTlsProperties(tls) : { 'security.protocol': cluster.internalSecurityProtocol };
  return { properties, volumes: ca.volumes, volumeMounts: ca.volumeMounts, caFile: ca.caFile };
}

/** `ssl.truststore.type` -> `SSL_TRUSTSTORE_TYPE`: the env var spelling of a client property under an image's prefix. */
export function propertyEnvName(envPrefix: string, property: string): string {
  return `${envPrefix}${property.toUpperCase().replace(/\./g, '_')}`;
}

/**
 * The standard Kafka client security settings for the internal SASL listener,
 * as env vars under `envPrefix` (e.g. `SCHEMA_REGISTRY_KAFKASTORE_SSL_TRUSTSTORE_TYPE`),
 * plus the CA bundle volume and mount the truststore location points to: the
 * JAAS line (with the password) is read from the user's Secret; everything
 * else is plain.
 */
export function kafkaClientSecurity(cluster: IKafkaCluster, credentials: KafkaUserCredentials, envPrefix: string): {
  env: Record<string, any>[]; volumes: Record<string, any>[]; volumeMounts: Record<string, any>[];
} {
  const transport = kafkaClientTransport(cluster);
  return {
    env: [
      ...Object.entries(transport.properties).map(([k, v]) => plainEnv(propertyEnvName(envPrefix, k), v)),
      plainEnv(`${envPrefix}SASL_MECHANISM`, cluster.saslMechanism),
      secretEnv(`${envPrefix}SASL_JAAS_CONFIG`, credentials.secretName, credentials.jaasConfigKey),
    ],
    volumes: transport.volumes,
    volumeMounts: transport.volumeMounts,
  };
}

/** JVM options that size the heap from the container memory limit, leaving room for metaspace and direct buffers. */
export const JVM_HEAP_FROM_LIMIT = '-XX:InitialRAMPercentage=50.0 -XX:MaxRAMPercentage=70.0';
