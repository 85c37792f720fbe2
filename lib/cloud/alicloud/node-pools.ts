import { Construct } from 'constructs';
import { CsKubernetesNodePool } from '../../generated/providers/alicloud/cs-kubernetes-node-pool';
import { KafkaPlatformValidationError } from '../../errors';
import { KAFKA_NODE_LABEL_KEY, KAFKA_NODE_LABEL_VALUE, KAFKA_NODE_TAINT_KEY, KAFKA_NODE_TAINT_VALUE } from '../kafka-node-placement';

// The node-pool contract is cloud-neutral; re-exported so this module's public API is unchanged.
export { KAFKA_NODE_LABEL_KEY, KAFKA_NODE_LABEL_VALUE, KAFKA_NODE_TAINT_KEY, KAFKA_NODE_TAINT_VALUE, KAFKA_NODE_PLACEMENT } from '../kafka-node-placement';

export interface NodePoolSize {
  /** ECS instance types, in order of preference. */
  readonly instanceTypes: string[];
  /** System disk size in GiB. @default 120 */
  readonly systemDiskSizeGib?: number;
  /** Data disk (container images, emptyDir) size in GiB. @default 200 */
  readonly dataDiskSizeGib?: number;
  /** ESSD performance level of both disks. @default 'PL1' */
  readonly diskPerformanceLevel?: 'PL0' | 'PL1' | 'PL2' | 'PL3';
}

export interface KafkaNodePoolsProps {
  readonly name: string;
  readonly clusterId: string;
  /** Zone ID -> node vSwitch ID. One Kafka pool per entry. */
  readonly zoneVswitches: ReadonlyArray<{ readonly zoneId: string; readonly vswitchId: string }>;
  /** KMS key encrypting system and data disks. */
  readonly diskKmsKeyId: string;
  /** Kafka pools: size per zone. */
  readonly kafka: NodePoolSize & {
    /** Nodes per zone. @default ceil(brokerCount / zones) + 1 (room for a controller and a spare) */
    readonly nodesPerZone?: number;
  };
  /** The general pool (Prometheus, Schema Registry, Connect, system pods), spread over all zones. */
  readonly general: NodePoolSize & {
    /** @default 3 */
    readonly nodes?: number;
  };
  readonly brokerCount: number;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * One Kafka node pool per zone (labelled and tainted so only Kafka lands there, so a zone's
 * capacity is its own and losing a zone loses only its pool) plus one general pool. All disks are
 * ESSD encrypted with the platform's KMS key; auto-repair replaces broken nodes one at a time.
 */
export class AckNodePools extends Construct {
  public readonly kafkaPools: Record<string, CsKubernetesNodePool> = {};
  public readonly generalPool: CsKubernetesNodePool;

  constructor(scope: Construct, id: string, props: KafkaNodePoolsProps) {
    super(scope, id);
    const zones = props.zoneVswitches.length;
    const nodesPerZone = props.kafka.nodesPerZone ?? Math.ceil(props.brokerCount / zones) + 1;
    if (!Number.isInteger(nodesPerZone) || nodesPerZone < Math.ceil(props.brokerCount / zones)) {
      throw new KafkaPlatformValidationError(this.node.path, 'kafkaNodePool.nodesPerZone', `${nodesPerZone} node(s) per zone cannot hold ${props.brokerCount} brokers over ${zones} zones (one broker per node)`, `set it to at least ${Math.ceil(props.brokerCount / zones)}`);
    }
    checkSize(this.node.path, 'kafkaNodePool', props.kafka);
    checkSize(this.node.path, 'generalNodePool', props.general);
    const generalNodes = props.general.nodes ?? 3;
    if (!Number.isInteger(generalNodes) || generalNodes < 1) {
      throw new KafkaPlatformValidationError(this.node.path, 'generalNodePool.nodes', `${generalNodes} is not a positive node count`, 'use at least 1 (3 to survive a zone loss)');
    }

    for (const { zoneId, vswitchId } of props.zoneVswitches) {
      this.kafkaPools[zoneId] = new CsKubernetesNodePool(this, `kafka-${zoneId}`, {
        ...this.common(props, props.kafka),
        nodePoolName: `${props.name}-kafka-${zoneId}`,
        vswitchIds: [vswitchId],
        desiredSize: String(nodesPerZone),
        labels: [{ key: KAFKA_NODE_LABEL_KEY, value: KAFKA_NODE_LABEL_VALUE }],
        taints: [{ key: KAFKA_NODE_TAINT_KEY, value: KAFKA_NODE_TAINT_VALUE, effect: 'NoSchedule' }],
      });
    }
    this.generalPool = new CsKubernetesNodePool(this, 'general', {
      ...this.common(props, props.general),
      nodePoolName: `${props.name}-general`,
      vswitchIds: props.zoneVswitches.map((z) => z.vswitchId),
      multiAzPolicy: 'BALANCE',
      desiredSize: String(generalNodes),
      labels: [{ key: 'kafka-platform.io/pool', value: 'general' }],
    });
  }

  private common(props: KafkaNodePoolsProps, size: NodePoolSize) {
    const performanceLevel = size.diskPerformanceLevel ?? 'PL1';
    return {
      clusterId: props.clusterId,
      instanceTypes: size.instanceTypes,
      instanceChargeType: 'PostPaid',
      runtimeName: 'containerd',
      installCloudMonitor: true,
      systemDiskCategory: 'cloud_essd',
      systemDiskPerformanceLevel: performanceLevel,
      systemDiskSize: size.systemDiskSizeGib ?? 120,
      systemDiskEncrypted: true,
      systemDiskKmsKey: props.diskKmsKeyId,
      dataDisks: [{
        category: 'cloud_essd',
        performanceLevel,
        size: size.dataDiskSizeGib ?? 200,
        // A string in the provider schema.
        encrypted: 'true',
        kmsKeyId: props.diskKmsKeyId,
      }],
      management: {
        enable: true,
        autoRepair: true,
        autoRepairPolicy: { restartNode: true },
        autoUpgrade: false,
        maxUnavailable: 1,
      },
      instanceMetadataOptions: { httpTokens: 'required' },
      tags: { ...props.tags },
    };
  }
}

function checkSize(path: string, prop: string, size: NodePoolSize): void {
  if (!size.instanceTypes?.length) {
    throw new KafkaPlatformValidationError(path, `${prop}.instanceTypes`, 'no instance type given', 'list at least one ECS instance type, e.g. ecs.g7.2xlarge');
  }
  for (const [key, min] of [['systemDiskSizeGib', 40], ['dataDiskSizeGib', 40]] as const) {
    const value = size[key];
    if (value !== undefined && (!Number.isInteger(value) || value < min || value > 32768)) {
      throw new KafkaPlatformValidationError(path, `${prop}.${key}`, `${value} GiB is outside ${min}..32768`, `use at least ${min} GiB`);
    }
  }
}
