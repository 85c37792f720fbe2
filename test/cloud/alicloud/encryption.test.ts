import { KmsKeyStore } from '../../../lib/cloud/alicloud/kms-key-store';
import { validateManifests } from '../../support/k8s-validate';
import { essdStorageClass } from '../../../lib/cloud/alicloud/storage-class';
import { BASE_PROPS, resources, synthesize, values } from './fixture';
import { alicloudSchemaChecker } from './terraform-schema';

const defaults = synthesize();
const infra = defaults.infra;

describe('encryption', () => {
  const keys = values(infra, 'alicloud_kms_key');

  test('two KMS keys, automatic rotation on, deletion protection on', () => {
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect(key).toMatchObject({ automatic_rotation: 'Enabled', rotation_interval: '31536000s', deletion_protection: 'Enabled', key_spec: 'Aliyun_AES_256' });
    }
  });

  test('Secrets in etcd are encrypted with the secrets key', () => {
    const cluster = values(infra, 'alicloud_cs_managed_kubernetes')[0];
    const [secretsKeyId] = Object.entries(resources(infra, 'alicloud_kms_key')).find(([, k]) => /Secret encryption/.test(k.description))!;
    expect(cluster.encryption_provider_key).toBe(`\${alicloud_kms_key.${secretsKeyId}.id}`);
  });

  test('every node pool encrypts system and data disks with the disk key', () => {
    const [diskKeyId] = Object.entries(resources(infra, 'alicloud_kms_key')).find(([, k]) => /disk encryption/.test(k.description))!;
    const pools = values(infra, 'alicloud_cs_kubernetes_node_pool');
    expect(pools).toHaveLength(4);
    for (const pool of pools) {
      expect(pool).toMatchObject({ system_disk_encrypted: true, system_disk_kms_key: `\${alicloud_kms_key.${diskKeyId}.id}`, system_disk_category: 'cloud_essd' });
      expect(pool.data_disks).toEqual([expect.objectContaining({ encrypted: 'true', kms_key_id: `\${alicloud_kms_key.${diskKeyId}.id}`, category: 'cloud_essd' })]);
    }
  });

  test('the StorageClass is encrypted ESSD, WaitForFirstConsumer, expandable, retained', () => {
    expect(defaults.infrastructure.kubernetesObjects).toEqual([expect.objectContaining({
      kind: 'StorageClass',
      metadata: expect.objectContaining({ name: 'kafka-essd-encrypted' }),
      provisioner: 'diskplugin.csi.alibabacloud.com',
      parameters: expect.objectContaining({ type: 'cloud_essd', encrypted: 'true' }),
      allowVolumeExpansion: true,
      volumeBindingMode: 'WaitForFirstConsumer',
      reclaimPolicy: 'Retain',
    })]);
    expect(defaults.infrastructure.storageClassName).toBe('kafka-essd-encrypted');
  });

  test('the StorageClass passes the Kubernetes OpenAPI schema with unknown-field detection, also with a customer key', () => {
    expect(validateManifests([...defaults.infrastructure.kubernetesObjects, essdStorageClass({ name: 'x', performanceLevel: 'PL2', kmsKeyId: 'key-123' })])).toEqual([]);
    expect(validateManifests([{ ...essdStorageClass(), volumeBindingMode: 7 }]).length).toBeGreaterThan(0);
  });
});

