import { NodePlacement } from '../kafka/types';

/**
 * Label and taint that reserve a cloud's Kafka node pools for Kafka pods. Both clouds use the same
 * values, so a manifest written for one lands on the Kafka nodes of the other.
 */
export const KAFKA_NODE_LABEL_KEY = 'kafka-platform.io/pool';
export const KAFKA_NODE_LABEL_VALUE = 'kafka';
export const KAFKA_NODE_TAINT_KEY = 'kafka-platform.io/dedicated';
export const KAFKA_NODE_TAINT_VALUE = 'kafka';

/** What Kafka pods need to land on (and only on) the Kafka node pools. */
export const KAFKA_NODE_PLACEMENT: NodePlacement = {
  nodeLabels: { [KAFKA_NODE_LABEL_KEY]: KAFKA_NODE_LABEL_VALUE },
  tolerations: [{ key: KAFKA_NODE_TAINT_KEY, value: KAFKA_NODE_TAINT_VALUE, effect: 'NoSchedule' }],
};
