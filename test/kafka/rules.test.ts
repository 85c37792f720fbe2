import { STUB_FLAVOUR } from './helpers';
import { haBrokerDefaults, KAFKA_HA_RULE_PACK, KafkaMetadataMode, KafkaProfile, KafkaRuleContext, LoadBalancerExposure, LoadBalancerOptions, runRulePack } from '../../lib/kafka';
import { internetListenerSourceRangesRule } from '../../lib/kafka/rules/internet-listener-source-ranges';
import { deriveKraftClusterId } from '../../lib/kafka/model/cluster-id';

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
      brokerConfig: { 'default.replication.factor': '9', 'min.insync.replicas': '9', 'offsets.topic.replication.factor': '1', 'transaction.state.log.replication.factor': '4', 'transaction.state.log.min.isr': '3', 'unclean.leader.election.enable': 'true', 'auto.create.topics.enable': 'true', 'replica.selector.class': 'x', 'controlled.shutdown.enable': 'false' },
      brokerConfigOverrides: { 'node.id': '1' },
      controllerConfigOverrides: { 'default.replication.factor': '1' },
      externalListener: { domain: 'BAD', loadBalancer: { exposure: LoadBalancerExposure.INTERNET }, tls: {} },
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

describe('zone-loss rule', () => {
  const config = (rf: string, isr: string) => ({ ...haBrokerDefaults(KafkaMetadataMode.KRAFT), 'default.replication.factor': rf, 'offsets.topic.replication.factor': rf, 'min.insync.replicas': isr });
  const zoneLoss = (c: KafkaRuleContext) => runRulePack(c).filter(f => f.ruleId === 'zone-loss');

  test.each([
    // [zones, brokers, RF, min ISR, replicas left after a zone loss, fires]
    [3, 3, '3', '2', 2, false],
    [3, 6, '4', '3', 2, true],
    [4, 4, '4', '3', 3, false],
    [3, 6, '5', '3', 3, false],
    [3, 6, '6', '5', 4, true],
  ])('%i zones, %i brokers, RF %s, min ISR %s: %i left', (zones, brokers, rf, isr, _left, fires) => {
    const findings = zoneLoss(ctx({ zones: ['a', 'b', 'c', 'd'].slice(0, zones), brokerCount: brokers, brokerConfig: config(rf, isr) }));
    expect(findings.map(f => f.prop)).toEqual(fires ? ['brokers.config["default.replication.factor"]', 'brokers.config["offsets.topic.replication.factor"]'] : []);
    for (const f of findings) expect(f.relaxable).toBe(true);
  });

  test('fewer zones: RF 3 / min ISR 2 over 2 zones keeps 1 replica', () => {
    expect(zoneLoss(ctx({ zones: ['a', 'b'], brokerCount: 4 })).map(f => f.problem)).toEqual([
      'default.replication.factor 3 over 2 zone(s) keeps only 1 replica(s) of a partition when a zone fails, fewer than min.insync.replicas 2: acks=all writes stop',
      'offsets.topic.replication.factor 3 over 2 zone(s) keeps only 1 replica(s) of a partition when a zone fails, fewer than min.insync.replicas 2: acks=all writes stop',
      'transaction.state.log.replication.factor 3 over 2 zone(s) keeps only 1 replica(s) of a partition when a zone fails, fewer than transaction.state.log.min.isr 2: acks=all writes stop',
    ]);
  });
});

describe('internet-listener-source-ranges rule', () => {
  const withLb = (lb: Partial<LoadBalancerOptions>) => ctx({ externalListener: { domain: 'kafka.example.com', tls: { secretName: 's' }, loadBalancer: { flavour: STUB_FLAVOUR, ...lb } } });
  const internet = LoadBalancerExposure.INTERNET;

  test.each([
    ['no external listener', ctx(), 0],
    ['internal, no CIDRs', withLb({}), 0],
    ['internal explicitly, no CIDRs', withLb({ exposure: LoadBalancerExposure.INTERNAL }), 0],
    ['internet with CIDRs', withLb({ exposure: internet, allowedSourceCidrs: ['198.51.100.0/24'] }), 0],
    ['internet, no CIDRs', withLb({ exposure: internet }), 1],
    ['internet, empty CIDRs', withLb({ exposure: internet, allowedSourceCidrs: [] }), 1],
    ['internet, a /0 among CIDRs', withLb({ exposure: internet, allowedSourceCidrs: ['198.51.100.0/24', '0.0.0.0/0'] }), 1],
  ])('%s', (_name, c, count) => {
    const findings = internetListenerSourceRangesRule(c);
    expect(findings).toHaveLength(count);
    for (const f of findings) {
      expect(f).toMatchObject({ ruleId: 'internet-listener-source-ranges', prop: 'externalListener.loadBalancer.allowedSourceCidrs', relaxable: false });
      expect(f.acceptedBy).toBeUndefined();
    }
  });

  test('the loud opt-in marks the finding accepted instead of dropping it', () => {
    const [f] = internetListenerSourceRangesRule(withLb({ exposure: internet, dangerouslyAllowAnySource: true }));
    expect(f.acceptedBy).toBe('externalListener.loadBalancer.dangerouslyAllowAnySource');
    expect(internetListenerSourceRangesRule(withLb({ exposure: internet, dangerouslyAllowAnySource: false }))[0].acceptedBy).toBeUndefined();
  });

  test('it is part of the pack', () => {
    expect(KAFKA_HA_RULE_PACK).toContain(internetListenerSourceRangesRule);
  });
});

describe('controller-cluster-defaults rule', () => {
  test('refuses controller-only values of the cluster-wide defaults, in KRaft mode only', () => {
    const findings = runRulePack(ctx({ controllerConfigOverrides: { 'num.partitions': '1', 'metadata.log.segment.bytes': '1048576' } })).filter(f => f.ruleId === 'controller-cluster-defaults');
    expect(findings.map(f => [f.prop, f.relaxable])).toEqual([['controllers.config["num.partitions"]', false]]);
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
