import { Chart, Testing as K8sTesting } from 'cdk8s';
import { App, Testing } from 'cdktf';
import { AlicloudKafkaCloud } from '../../lib/cloud/alicloud/alicloud-kafka-cloud';
import { AwsKafkaCloud } from '../../lib/cloud/aws/aws-kafka-cloud';
import { KafkaPlatformValidationError } from '../../lib/errors';
import { KafkaCluster, KafkaClusterProps } from '../../lib/kafka';
import { KafkaEcosystem } from '../../lib/kafka/ecosystem';
import { nearestName } from '../../lib/kafka/k8s/prop-shape';
import { KafkaPlatform } from '../../lib/platform/kafka-platform';
import { BASE_PROPS } from '../cloud/alicloud/fixture';
import { synth, ZONES } from './helpers';

/** A JavaScript caller's misspelt or misplaced prop is refused by name, with the nearest known one; never silently ignored. */

function refusal(build: () => unknown): KafkaPlatformValidationError {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(KafkaPlatformValidationError);
    return e as KafkaPlatformValidationError;
  }
  throw new Error('expected a KafkaPlatformValidationError, got none');
}

const cluster = (props: Record<string, unknown>) => refusal(() => synth(props as Partial<KafkaClusterProps>));
const AWS = { region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] };

function platform(props: Record<string, unknown>): KafkaPlatformValidationError {
  const app = Testing.stubVersion(new App({ stackTraces: false }));
  const error = refusal(() => new KafkaPlatform(app, 'kafka', { cloud: new AwsKafkaCloud(AWS), gitops: false, ...props } as any));
  // Refused before the cloud built anything.
  expect(app.node.findAll().filter(c => (c as any).terraformResourceType)).toEqual([]);
  return error;
}

test('brokers.replica: named, with the nearest prop and its type', () => {
  const e = cluster({ brokers: { replica: 3 } });
  expect(e.prop).toBe('brokers.replica');
  expect(e.message).toContain('brokers.replica: is not a prop of KafkaBrokerOptions; did you mean brokers.replicas?');
  expect(e.fix).toBe('rename it to brokers.replicas');
});

test('a top-level typo and one deep inside the external listener', () => {
  expect(cluster({ zone: ZONES }).message).toContain('zone: is not a prop of KafkaClusterProps; did you mean zones?');
  const deep = cluster({ externalListener: { domain: 'kafka.example.com', tls: { secretName: 'x' }, loadBalancer: { allowedSourceCidr: ['10.0.0.0/8'] } } });
  expect(deep.prop).toBe('externalListener.loadBalancer.allowedSourceCidr');
  expect(deep.problem).toContain('did you mean externalListener.loadBalancer.allowedSourceCidrs?');
});

test('a name like none of the props lists them', () => {
  const e = cluster({ brokers: { colour: 'blue' } });
  expect(e.problem).toBe('is not a prop of KafkaBrokerOptions');
  expect(e.fix).toBe('remove it (the props of KafkaBrokerOptions are replicas, storage, resources, config, terminationGracePeriodSeconds, heapFraction)');
});

test('topics and tolerations: unknown keys in array items', () => {
  expect(cluster({ topics: [{ name: 'orders', partitions: 3, replicationFactor: 3, partition: 6 }] }).prop).toBe('topics[0].partition');
  expect(cluster({ nodePlacement: { tolerations: [{ key: 'k', effect: 'NoSchedule', efect: 'NoExecute' }] } }).prop).toBe('nodePlacement.tolerations[0].efect');
});

test('the typo is reported first, before the required prop it left missing', () => {
  expect(cluster({ zones: undefined, zone: ZONES }).prop).toBe('zone');
});

test('ecosystem: a misspelt component option and a misspelt metric name', () => {
  const ecosystem = (props: Record<string, unknown>) => refusal(() => {
    const chart = new Chart(K8sTesting.app(), 'test');
    new KafkaEcosystem(chart, 'ecosystem', { cluster: new KafkaCluster(chart, 'kafka', { zones: ZONES }), ...props } as any);
  });
  const e = ecosystem({ connect: { replica: 2 } });
  expect(e.prop).toBe('connect.replica');
  expect(e.problem).toBe('is not a prop of KafkaConnectOptions; did you mean connect.replicas?');
  expect(ecosystem({ schemaRegistrey: true }).problem).toBe('is not a prop of KafkaEcosystemProps; did you mean schemaRegistry?');
  expect(ecosystem({ monitoring: { metricNames: { underReplicatedPartition: 'x' } } }).problem).toBe('is not a prop of KafkaMetricNames; did you mean monitoring.metricNames.underReplicatedPartitions?');
});

test('platform: the props the cloud supplies are refused by name, before anything is built', () => {
  expect(platform({ kafka: { zones: ['a', 'b', 'c'] } }).problem).toBe('is not a prop of PlatformKafkaClusterProps: the cloud supplies the zones');
  expect(platform({ kafka: { zones: ['a', 'b', 'c'] } }).fix).toMatch(/^remove it; set it on the cloud/);
  expect(platform({ kafka: { brokers: { replica: 3 } } }).prop).toBe('kafka.brokers.replica');
  expect(platform({ kafka: { externalListener: { domain: 'kafka.example.com', tls: { secretName: 'x' }, loadBalancer: { flavour: {} } } } }).prop).toBe('kafka.externalListener.loadBalancer.flavour');
  expect(platform({ ecosytem: false }).problem).toBe('is not a prop of KafkaPlatformProps; did you mean ecosystem?');
  expect(platform({ ecosystem: { conect: true } }).problem).toBe('is not a prop of KafkaEcosystemProps; did you mean connect?');
});

test('the before-anything-is-built check sees resources (control)', () => {
  const app = Testing.stubVersion(new App({ stackTraces: false }));
  new KafkaPlatform(app, 'kafka', { cloud: new AwsKafkaCloud(AWS), gitops: false, ecosystem: false });
  expect(app.node.findAll().filter(c => (c as any).terraformResourceType).length).toBeGreaterThan(50);
  // A Kafka rule (not a shape) refuses before the cloud is built too.
  expect(platform({ kafka: { brokers: { replicas: 2 } } }).prop).toBe('brokers.replicas');
});

test('clouds: a misspelt cloud prop', () => {
  expect(refusal(() => new AwsKafkaCloud({ ...AWS, availabilityZone: ['eu-west-1a'] } as any)).problem).toBe('is not a prop of AwsKafkaCloudProps; did you mean availabilityZones?');
  expect(refusal(() => new AlicloudKafkaCloud({ ...BASE_PROPS, zones: [{ zoneId: 'cn-hangzhou-h', slott: 1 }] } as any)).prop).toBe('zones[0].slott');
});

test('nearestName: close names, prefixes, and nothing for strangers', () => {
  expect(nearestName('replica', ['replicas', 'storage'])).toBe('replicas');
  expect(nearestName('Replicas', ['replicas'])).toBe('replicas');
  expect(nearestName('termination', ['terminationGracePeriodSeconds', 'heapFraction'])).toBe('terminationGracePeriodSeconds');
  expect(nearestName('colour', ['replicas', 'storage'])).toBeUndefined();
  expect(nearestName('x'.repeat(500), ['replicas'])).toBeUndefined();
});
