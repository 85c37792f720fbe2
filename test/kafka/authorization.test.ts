import { KafkaPlatformValidationError } from '../../lib/errors';
import { AclOperation, AclPatternType, AclResourceType, KafkaMetadataMode } from '../../lib/kafka';
import { find, parseProperties, synth } from './helpers';

function baseProperties(objects: any[], configMap: string): Record<string, string> {
  return parseProperties(find(objects, 'ConfigMap', configMap).data['server.properties']);
}

describe('authorization is on by default', () => {
  test('KRaft brokers and controllers run the StandardAuthorizer, deny when no ACL matches, and only the admin (its two identities) is a super user', () => {
    const { objects } = synth({ credentials: { adminUsername: 'platform-admin' } });
    for (const cm of ['kafka-broker-config', 'kafka-controller-config']) {
      const props = baseProperties(objects, cm);
      expect(props['authorizer.class.name']).toBe('org.apache.kafka.metadata.authorizer.StandardAuthorizer');
      expect(props['allow.everyone.if.no.acl.found']).toBe('false');
      expect(props['super.users']).toBe('User:platform-admin;User:platform-admin-b');
    }
  });

  test('ZooKeeper-mode brokers run the AclAuthorizer', () => {
    const props = baseProperties(synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER }).objects, 'kafka-broker-config');
    expect(props['authorizer.class.name']).toBe('kafka.security.authorizer.AclAuthorizer');
    expect(props['allow.everyone.if.no.acl.found']).toBe('false');
    expect(props['super.users']).toBe('User:admin;User:admin-b');
  });

  test('no listener is PLAINTEXT: the KRaft controller listener authenticates with SASL', () => {
    const { objects } = synth();
    for (const cm of ['kafka-broker-config', 'kafka-controller-config']) {
      expect(baseProperties(objects, cm)['listener.security.protocol.map'].split(',').filter(m => m.endsWith(':PLAINTEXT'))).toEqual([]);
    }
  });

  test.each(['authorizer.class.name', 'super.users', 'allow.everyone.if.no.acl.found', 'sasl.mechanism.controller.protocol'])('%s cannot be overridden', (key) => {
    expect(() => synth({ brokers: { config: { [key]: 'x' } } })).toThrow(/set per pod by the start script|cannot be overridden/);
    expect(() => synth({ controllers: { config: { [key]: 'x' } } })).toThrow(/cannot be overridden/);
  });
});

describe('typed users: ACLs and quotas are checked when declared', () => {
  const topicAcl = (operations: AclOperation[]) => ({ resourceType: AclResourceType.TOPIC, name: 'orders', operations });
  const declare = (options: any) => () => synth({}, c => { c.addUser('orders-service', options); });

  test('an operation that does not apply to its resource type names the ACL and the allowed operations', () => {
    expect(declare({ acls: [{ resourceType: AclResourceType.GROUP, name: 'g', operations: [AclOperation.WRITE] }] }))
      .toThrow(/addUser\("orders-service"\)\.acls\[0\]\.operations: "Write" does not apply to a group\. Fix: use All, Read, Describe, Delete/);
    expect(declare({ acls: [{ resourceType: AclResourceType.TRANSACTIONAL_ID, name: 'tx', operations: [AclOperation.READ] }] })).toThrow(/does not apply to a transactional-id/);
  });

  test('empty operations, empty names, prefixed cluster patterns and bad hosts are refused, all at once', () => {
    let err: any;
    try {
      declare({ acls: [topicAcl([]), { resourceType: AclResourceType.TOPIC, name: '', operations: [AclOperation.READ] }, { resourceType: AclResourceType.CLUSTER, patternType: AclPatternType.PREFIXED, operations: [AclOperation.DESCRIBE] }, { ...topicAcl([AclOperation.READ]), host: 'not a host' }] })();
    } catch (e) { err = e; }
    expect(err).toBeInstanceOf(KafkaPlatformValidationError);
    expect(err.prop).toBe('addUser("orders-service").acls[0].operations');
    expect(err.message).toMatch(/and 3 more: .*acls\[1\]\.name.*acls\[2\]\.patternType.*acls\[3\]\.host/);
  });

  test.each([
    [{ producerByteRate: 0 }, /quotas\.producerByteRate: 0 is not a positive whole number/],
    [{ consumerByteRate: 1.5 }, /quotas\.consumerByteRate: 1\.5 is not a positive whole number/],
    [{ requestPercentage: -1 }, /quotas\.requestPercentage: -1 is not a positive number/],
    [{ controllerMutationRate: Number.POSITIVE_INFINITY }, /quotas\.controllerMutationRate: null is not a positive number/],
  ])('quota %j is out of range', (quotas, message) => expect(declare({ quotas })).toThrow(message));

  test('declaring a user again adds ACLs; conflicting quotas are refused', () => {
    const { objects } = synth({}, c => {
      c.addUser('orders-service', { acls: [topicAcl([AclOperation.READ])], quotas: { producerByteRate: 1024 } });
      c.addUser('orders-service', { acls: [topicAcl([AclOperation.READ, AclOperation.WRITE])] });
    });
    const table = find(objects, 'ConfigMap', 'kafka-admin-jobs').data['acls.tsv'].split('\n').filter((l: string) => l && !l.startsWith('#'));
    expect(table).toEqual([
      'User:orders-service\tTOPIC\tLITERAL\torders\tREAD\tALLOW\t*',
      'User:orders-service\tTOPIC\tLITERAL\torders\tWRITE\tALLOW\t*',
    ]);
    expect(find(objects, 'ConfigMap', 'kafka-admin-jobs').data['quotas.tsv']).toContain('orders-service\tproducer_byte_rate=1024\n');
    expect(() => synth({}, c => {
      c.addUser('orders-service', { quotas: { producerByteRate: 1024 } });
      c.addUser('orders-service', { quotas: { producerByteRate: 2048 } });
    })).toThrow(/quotas: differ from the quotas declared for this user before/);
  });

  test('a change of ACLs or quotas gives the users Job a new name, so it runs again', () => {
    const jobName = (options: any) => synth({}, c => { c.addUser('orders-service', options); }).objects.find(o => o.kind === 'Job' && /-users-/.test(o.metadata.name)).metadata.name;
    const none = jobName({});
    expect(jobName({ acls: [topicAcl([AclOperation.READ])] })).not.toBe(none);
    expect(jobName({ quotas: { consumerByteRate: 1024 } })).not.toBe(none);
    expect(jobName({})).toBe(none);
  });
});
