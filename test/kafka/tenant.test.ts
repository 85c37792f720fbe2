import { KafkaPlatformValidationError } from '../../lib/errors';
import { KafkaTenant } from '../../lib/kafka';
import { find, synth } from './helpers';

function acls(objects: any[], user: string): string[] {
  return find(objects, 'ConfigMap', 'kafka-admin-jobs').data['acls.tsv'].split('\n')
    .filter((l: string) => l.startsWith(`User:${user}\t`)).map((l: string) => l.split('\t').slice(1, 6).join(' '));
}

describe('KafkaTenant', () => {
  const build = () => synth({}, (cluster, chart) => {
    new KafkaTenant(chart, 'payments', {
      cluster, name: 'payments', clientNamespace: 'payments-apps',
      users: [{ name: 'payments-app', quotas: { producerByteRate: 1048576 } }, { name: 'payments-audit', readOnly: true }],
      topics: [{ name: 'payments.orders', partitions: 6, replicationFactor: 3 }],
    });
    new KafkaTenant(chart, 'search', { cluster, name: 'search', users: [{ name: 'search-app' }] });
  });

  test('every ACL of a tenant user stays under its prefix; read-only users cannot write', () => {
    const { objects } = build();
    for (const line of acls(objects, 'payments-app')) expect(line).toMatch(/^(TOPIC|GROUP|TRANSACTIONAL_ID) PREFIXED payments\. \w+ ALLOW$/);
    expect(acls(objects, 'payments-app')).toEqual(expect.arrayContaining(['TOPIC PREFIXED payments. WRITE ALLOW', 'GROUP PREFIXED payments. READ ALLOW']));
    expect(acls(objects, 'payments-app')).not.toContain('TOPIC PREFIXED payments. CREATE ALLOW');
    expect(acls(objects, 'payments-audit').some(l => / (WRITE|DELETE|CREATE) /.test(l))).toBe(false);
    for (const line of acls(objects, 'search-app')) expect(line).toMatch(/ PREFIXED search\. /);
  });

  test('its quotas, topics and client namespace reach the cluster', () => {
    const { objects } = build();
    expect(find(objects, 'ConfigMap', 'kafka-admin-jobs').data['quotas.tsv']).toContain('payments-app\tproducer_byte_rate=1048576\n');
    expect(find(objects, 'ConfigMap', 'kafka-admin-jobs').data['topics.tsv']).toContain('payments.orders\t6\t3');
    const ingress = find(objects, 'NetworkPolicy', 'kafka-broker-ingress').spec.ingress[0].from;
    expect(ingress).toContainEqual({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'payments-apps' } } });
    expect(JSON.stringify(ingress)).not.toContain('search');
  });

  test('topic creation at run time is an explicit opt-in', () => {
    const { objects } = synth({}, (cluster, chart) => { new KafkaTenant(chart, 't', { cluster, name: 'team', users: [{ name: 'team-app' }], allowTopicCreation: true }); });
    expect(acls(objects, 'team-app')).toContain('TOPIC PREFIXED team. CREATE ALLOW');
  });

  test.each([
    ['a topic outside the prefix', { topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }] }, 'topics[0].name', /outside the tenant's prefix "payments\."/],
    ['a prefix without a separator at the end', { prefix: 'pay' }, 'prefix', /not a topic prefix ending in/],
    ['no users', { users: [] }, 'users', /without users/],
    ['a bad namespace', { clientNamespace: 'Payments Apps' }, 'clientNamespace', /not a namespace name/],
  ])('refuses %s', (_what, extra, prop, problem) => {
    let err: any;
    try { synth({}, (cluster, chart) => { new KafkaTenant(chart, 'p', { cluster, name: 'payments', users: [{ name: 'payments-app' }], ...(extra as any) }); }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(KafkaPlatformValidationError);
    expect(err.prop).toBe(prop);
    expect(err.message).toMatch(problem);
  });

  test('two tenants with overlapping prefixes are refused: each could read the other\'s topics', () => {
    expect(() => synth({}, (cluster, chart) => {
      new KafkaTenant(chart, 'a', { cluster, name: 'team', users: [{ name: 'team-app' }] });
      new KafkaTenant(chart, 'b', { cluster, name: 'team-b', prefix: 'team.b.', users: [{ name: 'team-b-app' }] });
    })).toThrow(/prefix: "team\.b\." overlaps the prefix "team\." of tenant team/);
  });
});