describe('KMS instance: rotating customer keys need one on current accounts', () => {
  test('by default one software KMS instance is created in the VPC, and both keys live in it', () => {
    const instances = Object.entries(resources(infra, 'alicloud_kms_instance'));
    expect(instances).toHaveLength(1);
    const [instanceId, instance] = instances[0];
    expect(instance).toMatchObject({ product_version: '3', payment_type: 'Subscription', renew_status: 'AutoRenewal', spec: 1000, key_num: 1000, vpc_id: expect.stringContaining('alicloud_vpc.') });
    for (const key of values(infra, 'alicloud_kms_key')) expect(key.dkms_instance_id).toBe(`\${alicloud_kms_instance.${instanceId}.id}`);
  });

  test('the instance spans the two lowest address slots, with their node vSwitches, and refuses to be destroyed', () => {
    const [instance] = values(infra, 'alicloud_kms_instance');
    expect(instance.zone_ids).toEqual(['cn-hangzhou-h', 'cn-hangzhou-i']);
    const nodeVswitch = (zone: string) => Object.entries<any>(resources(infra, 'alicloud_vswitch')).find(([, v]) => v.zone_id === zone && v.vswitch_name.includes('-nodes-'))![0];
    expect(instance.vswitch_ids).toEqual([`\${alicloud_vswitch.${nodeVswitch('cn-hangzhou-h')}.id}`, `\${alicloud_vswitch.${nodeVswitch('cn-hangzhou-i')}.id}`]);
    // Replacing it (its zones and vSwitches are ForceNew) would delete the keys with it; a later zone change is ignored.
    expect(instance.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['zone_ids', 'vswitch_ids'] });
    expect(instance.deletion_protection).toBe(true);
  });

  test('adding a zone with a lower slot changes only the ignored zone fields; pinned zones keep the instance byte-identical', () => {
    const lower = synthesize({ zones: [{ zoneId: 'cn-hangzhou-b' }, ...BASE_PROPS.zones] }).infra;
    const [[id, before]] = Object.entries<any>(resources(infra, 'alicloud_kms_instance'));
    const after = resources(lower, 'alicloud_kms_instance')[id];
    expect({ ...after, zone_ids: before.zone_ids, vswitch_ids: before.vswitch_ids }).toEqual(before);
    expect(after.lifecycle.ignore_changes).toEqual(['zone_ids', 'vswitch_ids']);
  });

  test('pinned instance zones keep the instance unchanged when a zone with a lower slot is added', () => {
    const pinned = synthesize({ kms: KmsKeyStore.newInstance({ zoneIds: ['cn-hangzhou-h', 'cn-hangzhou-i'] }) }).infra;
    const grown = synthesize({ zones: [{ zoneId: 'cn-hangzhou-b' }, ...BASE_PROPS.zones], kms: KmsKeyStore.newInstance({ zoneIds: ['cn-hangzhou-h', 'cn-hangzhou-i'] }) }).infra;
    expect(resources(grown, 'alicloud_kms_instance')).toEqual(resources(pinned, 'alicloud_kms_instance'));
    expect(resources(pinned, 'alicloud_kms_instance')).toEqual(resources(infra, 'alicloud_kms_instance'));
  });

  test('an existing instance is used as is; the legacy shared KMS puts the keys outside any instance', () => {
    const existing = synthesize({ kms: KmsKeyStore.existingInstance('kst-hzz65f176a0ogplgq1234') }).infra;
    expect(values(existing, 'alicloud_kms_instance')).toEqual([]);
    expect(values(existing, 'alicloud_kms_key').map((k) => k.dkms_instance_id)).toEqual(['kst-hzz65f176a0ogplgq1234', 'kst-hzz65f176a0ogplgq1234']);
    const legacy = synthesize({ kms: KmsKeyStore.legacySharedKms() }).infra;
    expect(values(legacy, 'alicloud_kms_instance')).toEqual([]);
    expect(values(legacy, 'alicloud_kms_key').map((k) => k.dkms_instance_id)).toEqual([undefined, undefined]);
  });

  test('every KMS choice passes the provider schema', () => {
    const checker = alicloudSchemaChecker();
    for (const kms of [KmsKeyStore.newInstance({ spec: 2000, periodMonths: 1 }), KmsKeyStore.existingInstance('kst-abc123'), KmsKeyStore.legacySharedKms()]) {
      expect(checker.check(synthesize({ kms }).infra)).toEqual([]);
    }
  });

  test.each([
    ['not an instance ID', KmsKeyStore.existingInstance('key-123'), /kms: "key-123" is not a KMS instance ID.*Fix: pass the instance ID/],
    ['unknown spec', KmsKeyStore.newInstance({ spec: 300 }), /kms\.spec: 300 is not a KMS instance performance level/],
    ['too few keys', KmsKeyStore.newInstance({ keyNum: 100 }), /kms\.keyNum: 100 keys is below the smallest package/],
    ['odd term', KmsKeyStore.newInstance({ periodMonths: 5 }), /kms\.periodMonths: 5 is not a subscription term/],
    ['zone outside the platform', KmsKeyStore.newInstance({ zoneIds: ['cn-hangzhou-h', 'cn-hangzhou-b'] }), /kms\.zoneIds: zone cn-hangzhou-b is not one of the platform's zones/],
    ['one zone', KmsKeyStore.newInstance({ zoneIds: ['cn-hangzhou-h'] }), /kms\.zoneIds: 1 distinct zone\(s\) given; a KMS instance spans exactly two/],
  ])('%s fails synth naming the prop and the fix', (_, kms, message) => {
    expect(() => synthesize({ kms })).toThrow(message);
  });
});
