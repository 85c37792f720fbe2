// The consumer's program as plain CommonJS JavaScript: one app, a platform on each cloud,
// each with a topic declared after construction.
'use strict';
const { App } = require('cdktf');
const { KafkaPlatform, aws, alicloud } = require('cdktf-kafka-platform');

const app = new App();
const onAws = new KafkaPlatform(app, 'aws', {
  cloud: new aws.AwsKafkaCloud({
    region: 'eu-west-1',
    availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  }),
  kafka: { clusterName: 'events' },
});
onAws.kafka.addTopic({ name: 'orders', partitions: 12, replicationFactor: 3 });

const onAlibaba = new KafkaPlatform(app, 'ali', {
  cloud: new alicloud.AlicloudKafkaCloud({
    region: 'cn-hangzhou',
    zones: [{ zoneId: 'cn-hangzhou-h' }, { zoneId: 'cn-hangzhou-i' }, { zoneId: 'cn-hangzhou-j' }],
    alarmContacts: [{ name: 'kafka-oncall', email: 'kafka-oncall@example.com' }],
  }),
  kafka: { clusterName: 'events' },
});
onAlibaba.kafka.addTopic({ name: 'payments', partitions: 6, replicationFactor: 3 });

app.synth();
