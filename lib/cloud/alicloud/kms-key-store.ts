import { Construct } from 'constructs';
import { KmsInstance } from '../../generated/providers/alicloud/kms-instance';
import { KafkaPlatformValidationError } from '../../errors';
import { AlicloudZoneNetwork } from './network';

/** Size and term of a KMS instance the platform creates. */
export interface KmsInstanceOptions {
  /** Cryptographic operations per second the instance serves. One of 1000, 2000, 4000. @default 1000 */
  readonly spec?: number;
  /** Keys the instance can hold. @default 1000 (the smallest package) */
  readonly keyNum?: number;
  /** Subscription term in months; renews automatically for the same term. @default 12 */
  readonly periodMonths?: number;
  /**
   * The two zones the instance serves from. They cannot change in place (the provider would
   * replace the instance, and its keys with it), so the instance carries `prevent_destroy` and
   * ignores later changes of its zones: adding a zone with a lower slot leaves it where it is.
   * @default - the two platform zones with the lowest address slots at creation
   */
  readonly zoneIds?: readonly string[];
}

/** What the KMS keys need around them, handed over by the infrastructure. */
export interface KmsKeyStoreContext {
  readonly name: string;
  readonly vpcId: string;
  readonly zones: readonly AlicloudZoneNetwork[];
  readonly tags: Record<string, string>;
}

/**
 * Where the platform's KMS keys live. Keys with rotation (software-protected keys) are created in a
 * KMS instance (KMS 3.0): accounts opened since KMS moved to instances (2022-03-31) cannot create
 * them anywhere else, and the instance-less default key is one per region without rotation. So the
 * platform creates an instance unless you hand it one, and offers the instance-less shared KMS only
 * for accounts that still have it.
 */
export abstract class KmsKeyStore {
  /** Create a software KMS instance (subscription) in the platform VPC. The default. */
  public static newInstance(options: KmsInstanceOptions = {}): KmsKeyStore {
    return new NewKmsInstance(options);
  }

  /** Use an existing KMS instance (`kst-...`), e.g. one shared by several platforms. */
  public static existingInstance(instanceId: string): KmsKeyStore {
    return new ExistingKmsInstance(instanceId);
  }

  /** Keys without an instance, in the legacy shared KMS. Only for accounts that still have KMS 1.0. */
  public static legacySharedKms(): KmsKeyStore {
    return new LegacySharedKms();
  }

  /** Returns the `dkms_instance_id` for the keys (undefined for the legacy shared KMS). */
  public abstract bind(scope: Construct, context: KmsKeyStoreContext): string | undefined;
}

class ExistingKmsInstance extends KmsKeyStore {
  constructor(private readonly instanceId: string) { super(); }

  public bind(scope: Construct): string {
    if (!/^kst-[a-z0-9]+$/.test(this.instanceId)) {
      throw new KafkaPlatformValidationError(scope.node.path, 'kms', `"${this.instanceId}" is not a KMS instance ID`, 'pass the instance ID shown in the KMS console, e.g. kst-hzz65f176a0ogplgq1234');
    }
    return this.instanceId;
  }
}

class LegacySharedKms extends KmsKeyStore {
  public bind(): undefined {
    return undefined;
  }
}

class NewKmsInstance extends KmsKeyStore {
  constructor(private readonly options: KmsInstanceOptions) { super(); }

  public bind(scope: Construct, context: KmsKeyStoreContext): string {
    const path = scope.node.path;
    const spec = this.options.spec ?? 1000;
    if (![1000, 2000, 4000].includes(spec)) {
      throw new KafkaPlatformValidationError(path, 'kms.spec', `${spec} is not a KMS instance performance level`, 'use 1000, 2000 or 4000');
    }
    const keyNum = this.options.keyNum ?? 1000;
    if (!Number.isInteger(keyNum) || keyNum < 1000) {
      throw new KafkaPlatformValidationError(path, 'kms.keyNum', `${keyNum} keys is below the smallest package`, 'use at least 1000');
    }
    const period = this.options.periodMonths ?? 12;
    if (![1, 2, 3, 6, 12, 24, 36].includes(period)) {
      throw new KafkaPlatformValidationError(path, 'kms.periodMonths', `${period} is not a subscription term`, 'use 1, 2, 3, 6, 12, 24 or 36 months');
    }
    const bySlot = [...context.zones].sort((a, b) => a.slot - b.slot);
    const zoneIds = this.options.zoneIds ?? bySlot.slice(0, 2).map((z) => z.zoneId);
    const zones = zoneIds.map((zoneId) => {
      const zone = context.zones.find((z) => z.zoneId === zoneId);
      if (!zone) {
        throw new KafkaPlatformValidationError(path, 'kms.zoneIds', `zone ${zoneId} is not one of the platform's zones`, `use two of ${context.zones.map((z) => z.zoneId).join(', ')}`);
      }
      return zone;
    });
    if (new Set(zoneIds).size !== 2) {
      throw new KafkaPlatformValidationError(path, 'kms.zoneIds', `${zoneIds.length} distinct zone(s) given; a KMS instance spans exactly two`, 'list two different platform zones');
    }
    const instance = new KmsInstance(scope, 'kms-instance', {
      instanceName: `${context.name}-kms`,
      productVersion: '3',
      paymentType: 'Subscription',
      period,
      renewStatus: 'AutoRenewal',
      renewPeriod: period,
      spec,
      keyNum,
      secretNum: 0,
      vpcNum: 1,
      vpcId: context.vpcId,
      zoneIds: zones.map((z) => z.zoneId),
      vswitchIds: zones.map((z) => z.nodeVswitch.id),
      deletionProtection: true,
      tags: { ...context.tags },
      // Replacing the instance would delete the keys, and with them every encrypted disk and Secret.
      // Its zones are ForceNew: once created it stays where it is, even if a zone with a lower slot
      // is added later (the instance needs no move; the keys serve every zone of the VPC).
      lifecycle: { preventDestroy: true, ignoreChanges: ['zone_ids', 'vswitch_ids'] },
    });
    return instance.id;
  }
}
