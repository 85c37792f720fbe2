import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { policyDocument } from './policy-document';

export interface AwsKafkaMonitoringProps {
  readonly clusterName: string;
  /** Nodes the cluster should have (Kafka + general); fewer for 5 minutes raises an alarm. */
  readonly expectedNodeCount: number;
  /** E-mail addresses subscribed to the alarm topic. @default [] */
  readonly alarmEmails?: string[];
  /** @default 80 */
  readonly cpuThresholdPercent?: number;
  /** @default 80 */
  readonly diskThresholdPercent?: number;
  /** Alarms are created after the observability add-on exists. @default [] */
  readonly dependsOn?: ITerraformDependable[];
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * SNS topic (encrypted with a key CloudWatch may use) and CloudWatch alarms on
 * Container Insights metrics: failed and missing nodes, node CPU and node disk.
 * Kafka-level alerts (under-replicated partitions, offline partitions, volume
 * fill) live in the in-cluster Prometheus, which sees the brokers' metrics.
 */
export class AwsKafkaMonitoring extends Construct {
  public readonly topic: SnsTopic;
  public readonly alarms: CloudwatchMetricAlarm[] = [];

  constructor(scope: Construct, id: string, props: AwsKafkaMonitoringProps) {
    super(scope, id);
    const account = new DataAwsCallerIdentity(this, 'account');
    const partition = new DataAwsPartition(this, 'partition');
    const key = new KmsKey(this, 'topic-key', {
      description: `Encrypts the Kafka alarm topic of ${props.clusterName}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policyDocument([
        {
          Sid: 'AccountAdministersKey',
          Effect: 'Allow',
          Principal: { AWS: `arn:${partition.partition}:iam::${account.accountId}:root` },
          Action: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion', 'kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
          Resource: '*',
        },
        {
          Sid: 'CloudWatchPublishesAlarms',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: '*',
        },
      ]),
      tags: props.tags,
    });
    this.topic = new SnsTopic(this, 'alarms', {
      name: `${props.clusterName}-kafka-alarms`,
      kmsMasterKeyId: key.arn,
      tags: props.tags,
    });
    [...new Set(props.alarmEmails ?? [])].sort().forEach((email) => {
      new SnsTopicSubscription(this, `email-${email}`, { topicArn: this.topic.arn, protocol: 'email', endpoint: email });
    });

    const common = {
      namespace: 'ContainerInsights',
      dimensions: { ClusterName: props.clusterName },
      alarmActions: [this.topic.arn],
      okActions: [this.topic.arn],
      period: 60,
      tags: props.tags,
      dependsOn: props.dependsOn,
    };
    this.alarms.push(
      new CloudwatchMetricAlarm(this, 'failed-nodes', {
        ...common,
        alarmName: `${props.clusterName}-failed-nodes`,
        alarmDescription: 'Kubernetes reports failed nodes; Kafka may be running without one of its racks.',
        metricName: 'cluster_failed_node_count',
        statistic: 'Maximum',
        comparisonOperator: 'GreaterThanThreshold',
        threshold: 0,
        evaluationPeriods: 5,
        treatMissingData: 'breaching',
      }),
      new CloudwatchMetricAlarm(this, 'missing-nodes', {
        ...common,
        alarmName: `${props.clusterName}-missing-nodes`,
        alarmDescription: `Fewer than ${props.expectedNodeCount} nodes are in the cluster (a node group lost capacity).`,
        metricName: 'cluster_node_count',
        statistic: 'Minimum',
        comparisonOperator: 'LessThanThreshold',
        threshold: props.expectedNodeCount,
        evaluationPeriods: 5,
        treatMissingData: 'breaching',
      }),
      new CloudwatchMetricAlarm(this, 'node-cpu', {
        ...common,
        alarmName: `${props.clusterName}-node-cpu`,
        alarmDescription: 'Node CPU is high; brokers may fall out of the ISR.',
        metricName: 'node_cpu_utilization',
        statistic: 'Maximum',
        comparisonOperator: 'GreaterThanThreshold',
        threshold: props.cpuThresholdPercent ?? 80,
        evaluationPeriods: 10,
        treatMissingData: 'missing',
      }),
      new CloudwatchMetricAlarm(this, 'node-disk', {
        ...common,
        alarmName: `${props.clusterName}-node-disk`,
        alarmDescription: 'A node file system is filling up.',
        metricName: 'node_filesystem_utilization',
        statistic: 'Maximum',
        comparisonOperator: 'GreaterThanThreshold',
        threshold: props.diskThresholdPercent ?? 80,
        evaluationPeriods: 5,
        treatMissingData: 'missing',
      }),
    );
  }
}
