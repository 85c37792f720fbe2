import { assertPinnedImage } from '../k8s/image-pinning';
import { MONITORING_IMAGES } from '../monitoring/images';

/**
 * Default images of the ecosystem components, pinned by tag. Confluent
 * components share one Confluent Platform release so their client libraries
 * agree with each other. Override per component with its `image` prop. The
 * monitoring images (`MONITORING_IMAGES`) are included, as before they moved.
 */
export const ECOSYSTEM_IMAGES = {
  schemaRegistry: 'confluentinc/cp-schema-registry:7.9.2',
  kafkaConnect: 'confluentinc/cp-kafka-connect:7.9.2',
  ksqlDb: 'confluentinc/cp-ksqldb-server:7.9.2',
  kafbatUi: 'ghcr.io/kafbat/kafka-ui:v1.2.0',
  ...MONITORING_IMAGES,
} as const;

/** @deprecated use `assertPinnedImage` (lib/kafka/k8s), the one image check of the library. */
export const validateImage = assertPinnedImage;
