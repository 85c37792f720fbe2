/** The StorageClass for Kafka volumes on ACK (Alibaba Cloud disk CSI driver). */
export interface EssdStorageClassOptions {
  /** @default 'kafka-essd-encrypted' */
  readonly name?: string;
  /** @default 'PL1' */
  readonly performanceLevel?: 'PL0' | 'PL1' | 'PL2' | 'PL3';
  /**
   * KMS key ID for the volumes, as a literal (this manifest is also written as plain YAML).
   * @default - the account's default ECS disk key (volumes are still encrypted)
   */
  readonly kmsKeyId?: string;
}

export const DEFAULT_STORAGE_CLASS_NAME = 'kafka-essd-encrypted';

/**
 * Encrypted ESSD, `WaitForFirstConsumer` (the disk is created in the zone the broker is scheduled
 * to, since disks cannot cross zones), expandable, and `Retain` so deleting a PVC by mistake does
 * not delete a broker's log.
 */
export function essdStorageClass(options: EssdStorageClassOptions = {}): Record<string, any> {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: options.name ?? DEFAULT_STORAGE_CLASS_NAME,
      labels: { 'app.kubernetes.io/managed-by': 'cdktf-kafka-platform' },
    },
    provisioner: 'diskplugin.csi.alibabacloud.com',
    parameters: {
      type: 'cloud_essd',
      performanceLevel: options.performanceLevel ?? 'PL1',
      fstype: 'ext4',
      encrypted: 'true',
      ...(options.kmsKeyId ? { kmsKeyId: options.kmsKeyId } : {}),
    },
    reclaimPolicy: 'Retain',
    allowVolumeExpansion: true,
    volumeBindingMode: 'WaitForFirstConsumer',
  };
}
