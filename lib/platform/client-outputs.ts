import { TerraformOutput, TerraformStack } from 'cdktf';
import { KafkaClientConfig } from '../kafka/cluster/client-config';

/** Terraform output name of a user's client configuration: `kafka-client-<user>` (a user name's dots become `_`, which user names never hold). */
export function clientOutputName(username: string): string {
  return `kafka-client-${username.replace(/\./g, '_')}`;
}

/**
 * The non-secret facts of a client configuration, as a Terraform output
 * value: where to connect, how, and the names of the Secret and ConfigMap to
 * mount. Never the password (it stays in the Secret, out of Terraform state).
 */
export function clientOutputValue(config: KafkaClientConfig): Record<string, string> {
  return {
    username: config.username,
    bootstrap_servers: config.bootstrapServers,
    security_protocol: config.securityProtocol,
    sasl_mechanism: config.saslMechanism,
    namespace: config.namespace,
    credentials_secret: config.credentials.secretName,
    credentials_jaas_config_key: config.credentials.jaasConfigKey,
    credentials_password_key: config.credentials.passwordKey,
    ...(config.externalBootstrapServers ? { external_bootstrap_servers: config.externalBootstrapServers } : {}),
    ...(config.caBundle ? { ca_bundle_configmap: config.caBundle.configMapName, ca_bundle_key: config.caBundle.key } : {}),
  };
}

/** One output per declared user on `stack`. */
export function addClientConfigOutputs(stack: TerraformStack, configs: KafkaClientConfig[]): void {
  for (const config of configs) {
    new TerraformOutput(stack, clientOutputName(config.username), {
      value: clientOutputValue(config),
      description: `Kafka client configuration of user ${config.username} (no password: mount Secret ${config.credentials.secretName})`,
    });
  }
}
