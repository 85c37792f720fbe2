import { KafkaPlatformValidationError } from '../../errors';

/**
 * Default images of the ecosystem components, pinned by tag. Confluent
 * components share one Confluent Platform release so their client libraries
 * agree with each other. Override per component with its `image` prop.
 */
export const ECOSYSTEM_IMAGES = {
  schemaRegistry: 'confluentinc/cp-schema-registry:7.9.2',
  kafkaConnect: 'confluentinc/cp-kafka-connect:7.9.2',
  ksqlDb: 'confluentinc/cp-ksqldb-server:7.9.2',
  kafbatUi: 'ghcr.io/kafbat/kafka-ui:v1.2.0',
  grafana: 'grafana/grafana:11.6.1',
  prometheus: 'prom/prometheus:v3.5.0',
  alertmanager: 'prom/alertmanager:v0.28.1',
  kafkaExporter: 'danielqsj/kafka-exporter:v1.9.0',
} as const;

/**
 * An image reference must carry an explicit tag or digest, and the tag must
 * not be `latest`: a moving tag makes two rollouts of the same synth differ.
 */
export function validateImage(constructPath: string, prop: string, image: string): void {
  const withoutDigest = image.split('@')[0];
  const hasDigest = image.includes('@sha256:');
  const lastSegment = withoutDigest.split('/').pop() ?? '';
  const tag = lastSegment.includes(':') ? lastSegment.split(':').pop() : undefined;
  if (!hasDigest && !tag) {
    throw new KafkaPlatformValidationError(constructPath, prop, `image "${image}" has no tag`, 'pin the image by tag (e.g. "repo/name:1.2.3") or by digest ("repo/name@sha256:...")');
  }
  if (tag === 'latest') {
    throw new KafkaPlatformValidationError(constructPath, prop, `image "${image}" uses the moving tag "latest"`, 'pin the image to a released version tag');
  }
}
