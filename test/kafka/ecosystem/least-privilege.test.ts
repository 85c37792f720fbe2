import { KafkaConnector } from '../../../lib/kafka/ecosystem';
import { EVERYTHING, find, synthEcosystem } from './support';

/** The ACL table the users Job converges to, by principal: `TYPE PATTERN name OPERATION PERMISSION`. */
function aclsByUser(objects: any[]): Map<string, string[]> {
  const table: string = find(objects, 'ConfigMap', 'kafka-admin-jobs').data['acls.tsv'];
  const out = new Map<string, string[]>();
  for (const line of table.split('\n').filter(l => l && !l.startsWith('#'))) {
    const [principal, type, pattern, name, op, perm] = line.split('\t');
    out.set(principal, [...(out.get(principal) ?? []), `${type} ${pattern} ${name} ${op} ${perm}`]);
  }
  return out;
}

describe('every component the platform ships runs with least privilege', () => {
  const { objects, ecosystem, cluster } = synthEcosystem(EVERYTHING);
  const acls = aclsByUser(objects);
  const of = (user: string) => acls.get(`User:${user}`) ?? [];

  test('each component has its own user, none is the admin, and every one has ACLs', () => {
    const users = cluster.declaredUsers.map(u => u.username);
    expect(users).not.toContain('admin');
    for (const user of users) expect(of(user).length).toBeGreaterThan(0);
  });

  test('Schema Registry: its topic and its election group, nothing else', () => {
    const user = ecosystem.schemaRegistry!.credentials.username;
    expect(of(user).filter(a => a.startsWith('TOPIC')).every(a => a.startsWith('TOPIC LITERAL _schemas '))).toBe(true);
    expect(of(user)).toEqual(expect.arrayContaining(['TOPIC LITERAL _schemas WRITE ALLOW', `GROUP LITERAL ${user} READ ALLOW`]));
    expect(of(user).some(a => / (DELETE|ALTER|ALTER_CONFIGS|ALL) /.test(a))).toBe(false);
  });

  test('the Kafka exporter can only describe', () => {
    const user = ecosystem.monitoring!.kafkaExporter!.credentials.username;
    expect(of(user).sort()).toEqual(['CLUSTER LITERAL kafka-cluster DESCRIBE ALLOW', 'GROUP LITERAL * DESCRIBE ALLOW', 'TOPIC LITERAL * DESCRIBE ALLOW']);
  });

  test('Kafbat UI is read-only by default, in its settings and in its ACLs', () => {
    const user = ecosystem.ui!.credentials.username;
    expect(of(user).some(a => / (WRITE|CREATE|DELETE|ALTER|ALTER_CONFIGS|ALL) /.test(a))).toBe(false);
    expect(of(user)).toContain('TOPIC LITERAL * READ ALLOW');
  });

  test('ksqlDB works under its own prefixes only', () => {
    const ksql = ecosystem.ksqlDb!;
    for (const a of of(ksql.credentials.username)) {
      expect(a).toMatch(new RegExp(`^(CLUSTER LITERAL kafka-cluster (DESCRIBE|DESCRIBE_CONFIGS)|\\w+ PREFIXED (_confluent-ksql-)?${ksql.serviceId} ALL) ALLOW$`));
    }
  });

  test('Connect: its internal topics and group, plus exactly the topics each connector names and the sink group', () => {
    const { objects: withConnector, ecosystem: eco } = synthEcosystem({ connect: true }, {});
    expect(eco.connect).toBeDefined();
    const user = eco.connect!.credentials.username;
    const before = aclsByUser(withConnector).get(`User:${user}`)!;
    // Read, write, describe and describe-configs on each internal topic, and nothing on any other topic.
    expect(before.filter(a => a.startsWith('TOPIC')).map(a => a.split(' ')[2]).sort()).toEqual([...new Set(Object.values(eco.connect!.topics))].sort().flatMap(t => [t, t, t, t]));
    expect(before).toContain(`GROUP LITERAL ${user} READ ALLOW`);
  });
});

describe('connector ACLs', () => {
  test('a sink reads the topics in `topics` with its group; a source writes `topic` / `topic.prefix`; a regex needs topicAccess', () => {
    const built = synthEcosystem({ connect: true });
    const connect = built.ecosystem.connect!;
    new KafkaConnector(built.chart, 'sink', { connect, connectorClass: 'org.apache.kafka.connect.file.FileStreamSinkConnector', config: { topics: 'orders, audit', file: '/tmp/x' } });
    new KafkaConnector(built.chart, 'cdc', { connect, connectorClass: 'io.debezium.connector.mysql.MySqlConnector', config: { 'topic.prefix': 'inventory' } });
    const objects = built.chart.toJson();
    const mine = aclsByUser(objects).get(`User:${connect.credentials.username}`)!;
    expect(mine).toEqual(expect.arrayContaining([
      'TOPIC LITERAL orders READ ALLOW', 'TOPIC LITERAL audit READ ALLOW', 'GROUP LITERAL connect-sink READ ALLOW',
      'TOPIC PREFIXED inventory WRITE ALLOW', 'TOPIC PREFIXED inventory CREATE ALLOW',
    ]));
    expect(mine).not.toContain('TOPIC LITERAL orders WRITE ALLOW');
    expect(mine.some(a => a.startsWith('GROUP LITERAL connect-cdc'))).toBe(false);

    expect(() => new KafkaConnector(built.chart, 'regex', { connect, connectorClass: 'a.b.Sink', config: { 'topics.regex': 'orders-.*' } }))
      .toThrow(/config\["topics\.regex"\]: a regex cannot be turned into ACLs/);
    expect(() => new KafkaConnector(built.chart, 'regex2', { connect, connectorClass: 'a.b.Sink', config: { 'topics.regex': 'orders-.*' }, topicAccess: { readPrefixes: ['orders-'] } })).not.toThrow();
  });
});
