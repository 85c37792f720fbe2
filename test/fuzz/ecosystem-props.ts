import * as fc from 'fast-check';
import { ConnectPlugin } from '../../lib/kafka/ecosystem';
import { clean, configMap, dnsName, hostileNumber, hostileString, mostly, record, resources, slot, withHostility, wrongType } from './arbitraries';

const SHA = '29c518325af7facc201aad51e87caf244e442bea13d1818bdcbef925bcca14f3';

const jmxAgent = () => record({
  url: slot(fc.constant('https://repo1.maven.org/maven2/io/prometheus/jmx/jmx_prometheus_javaagent/1.0.1/jmx_prometheus_javaagent-1.0.1.jar'), fc.oneof(hostileString, fc.constant('https://x/$(id)'))),
  sha256: slot(fc.constant('0'.repeat(64)), fc.oneof(hostileString, fc.constant('$(id)'))),
  port: slot(fc.constantFrom(9404, 9999), hostileNumber),
});

const plugin = () => fc.oneof(
  fc.record({
    name: mostly(fc.constantFrom('debezium', 'jdbc'), hostileString), groupId: mostly(fc.constant('io.debezium'), hostileString),
    artifactId: mostly(fc.constant('debezium-connector-mysql'), hostileString), version: mostly(fc.constant('2.7.4.Final'), hostileString),
    sha256: mostly(fc.constant(SHA), hostileString),
  }).map(o => ConnectPlugin.fromMavenCentral(o)),
  fc.record({ name: mostly(fc.constant('local'), hostileString), image: mostly(fc.constant('example/plugins:1.0.0'), hostileString), path: mostly(fc.constant('/plugins'), hostileString) })
    .map(o => ConnectPlugin.fromImage(o.name, o.image, o.path)),
);

const common = () => ({
  name: slot(dnsName, hostileString),
  replicas: slot(clean() ? fc.constantFrom(2, 3) : fc.constantFrom(1, 2, 3), hostileNumber),
  resources: slot(resources()),
});

const component = (fields: Record<string, fc.Arbitrary<unknown>>) => fc.oneof(
  { weight: 2, arbitrary: fc.boolean() }, { weight: 3, arbitrary: record(fields) }, { weight: clean() ? 0 : 1, arbitrary: wrongType },
);

function ecosystemPropsArbitrary(): fc.Arbitrary<Record<string, unknown>> {
  return record({
    schemaRegistry: slot(component({ ...common(), topicReplicationFactor: slot(fc.constant(3), hostileNumber), jmxAgent: slot(jmxAgent()) })),
    connect: slot(component({
      ...common(),
      workerConfig: slot(clean() ? fc.constant({ 'offset.flush.interval.ms': '10000' }) : fc.oneof(configMap(), fc.constant({ 'x\nconnector.client.config.override.policy': 'All' }), fc.constant({ 'offset.storage.replication.factor': '1' }))),
      plugins: slot(fc.array(plugin(), { maxLength: 2 })),
      jmxAgent: slot(jmxAgent()),
    })),
    monitoring: slot(component({
      namespace: slot(fc.constantFrom('monitoring'), hostileString),
      metricNames: slot(fc.record({ underReplicatedPartitions: mostly(fc.constant('kafka_urp'), fc.constantFrom('a b', ' ', 'x"y', '9x', '')) })),
      alertThresholds: slot(record({
        consumerLag: slot(fc.constantFrom(1000, 50000), hostileNumber),
        consumerLagPerGroup: slot(fc.dictionary(mostly(fc.constantFrom('orders-app', 'billing'), hostileString), mostly(fc.constant(500), hostileNumber), { maxKeys: 2 })),
        diskUsagePercent: slot(fc.constantFrom(70, 85), hostileNumber),
      })),
      prometheus: slot(record({ ...common(), storage: slot(record({ size: slot(fc.constant('50Gi'), hostileString) })) })),
    })),
    grafana: slot(fc.boolean()),
    ui: slot(component({ ...common(), readOnly: slot(fc.boolean()) })),
    ksqlDb: slot(component({ ...common(), jmxAgent: slot(jmxAgent()) })),
  });
}

/** Generated KafkaEcosystem props (without the cluster), half clean, half hostile. */
export const ecosystemProps = fc.oneof(withHostility(0, ecosystemPropsArbitrary), withHostility(1, ecosystemPropsArbitrary));
