import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';

export const KAFKA_STORAGE_CLASS_NAME = 'kafka-gp3-encrypted';

export interface KafkaVolumeEncryptionProps {
  readonly clusterName: string;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * The customer managed key (rotation on) that encrypts Kafka's EBS volumes.
 * The StorageClass refers to it by alias, a name known at synth, so the same
 * manifest works for the Terraform workloads stack and the GitOps YAML.
 */
export class KafkaVolumeEncryption extends Construct {
  public readonly key: KmsKey;
  public readonly aliasName: string;

  constructor(scope: Construct, id: string, props: KafkaVolumeEncryptionProps) {
    super(scope, id);
    this.aliasName = `alias/${props.clusterName}-kafka-volumes`;
    this.key = new KmsKey(this, 'key', {
      description: `EBS encryption of Kafka volumes in EKS cluster ${props.clusterName}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      tags: props.tags,
    });
    new KmsAlias(this, 'alias', { name: this.aliasName, targetKeyId: this.key.keyId });
  }
}

export interface Gp3StorageClassOptions {
  readonly name: string;
  readonly kmsKeyAlias: string;
  /** @default '3000' */
  readonly iops?: string;
  /** MiB/s. @default '125' */
  readonly throughput?: string;
}

/**
 * Encrypted gp3 StorageClass for Kafka volumes. WaitForFirstConsumer creates
 * each volume in the AZ its broker was scheduled to; Retain keeps the data
 * when a PVC is deleted by mistake; XFS is what Kafka's docs recommend.
 */
export function gp3StorageClassManifest(options: Gp3StorageClassOptions): Record<string, any> {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: options.name },
    provisioner: 'ebs.csi.aws.com',
    parameters: {
      'type': 'gp3',
      'encrypted': 'true',
      'kmsKeyId': options.kmsKeyAlias,
      'iops': options.iops ?? '3000',
      'throughput': options.throughput ?? '125',
      'csi.storage.k8s.io/fstype': 'xfs',
    },
    reclaimPolicy: 'Retain',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
  };
}
