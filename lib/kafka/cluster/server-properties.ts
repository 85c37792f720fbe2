import { KAFKA_PATHS } from '../constants';
import { CONTROLLER_CLUSTER_DEFAULT_KEYS } from '../model/broker-config';
import { KafkaNodeRole } from '../model/cluster-naming';
import { KafkaClusterSpec } from '../model/cluster-spec';

const SCRAM_MECHANISMS = 'SCRAM-SHA-512,SCRAM-SHA-256';
const SCRAM_SERVER_JAAS = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';

/**
 * The role's base `server.properties`: what every pod of the role shares. The
 * start script appends the per-pod values (node id, rack, listeners,
 * credentials).
 */
export function baseServerProperties(spec: KafkaClusterSpec, role: KafkaNodeRole): Record<string, string> {
  if (role === 'controller') {
    const clusterDefaults = Object.fromEntries(CONTROLLER_CLUSTER_DEFAULT_KEYS.filter(k => spec.brokerConfig[k] !== undefined).map(k => [k, spec.brokerConfig[k]]));
    return {
      ...clusterDefaults,
      ...(spec.controllers?.configOverrides ?? {}),
      'process.roles': 'controller',
      'controller.listener.names': 'CONTROLLER',
      // NetworkPolicies admit only brokers and controllers, but not every CNI enforces them: the listener authenticates too.
      'listener.security.protocol.map': `CONTROLLER:${controllerProtocol(spec)}`,
      'sasl.mechanism.controller.protocol': 'PLAIN',
      'listener.name.controller.sasl.enabled.mechanisms': 'PLAIN',
      ...internalListenerTlsProperties(spec, 'controller'),
      ...authorizerProperties(spec),
    };
  }
  const ext = spec.externalListener;
  const protocolMap = [...(spec.kraft ? [`CONTROLLER:${controllerProtocol(spec)}`] : []), `INTERNAL:${spec.tls.internalProtocol}`, ...(ext ? ['EXTERNAL:SASL_SSL'] : [])].join(',');
  const props: Record<string, string> = {
    ...spec.brokerConfig,
    ...(spec.kraft ? { 'process.roles': 'broker', 'controller.listener.names': 'CONTROLLER', 'sasl.mechanism.controller.protocol': 'PLAIN' } : { 'broker.id.generation.enable': 'false' }),
    ...authorizerProperties(spec),
    'listener.security.protocol.map': protocolMap,
    'inter.broker.listener.name': 'INTERNAL',
    // Two SCRAM slots per user: a password rotation puts the new password in the slot its clients do not use (rotate-passwords.sh).
    'sasl.enabled.mechanisms': SCRAM_MECHANISMS,
    'sasl.mechanism.inter.broker.protocol': 'SCRAM-SHA-512',
    // Server side only (the inter-broker client logs in with SCRAM-SHA-512, whose JAAS kafka-start.sh writes).
    'listener.name.internal.scram-sha-256.sasl.jaas.config': SCRAM_SERVER_JAAS,
    ...(spec.kraft ? internalListenerTlsProperties(spec, 'controller') : {}),
    ...internalListenerTlsProperties(spec, 'internal'),
  };
  if (ext) {
    props['listener.name.external.sasl.enabled.mechanisms'] = SCRAM_MECHANISMS;
    props['listener.name.external.scram-sha-512.sasl.jaas.config'] = SCRAM_SERVER_JAAS;
    props['listener.name.external.scram-sha-256.sasl.jaas.config'] = SCRAM_SERVER_JAAS;
    props['listener.name.external.ssl.enabled.protocols'] = 'TLSv1.3,TLSv1.2';
  }
  return props;
}

/** The KRaft controller listener's protocol: SASL (PLAIN, the admin principal) over TLS unless the plaintext opt-in is set. */
function controllerProtocol(spec: KafkaClusterSpec): string {
  return spec.tls.enabled ? 'SASL_SSL' : 'SASL_PLAINTEXT';
}

/**
 * TLS of the controller or internal listener, on both its server and its client side (Kafka applies
 * `listener.name.<l>.*` to the inter-broker and controller clients of that listener too). The truststore
 * is the cluster CA from the node certificate Secret; kafka-start.sh adds the PEM keystore it builds from
 * the same Secret. The controller listener requires the node certificate (only brokers and controllers hold
 * it); the internal listener only requests one, so clients need none, but a certificate from another CA
 * fails the handshake. Hostname verification stays at Kafka's default (`https`).
 */
export function internalListenerTlsProperties(spec: KafkaClusterSpec, listener: 'controller' | 'internal'): Record<string, string> {
  if (!spec.tls.enabled) return {};
  const prefix = `listener.name.${listener}.ssl`;
  return {
    [`${prefix}.client.auth`]: listener === 'controller' ? 'required' : 'requested',
    [`${prefix}.enabled.protocols`]: 'TLSv1.3,TLSv1.2',
    [`${prefix}.truststore.type`]: 'PEM',
    [`${prefix}.truststore.location`]: `${KAFKA_PATHS.nodeTls}/ca.crt`,
    [`${prefix}.keystore.type`]: 'PEM',
  };
}

/**
 * Authorization on by default: without it every authenticated user is in
 * effect a super user. Only the platform's admin principal (the inter-broker
 * and controller identity, and the admin Jobs') is a super user, under its two
 * identities: an admin password rotation moves it from one to the other, and
 * every node must already trust the next one (the alternate has no password
 * until a rotation gives it one). Everyone else gets exactly the ACLs declared for it.
 */
export function authorizerProperties(spec: KafkaClusterSpec): Record<string, string> {
  return {
    'authorizer.class.name': spec.kraft ? 'org.apache.kafka.metadata.authorizer.StandardAuthorizer' : 'kafka.security.authorizer.AclAuthorizer',
    'allow.everyone.if.no.acl.found': 'false',
    'super.users': `User:${spec.adminCredentials.username};User:${spec.adminAlternateUsername}`,
  };
}
