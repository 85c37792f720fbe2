import { plainEnv, secretEnv } from '../k8s/env';
import { IKafkaCluster, KafkaUserCredentials } from '../types';

/**
 * The standard Kafka client security settings for the internal SASL listener,
 * as env vars under `envPrefix`: the JAAS line (with the password) is read
 * from the user's Secret; everything else is plain.
 */
export function kafkaClientSecurity(cluster: IKafkaCluster, credentials: KafkaUserCredentials, envPrefix: string): { env: Record<string, any>[] } {
  return {
    env: [
      plainEnv(`${envPrefix}SECURITY_PROTOCOL`, cluster.internalSecurityProtocol),
      plainEnv(`${envPrefix}SASL_MECHANISM`, cluster.saslMechanism),
      secretEnv(`${envPrefix}SASL_JAAS_CONFIG`, credentials.secretName, credentials.jaasConfigKey),
    ],
  };
}

/** JVM options that size the heap from the container memory limit, leaving room for metaspace and direct buffers. */
export const JVM_HEAP_FROM_LIMIT = '-XX:InitialRAMPercentage=50.0 -XX:MaxRAMPercentage=70.0';
