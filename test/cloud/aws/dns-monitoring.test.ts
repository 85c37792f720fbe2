import { TerraformStack, Testing } from 'cdktf';
import { AwsKafkaCloud } from '../../../lib/cloud/aws/aws-kafka-cloud';
import { KafkaPlatformValidationError } from '../../../lib/errors';
import { AZS, DEFAULT_REQUEST, ref, resourceBodies, resources, synthAws } from './aws-test-helpers';

describe('DNS', () => {
  test('a private hosted zone for the listener domain, associated with the VPC; no public zone by default', () => {
    const { json } = synthAws();
    const zones = resourceBodies(json, 'aws_route53_zone');
    const vpc = resources(json, 'aws_vpc')[0][0];
    expect(zones).toEqual([expect.objectContaining({ name: 'kafka.example.internal', vpc: [{ vpc_id: ref('aws_vpc', vpc, 'id') }] })]);
  });

  test('an internet-facing listener adds a public zone', () => {
    const { json } = synthAws({}, { externalListener: { domain: 'kafka.example.com', internetFacing: true, allowedSourceCidrs: ['198.51.100.0/24'] } });
    const zones = resourceBodies(json, 'aws_route53_zone');
    expect(zones).toHaveLength(2);
    expect(zones.filter((z) => z.vpc === undefined)).toHaveLength(1);
  });

  test('no listener, no zone; external-dns without a listener is refused', () => {
    expect(synthAws({}, { externalListener: undefined }).json.resource.aws_route53_zone).toBeUndefined();
    expect(() => synthAws({ externalDnsRole: true }, { externalListener: undefined })).toThrow(KafkaPlatformValidationError);
  });

  test('broker and bootstrap records are CNAMEs to the load balancer names, in the workloads stack', () => {
    const app = Testing.app();
    const infraStack = new TerraformStack(app, 'infra');
    const workloads = new TerraformStack(app, 'workloads');
    const infra = new AwsKafkaCloud({ region: 'eu-west-1', availabilityZones: AZS }).createInfrastructure(infraStack, DEFAULT_REQUEST);
    const endpoints = ['bootstrap', 'broker-1000', 'broker-1100'].map((h) => ({ hostname: `${h}.kafka.example.internal`, serviceNamespace: 'kafka', serviceName: `svc-${h}`, port: 9094 }));
    infra.createDnsRecords(workloads, endpoints, (e) => `lb-for-${e.serviceName}.elb.amazonaws.com`);
    const json = JSON.parse(Testing.synth(workloads));
    const records = resourceBodies(json, 'aws_route53_record');
    expect(records.map((r) => [r.name, r.type, r.records[0]])).toEqual([
      ['bootstrap.kafka.example.internal', 'CNAME', 'lb-for-svc-bootstrap.elb.amazonaws.com'],
      ['broker-1000.kafka.example.internal', 'CNAME', 'lb-for-svc-broker-1000.elb.amazonaws.com'],
      ['broker-1100.kafka.example.internal', 'CNAME', 'lb-for-svc-broker-1100.elb.amazonaws.com'],
    ]);
    expect(json.provider.aws).toEqual([expect.objectContaining({ region: 'eu-west-1' })]);
  });
});

describe('monitoring', () => {
  test('an encrypted SNS topic CloudWatch may publish to, with the e-mail subscriptions', () => {
    const { json } = synthAws({ alarmEmails: ['oncall@example.com'] });
    const [topicName, topic] = resources(json, 'aws_sns_topic')[0];
    const keyName = topic.kms_master_key_id.match(/^\$\{aws_kms_key\.([^.]+)\.arn\}$/)[1];
    const keyPolicy = JSON.parse(json.resource.aws_kms_key[keyName].policy);
    expect(keyPolicy.Statement.find((s: any) => s.Principal.Service === 'cloudwatch.amazonaws.com').Action).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
    expect(resourceBodies(json, 'aws_sns_topic_subscription')).toEqual([expect.objectContaining({ protocol: 'email', endpoint: 'oncall@example.com', topic_arn: ref('aws_sns_topic', topicName, 'arn') })]);
  });

  test('alarms on failed nodes, missing nodes, CPU and disk, all notifying the topic', () => {
    const { json } = synthAws();
    const topicName = resources(json, 'aws_sns_topic')[0][0];
    const alarms = Object.fromEntries(resourceBodies(json, 'aws_cloudwatch_metric_alarm').map((a) => [a.metric_name, a]));
    expect(Object.keys(alarms).sort()).toEqual(['cluster_failed_node_count', 'cluster_node_count', 'node_cpu_utilization', 'node_filesystem_utilization']);
    for (const a of Object.values<any>(alarms)) {
      expect(a.namespace).toBe('ContainerInsights');
      expect(a.dimensions).toEqual({ ClusterName: 'kafka' });
      expect(a.alarm_actions).toEqual([ref('aws_sns_topic', topicName, 'arn')]);
    }
    // 3 AZs x 2 Kafka nodes + 3 general nodes.
    expect(alarms.cluster_node_count).toMatchObject({ threshold: 9, comparison_operator: 'LessThanThreshold', treat_missing_data: 'breaching' });
  });
});
