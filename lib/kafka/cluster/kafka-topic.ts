import { Construct } from 'constructs';
import { IKafkaCluster, TopicRequirement } from '../types';

export interface KafkaTopicProps {
  readonly cluster: IKafkaCluster;
  /** Topic name. */
  readonly name: string;
  /** @default 3 */
  readonly partitions?: number;
  /** @default - the cluster's default replication factor (3) */
  readonly replicationFactor?: number;
  /** Topic-level configs (`retention.ms`, `cleanup.policy`, ...), checked against Kafka's known topic configs. @default {} */
  readonly config?: Record<string, string>;
}

/**
 * A topic declared next to the code that needs it. Validated at synth against
 * the cluster (RF <= brokers, min ISR < RF, known config names) and created or
 * updated idempotently by the cluster's topics Job.
 */
export class KafkaTopic extends Construct {
  public readonly topicName: string;
  public readonly requirement: TopicRequirement;

  constructor(scope: Construct, id: string, props: KafkaTopicProps) {
    super(scope, id);
    this.topicName = props.name;
    this.requirement = {
      name: props.name,
      partitions: props.partitions ?? 3,
      replicationFactor: props.replicationFactor ?? props.cluster.defaultReplicationFactor,
      config: props.config,
    };
    props.cluster.validateTopic(this.node.path, 'props', this.requirement);
    props.cluster.addTopic(this.requirement);
  }
}
