import { haBrokerDefaults, KAFKA_HA_RULE_PACK, KafkaMetadataMode, KafkaProfile, KafkaRuleContext, runRulePack } from '../../lib/kafka';
import { deriveKraftClusterId } from '../../lib/kafka/cluster-id';

function ctx(overrides: Partial<KafkaRuleContext> = {}): KafkaRuleContext {
  return {
    profile: KafkaProfile.PRODUCTION,
    metadataMode: KafkaMetadataMode.KRAFT,
    zones: ['a', 'b', 'c'],
    brokerCount: 3,
    controllerCount: 3,
    zookeeperCount: 0,
    brokerConfig: haBrokerDefaults(KafkaMetadataMode.KRAFT),
    brokerConfigOverrides: {},
    controllerConfigOverrides: {},
    terminationGracePeriodSeconds: 180,
    networkPoliciesEnabled: true,
    ...overrides,
  };
}

describe('HA rule pack', () => {
  test('the defaults pass every rule', () => {
    expect(runRulePack(ctx())).toEqual([]);
    expect(runRulePack(ctx({ metadataMode: KafkaMetadataMode.ZOOKEEPER, controllerCount: 0, zookeeperCount: 3, brokerConfig: haBrokerDefaults(KafkaMetadataMode.ZOOKEEPER) }))).toEqual([]);
  });

  test('rules are pure: same input, same findings, input untouched', () => {
    const c = ctx({ zones: ['a'], brokerCount: 2, brokerConfig: { ...haBrokerDefaults(KafkaMetadataMode.KRAFT), 'min.insync.replicas': '3' } });
    const frozen = JSON.stringify(c);
    const first = runRulePack(c);
    expect(runRulePack(c)).toEqual(first);
    expect(JSON.stringify(c)).toBe(frozen);
    expect(first.map(f => f.ruleId)).toEqual(expect.arrayContaining(['zone-count', 'replication-factor', 'min-insync-replicas']));
  });

  test('each rule has its own id and every finding names a prop and a fix', () => {
    const bad = ctx({
      zones: ['a', 'a'], brokerCount: 5, controllerCount: 4, terminationGracePeriodSeconds: 10, networkPoliciesEnabled: false,
      brokerConfig: { 'default.replication.factor': '9', 'min.insync.replicas': '9', 'offsets.topic.replication.factor': '1', 'transaction.state.log.replication.factor': '1', 'transaction.state.log.min.isr': '1', 'unclean.leader.election.enable': 'true', 'auto.create.topics.enable': 'true', 'replica.selector.class': 'x', 'controlled.shutdown.enable': 'false' },
      brokerConfigOverrides: { 'node.id': '1' },
      externalListener: { domain: 'BAD', loadBalancer: { provider: 'generic' as any }, tls: {} },
    });
    const findings = runRulePack(bad);
    const ids = new Set(findings.map(f => f.ruleId));
    expect(ids.size).toBe(KAFKA_HA_RULE_PACK.length - 1); // the ZooKeeper rule does not apply in KRaft mode
    for (const f of findings) {
      expect(f.prop.length).toBeGreaterThan(0);
      expect(f.fix.length).toBeGreaterThan(5);
    }
  });
});

describe('KRaft cluster id', () => {
  test('deterministic, 16 bytes, never starting with "-"', () => {
    expect(deriveKraftClusterId('kafka', 'kafka')).toBe(deriveKraftClusterId('kafka', 'kafka'));
    for (let i = 0; i < 500; i++) {
      const id = deriveKraftClusterId('ns', `c${i}`);
      expect(id).toHaveLength(22);
      expect(id.startsWith('-')).toBe(false);
      expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    }
  });
});
