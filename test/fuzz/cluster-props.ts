import * as fc from 'fast-check';
import { KafkaMetadataMode, KafkaProfile, LoadBalancerExposure } from '../../lib/kafka';
import { stubFlavour } from '../kafka/helpers';
import { cidr, clean, configMap, dnsName, hostileNumber, hostileString, mostly, record, resources, slot, withHostility, wrongType } from './arbitraries';

/** Generated KafkaClusterProps: half the cases valid in every slot, half with slots valid, absent, hostile or of the wrong type. */
export const clusterProps = fc.oneof(withHostility(0, clusterPropsArbitrary), withHostility(1, clusterPropsArbitrary));

function clusterPropsArbitrary(): fc.Arbitrary<Record<string, unknown>> {
const ZONES = ['zone-a', 'zone-b', 'zone-c', 'zone-d'];

const zones = () => clean() ? fc.constantFrom(ZONES.slice(0, 3), ZONES.slice(1, 4)) : fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(ZONES.slice(0, 3), ZONES.slice(0, 3), ZONES.slice(0, 3), ZONES, ZONES.slice(0, 1), ZONES.slice(0, 2)) },
  { weight: 1, arbitrary: fc.array(mostly(fc.constantFrom(...ZONES), hostileString), { maxLength: 4 }) },
  { weight: 1, arbitrary: wrongType },
);

const replicas = () => clean() ? fc.constantFrom(3, 6) : fc.oneof({ weight: 16, arbitrary: fc.constantFrom(1, 3, 3, 5, 6) }, { weight: 1, arbitrary: fc.constantFrom(303, 400) }, { weight: 1, arbitrary: hostileNumber });

const volume = () => record({ size: slot(fc.constantFrom('10Gi', '100Gi', '1Ti'), fc.oneof(hostileString, fc.constantFrom('0Gi', '100GB', '1.5Gi'))), storageClassName: slot(dnsName, hostileString) });

const externalListener = () => record({
  domain: mostly(fc.constantFrom('kafka.example.com', 'k.example.org'), fc.oneof(hostileString, wrongType)),
  loadBalancer: slot(record({
    flavour: slot(fc.constant(stubFlavour())),
    exposure: slot(fc.constantFrom(LoadBalancerExposure.INTERNAL, LoadBalancerExposure.INTERNET), hostileString),
    allowedSourceCidrs: slot(fc.array(cidr(), { maxLength: 3 }), fc.array(hostileString, { maxLength: 2 })),
    dangerouslyAllowAnySource: slot(fc.boolean()),
  })),
  tls: mostly(fc.constant({ secretName: 'kafka-tls' }), fc.oneof(wrongType, record({ secretName: slot(dnsName, hostileString), certManagerIssuer: slot(record({ name: slot(dnsName, hostileString), kind: slot(fc.constantFrom('Issuer', 'ClusterIssuer'), hostileString) })) }))),
  port: slot(fc.constantFrom(9094, 19094), hostileNumber),
});

const topic = () => record({
  name: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('orders', 'orders.v1', 'orders_v1', 'payments') }, { weight: 1, arbitrary: hostileString }),
  partitions: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(1, 3, 12) }, { weight: 1, arbitrary: hostileNumber }),
  replicationFactor: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(3) }, { weight: 1, arbitrary: hostileNumber }),
  config: slot(clean() ? fc.subarray([['retention.ms', '60000'], ['cleanup.policy', 'delete']]).map(e => Object.fromEntries(e)) : configMap()),
});

  return record({
  zones: zones(),
  namespace: slot(dnsName, hostileString),
  clusterName: slot(dnsName, fc.oneof(hostileString, fc.constant('a'.repeat(40)))),
  metadataMode: slot(clean() ? fc.constant(KafkaMetadataMode.KRAFT) : fc.constantFrom(KafkaMetadataMode.KRAFT, KafkaMetadataMode.KRAFT, KafkaMetadataMode.ZOOKEEPER), hostileString),
  profile: slot(fc.constantFrom(KafkaProfile.PRODUCTION, KafkaProfile.DEVELOPMENT), hostileString),
  brokers: slot(record({
    replicas: slot(replicas()),
    storage: slot(volume()),
    resources: slot(resources()),
    config: slot(configMap()),
    terminationGracePeriodSeconds: slot(fc.constantFrom(180, 300), hostileNumber),
    heapFraction: slot(fc.constantFrom(0.5, 0.3), hostileNumber),
  })),
  controllers: slot(record({ replicas: slot(clean() ? fc.constantFrom(3, 5) : replicas()), storage: slot(volume()), resources: slot(resources()), config: slot(clean() ? fc.constant({ 'log.retention.hours': '168' }) : configMap()) })),
  storageClassName: slot(dnsName, hostileString),
  nodePlacement: slot(record({
    nodeLabels: slot(fc.dictionary(mostly(fc.constantFrom('kafka', 'example.com/pool'), hostileString), mostly(fc.constantFrom('true', 'kafka'), hostileString), { maxKeys: 2 })),
    tolerations: slot(fc.array(record({ key: mostly(fc.constantFrom('dedicated'), hostileString), value: slot(fc.constantFrom('kafka'), hostileString), effect: mostly(fc.constantFrom('NoSchedule'), hostileString) }), { maxLength: 2 })),
  })),
  externalListener: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: externalListener() }, ...(clean() ? [] : [{ weight: 1, arbitrary: wrongType }])),
  image: slot(fc.constantFrom('apache/kafka:4.1.1', 'apache/kafka:4.1.0'), fc.oneof(hostileString, fc.constantFrom('apache/kafka:latest', 'apache/kafka', 'apache/kafka:4.1.1 ', 'a b:1', 'x@sha256:00'))),
  topics: slot(fc.array(topic(), { maxLength: 3 })),
  networkPolicy: slot(record({ enabled: slot(clean() ? fc.constant(true) : fc.boolean()), monitoringNamespace: slot(dnsName, hostileString), monitoringPodSelector: slot(fc.dictionary(mostly(fc.constantFrom('app'), hostileString), mostly(fc.constantFrom('prometheus'), hostileString), { maxKeys: 2 })) })),
  credentials: slot(record({
    adminUsername: slot(fc.constantFrom('admin', 'kafka-admin'), fc.oneof(hostileString, fc.constantFrom('constructor', 'toString', '__proto__'))),
    existingSecrets: slot(fc.dictionary(mostly(fc.constantFrom('admin', 'app'), hostileString), mostly(fc.constantFrom('admin-secret'), hostileString), { maxKeys: 2 })),
    createMissingSecrets: slot(clean() ? fc.constant(true) : fc.boolean()),
  })),
  clusterDomain: slot(fc.constantFrom('cluster.local', 'k8s.example'), hostileString),
});
}
