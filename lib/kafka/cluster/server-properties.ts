import { CONTROLLER_CLUSTER_DEFAULT_KEYS } from '../model/broker-config';
import { KafkaNodeRole } from '../model/cluster-naming';
import { KafkaClusterSpec } from '../model/cluster-spec';

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
      'process.roles': 'controller',
      'controller.listener.names': 'CONTROLLER',
      // The controller listener is reachable only from brokers and controllers (NetworkPolicy).
      'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT',
      ...(spec.controllers?.configOverrides ?? {}),
    };
  }
  const ext = spec.externalListener;
  const protocolMap = [...(spec.kraft ? ['CONTROLLER:PLAINTEXT'] : []), 'INTERNAL:SASL_PLAINTEXT', ...(ext ? ['EXTERNAL:SASL_SSL'] : [])].join(',');
  const props: Record<string, string> = {
    ...spec.brokerConfig,
    ...(spec.kraft ? { 'process.roles': 'broker', 'controller.listener.names': 'CONTROLLER' } : { 'broker.id.generation.enable': 'false' }),
    'listener.security.protocol.map': protocolMap,
    'inter.broker.listener.name': 'INTERNAL',
    'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'sasl.mechanism.inter.broker.protocol': 'SCRAM-SHA-512',
  };
  if (ext) {
    props['listener.name.external.sasl.enabled.mechanisms'] = 'SCRAM-SHA-512';
    props['listener.name.external.scram-sha-512.sasl.jaas.config'] = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';
    props['listener.name.external.ssl.enabled.protocols'] = 'TLSv1.3,TLSv1.2';
  }
  return props;
}
