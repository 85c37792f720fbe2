import { IMAGE_PIN_FIX, imagePinProblem } from '../k8s/image-pinning';
import { KafkaMetadataMode } from '../types';
import { Finding, inputFinding, KafkaInputRule } from './rule';

/**
 * Every image is pinned (a moving tag makes two rollouts of one synth differ),
 * given once, and of the Kafka line the generated configuration is written for:
 * log4j2 and KRaft-only settings for 4.x, ZooKeeper settings for 3.x.
 */
export const imagePinningRule: KafkaInputRule = ({ props, spec }) => {
  const findings: Finding[] = [];
  if (props.image !== undefined && props.images?.kafka !== undefined) findings.push(inputFinding('image-pinning', 'image', 'is set together with images.kafka', 'set only one of them'));
  const images: Array<[string, string | undefined]> = [
    ['image', props.image], ['images.kafka', props.images?.kafka], ['images.zookeeper', props.images?.zookeeper],
    ['images.secretsJob', props.images?.secretsJob], ['images.agentFetcher', props.images?.agentFetcher],
  ];
  for (const [prop, image] of images) {
    const problem = image === undefined ? undefined : imagePinProblem(image);
    if (problem) findings.push(inputFinding('image-pinning', prop, problem, IMAGE_PIN_FIX));
  }
  const kafkaImageProp = props.image !== undefined ? 'image' : 'images.kafka';
  const kafkaMajor = /^[^@]+:v?(\d+)\.\d+/.exec(props.image ?? props.images?.kafka ?? '')?.[1];
  const wanted = spec.metadataMode === KafkaMetadataMode.KRAFT ? '4' : '3';
  if (kafkaMajor !== undefined && kafkaMajor !== wanted) {
    findings.push(inputFinding('image-pinning', kafkaImageProp, `Kafka ${kafkaMajor}.x does not fit metadataMode ${spec.metadataMode.toUpperCase()}`, spec.metadataMode === KafkaMetadataMode.KRAFT
      ? 'use a Kafka 4.1 image (e.g. apache/kafka:4.1.1), or metadataMode ZOOKEEPER for 3.9'
      : 'use a Kafka 3.9 image (e.g. apache/kafka:3.9.1): Kafka 4 has no ZooKeeper mode'));
  }
  return findings;
};
