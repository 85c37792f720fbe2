import { Yaml } from 'cdk8s';
import { KafkaMetadataMode } from '../../lib/kafka';
import { synth, STUB_FLAVOUR } from './helpers';

const props = {
  externalListener: { domain: 'kafka.example.com', loadBalancer: { flavour: STUB_FLAVOUR }, tls: { certManagerIssuer: { name: 'ca' } } },
  topics: [{ name: 'b', partitions: 3, replicationFactor: 3 }, { name: 'a', partitions: 3, replicationFactor: 3, config: { 'retention.ms': '1' } }],
};

describe('deterministic synth', () => {
  test.each([['KRaft', props], ['ZooKeeper', { ...props, metadataMode: KafkaMetadataMode.ZOOKEEPER }]])('%s: two syntheses are byte-identical', (_n, p) => {
    const render = () => Yaml.stringify(...synth(p, c => { c.addUser('x'); c.addUser('a'); }).objects);
    const first = render();
    expect(render()).toBe(first);
    expect(first.length).toBeGreaterThan(10000);
  });

  test('declaration order of users and topics does not change the output', () => {
    const a = Yaml.stringify(...synth({}, c => { c.addUser('x'); c.addUser('a'); c.addTopic({ name: 't1', partitions: 1, replicationFactor: 3 }); c.addTopic({ name: 't0', partitions: 1, replicationFactor: 3 }); }).objects);
    const b = Yaml.stringify(...synth({}, c => { c.addTopic({ name: 't0', partitions: 1, replicationFactor: 3 }); c.addUser('a'); c.addTopic({ name: 't1', partitions: 1, replicationFactor: 3 }); c.addUser('x'); }).objects);
    expect(b).toBe(a);
  });

  test('lib/kafka uses no source of randomness or time', () => {
    const fs = require('fs');
    const path = require('path');
    const files: string[] = [];
    const walk = (d: string) => { for (const f of fs.readdirSync(d)) { const p = path.join(d, f); if (fs.statSync(p).isDirectory()) walk(p); else if (p.endsWith('.ts')) files.push(p); } };
    walk(path.join(__dirname, '../../lib/kafka'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      expect([f, fs.readFileSync(f, 'utf8')]).not.toEqual([f, expect.stringMatching(/Math\.random|Date\.now|new Date\(|randomUUID|randomBytes/)]);
    }
  });
});
