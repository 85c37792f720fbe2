// The consumer's program on Alibaba Cloud: the same platform API, another cloud, a topic declared after construction.
import { App } from 'cdktf';
import { KafkaPlatform, alicloud } from 'cdktf-kafka-platform';

const app = new App();
const platform = new KafkaPlatform(app, 'kafka', {
  cloud: new alicloud.AlicloudKafkaCloud({
    region: 'cn-hangzhou',
    zones: [{ zoneId: 'cn-hangzhou-h' }, { zoneId: 'cn-hangzhou-i' }, { zoneId: 'cn-hangzhou-j' }],
    alarmContacts: [{ name: 'kafka-oncall', email: 'kafka-oncall@example.com' }],
  }),
  kafka: { clusterName: 'events' },
});
platform.kafka.addTopic({ name: 'payments', partitions: 6, replicationFactor: 3 });
app.synth();
