import { Construct } from 'constructs';
import { KmsKey } from '../../generated/providers/alicloud/kms-key';

export interface RotatingKmsKeyProps {
  readonly description: string;
  /** Rotation period, in the provider's `<n>s` form. @default '31536000s' (365 days) */
  readonly rotationInterval?: string;
  /** KMS instance for KMS 3.0 accounts. @default - the account's default KMS */
  readonly dkmsInstanceId?: string;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/** A symmetric customer master key with automatic rotation and deletion protection. */
export class RotatingKmsKey extends Construct {
  public readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: RotatingKmsKeyProps) {
    super(scope, id);
    this.key = new KmsKey(this, 'key', {
      description: props.description,
      keySpec: 'Aliyun_AES_256',
      keyUsage: 'ENCRYPT/DECRYPT',
      origin: 'Aliyun_KMS',
      protectionLevel: 'SOFTWARE',
      // These two are strings in the provider schema, not bools.
      automaticRotation: 'Enabled',
      rotationInterval: props.rotationInterval ?? '31536000s',
      deletionProtection: 'Enabled',
      deletionProtectionDescription: 'Encrypts Kafka platform data; losing it loses the data',
      pendingWindowInDays: 30,
      status: 'Enabled',
      dkmsInstanceId: props.dkmsInstanceId,
      tags: { ...props.tags },
    });
  }

  public get keyId(): string {
    return this.key.id;
  }
}
