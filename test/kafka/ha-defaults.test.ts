import { KafkaMetadataMode } from '../../lib/kafka';
import { all, brokerStatefulSets, controllerStatefulSets, envOf, find, parseProperties, synth, ZONES } from './helpers';

describe('HA defaults in the broker base configuration', () => {
  const { objects } = synth();
  const props = parseProperties(find(objects, 'ConfigMap', 'kafka-broker-config').data['server.properties']);

  test.each([
    ['default.replication.factor', '3'],
    ['min.insync.replicas', '2'],
    ['offsets.topic.replication.factor', '3'],
    ['transaction.state.log.replication.factor', '3'],
    ['transaction.state.log.min.isr', '2'],
    ['unclean.leader.election.enable', 'false'],
    ['auto.create.topics.enable', 'false'],
    ['replica.selector.class', 'org.apache.kafka.common.replica.RackAwareReplicaSelector'],
    ['inter.broker.listener.name', 'INTERNAL'],
    ['sasl.enabled.mechanisms', 'SCRAM-SHA-512,SCRAM-SHA-256'],
    ['sasl.mechanism.inter.broker.protocol', 'SCRAM-SHA-512'],
  ])('%s=%s', (key, value) => {
    expect(props[key]).toBe(value);
  });

  test('ZooKeeper-mode brokers also get controlled.shutdown.enable=true', () => {
    const zk = synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER }).objects;
    expect(parseProperties(find(zk, 'ConfigMap', 'kafka-broker-config').data['server.properties'])['controlled.shutdown.enable']).toBe('true');
  });

  test('the base config carries no per-pod value (node id, rack, listeners, secrets)', () => {
    for (const key of ['node.id', 'broker.id', 'broker.rack', 'listeners', 'advertised.listeners', 'log.dirs', 'controller.quorum.voters']) {
      expect(props[key]).toBeUndefined();
    }
    expect(JSON.stringify(props)).not.toMatch(/password=/);
  });

  test('overrides of non-invariant properties are applied', () => {
    const o = synth({ brokers: { config: { 'num.network.threads': '8', 'log.retention.hours': '72' } } }).objects;
    const p = parseProperties(find(o, 'ConfigMap', 'kafka-broker-config').data['server.properties']);
    expect(p['num.network.threads']).toBe('8');
    expect(p['log.retention.hours']).toBe('72');
    expect(p['min.insync.replicas']).toBe('2');
  });
});

describe('KRaft controllers apply the same cluster-wide defaults as the brokers', () => {
  // A KRaft controller uses its own static config for the RF/partitions of topics created without them,
  // for unclean leader election, and (ELR, on by default for new 4.1 clusters) for the cluster-level
  // min.insync.replicas it writes when it bootstraps the metadata log. Kafka's defaults there are 1 / 1.
  const controllerProps = (objects: any[]) => parseProperties(find(objects, 'ConfigMap', 'kafka-controller-config').data['server.properties']);

  test.each([
    ['default.replication.factor', '3'],
    ['min.insync.replicas', '2'],
    ['num.partitions', '3'],
    ['unclean.leader.election.enable', 'false'],
    ['auto.leader.rebalance.enable', 'true'],
  ])('controller %s=%s', (key, value) => {
    expect(controllerProps(synth().objects)[key]).toBe(value);
  });

  test('broker overrides of those defaults reach the controllers too; broker-only properties do not', () => {
    const { objects } = synth({ brokers: { replicas: 6, config: { 'num.partitions': '12', 'default.replication.factor': '3', 'log.retention.hours': '72' } } });
    const props = controllerProps(objects);
    expect(props['num.partitions']).toBe('12');
    expect(props['log.retention.hours']).toBeUndefined();
    expect(props['sasl.enabled.mechanisms']).toBeUndefined();
    expect(props['process.roles']).toBe('controller');
  });
});

describe('brokers spread over zones', () => {
  test('one StatefulSet per zone, pinned to it, with broker.rack = zone and stable node-id offsets', () => {
    const { objects, cluster } = synth({ brokers: { replicas: 6 } });
    const sets = brokerStatefulSets(objects);
    expect(sets.map(s => [s.metadata.name, s.spec.replicas])).toEqual([['kafka-broker-0', 2], ['kafka-broker-1', 2], ['kafka-broker-2', 2]]);
    sets.forEach((sts, zi) => {
      const pod = sts.spec.template.spec;
      const terms = pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms;
      expect(terms).toEqual([{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: [ZONES[zi]] }] }]);
      const env = envOf(pod.containers[0]);
      expect(env.KP_RACK).toBe(ZONES[zi]);
      expect(env.KP_NODE_ID_OFFSET).toBe(String(1000 + zi * 100));
      expect(env.KP_NODE_ID_STRIDE).toBe('1');
    });
    expect(cluster.brokerNodeIds).toEqual([1000, 1001, 1100, 1101, 1200, 1201]);
  });

  test('appending a zone keeps every existing node id', () => {
    const three = synth({ brokers: { replicas: 3 } }).cluster.brokerNodeIds;
    const four = synth({ zones: [...ZONES, 'zone-d'], brokers: { replicas: 4 } }).cluster.brokerNodeIds;
    expect(four.slice(0, 3)).toEqual(three);
    expect(four[3]).toBe(1300);
  });

  test('required pod anti-affinity on hostname between brokers', () => {
    const { objects } = synth();
    for (const sts of brokerStatefulSets(objects)) {
      expect(sts.spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toEqual([
        { labelSelector: { matchLabels: { 'app.kubernetes.io/instance': 'kafka', 'app.kubernetes.io/component': 'broker' } }, topologyKey: 'kubernetes.io/hostname' },
      ]);
    }
  });

  test('node placement labels and tolerations reach every Kafka pod', () => {
    const { objects } = synth({ nodePlacement: { nodeLabels: { pool: 'kafka' }, tolerations: [{ key: 'dedicated', value: 'kafka', effect: 'NoSchedule' }, { key: 'spot', effect: 'NoExecute' }] } });
    for (const sts of all(objects, 'StatefulSet')) {
      const pod = sts.spec.template.spec;
      expect(pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions).toContainEqual({ key: 'pool', operator: 'In', values: ['kafka'] });
      expect(pod.tolerations).toEqual([{ key: 'dedicated', operator: 'Equal', value: 'kafka', effect: 'NoSchedule' }, { key: 'spot', operator: 'Exists', effect: 'NoExecute' }]);
    }
  });

  test('each broker has its own persistent volume; size and class are props', () => {
    const { objects } = synth({ storageClassName: 'fast', brokers: { storage: { size: '500Gi' } }, controllers: { storage: { size: '30Gi', storageClassName: 'meta' } } });
    for (const sts of brokerStatefulSets(objects)) {
      expect(sts.spec.volumeClaimTemplates[0].spec).toEqual({ accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '500Gi' } } });
      expect(sts.spec.template.spec.containers[0].volumeMounts).toContainEqual({ name: 'data', mountPath: '/var/lib/kafka' });
    }
    for (const sts of controllerStatefulSets(objects)) {
      expect(sts.spec.volumeClaimTemplates[0].spec.storageClassName).toBe('meta');
      expect(sts.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('30Gi');
    }
  });

  test('one PDB over all brokers with maxUnavailable 1', () => {
    const { objects } = synth({ brokers: { replicas: 6 } });
    const pdb = find(objects, 'PodDisruptionBudget', 'kafka-broker');
    expect(pdb.spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/instance': 'kafka', 'app.kubernetes.io/component': 'broker' } } });
    // The selector covers every broker pod of every zone.
    for (const sts of brokerStatefulSets(objects)) {
      expect(sts.spec.template.metadata.labels).toMatchObject(pdb.spec.selector.matchLabels);
    }
  });

  test('termination grace period is long enough for controlled shutdown', () => {
    const { objects } = synth();
    for (const sts of brokerStatefulSets(objects)) expect(sts.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(120);
    for (const sts of controllerStatefulSets(objects)) expect(sts.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(120);
  });
});

describe('KRaft controller quorum', () => {
  test.each([3, 5])('%i controllers spread round-robin, one StatefulSet per zone, ids 0..n-1', (n) => {
    const { objects, cluster } = synth({ controllers: { replicas: n } });
    const sets = controllerStatefulSets(objects);
    const perZone = ZONES.map((_z, zi) => Math.floor(n / 3) + (zi < n % 3 ? 1 : 0));
    expect(sets.map(s => s.spec.replicas)).toEqual(perZone);
    const voters = cluster.controllerQuorumVoters.split(',');
    expect(voters.map(v => v.split('@')[0])).toEqual(Array.from({ length: n }, (_v, i) => String(i)));
    for (const v of voters) {
      const [id, hostPort] = v.split('@');
      const [pod] = hostPort.split('.');
      const zi = Number(id) % 3;
      const ordinal = Math.floor(Number(id) / 3);
      expect(pod).toBe(`kafka-controller-${zi}-${ordinal}`);
      expect(hostPort.endsWith('.kafka-controller-headless.kafka.svc.cluster.local:9093')).toBe(true);
    }
    for (const sts of sets) {
      expect(envOf(sts.spec.template.spec.containers[0]).KP_CONTROLLER_QUORUM_VOTERS).toBe(cluster.controllerQuorumVoters);
      expect(sts.spec.serviceName).toBe('kafka-controller-headless');
    }
    const pdb = find(objects, 'PodDisruptionBudget', 'kafka-controller');
    expect(pdb.spec.minAvailable).toBe(Math.floor(n / 2) + 1);
  });

  test('headless Services publish not-ready pods so the quorum can form', () => {
    const { objects } = synth();
    expect(find(objects, 'Service', 'kafka-controller-headless').spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
    expect(find(objects, 'Service', 'kafka-broker-headless').spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
  });

  test('every Kafka pod gets the same deterministic KRaft cluster id (22-char base64url UUID)', () => {
    const { objects, cluster } = synth();
    expect(cluster.kraftClusterId).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    expect(Buffer.from(cluster.kraftClusterId!, 'base64url')).toHaveLength(16);
    const ids = new Set(all(objects, 'StatefulSet').map(s => envOf(s.spec.template.spec.containers[0]).KP_CLUSTER_ID));
    expect([...ids]).toEqual([cluster.kraftClusterId]);
    expect(synth({ clusterName: 'other' }).cluster.kraftClusterId).not.toBe(cluster.kraftClusterId);
  });
});

describe('ZooKeeper mode', () => {
  const { objects, cluster } = synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER, zookeeper: { replicas: 5 } });

  test('an odd ensemble with its own StatefulSet, headless Service and quorum PDB', () => {
    const sts = find(objects, 'StatefulSet', 'kafka-zookeeper');
    expect(sts.spec.replicas).toBe(5);
    expect(sts.spec.serviceName).toBe('kafka-zookeeper-headless');
    expect(sts.spec.template.spec.containers[0].image).toBe('zookeeper:3.8.4');
    expect(sts.spec.template.spec.topologySpreadConstraints[0]).toMatchObject({ topologyKey: 'topology.kubernetes.io/zone', maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' });
    expect(find(objects, 'Service', 'kafka-zookeeper-headless').spec.clusterIP).toBe('None');
    expect(find(objects, 'PodDisruptionBudget', 'kafka-zookeeper').spec.minAvailable).toBe(3);
    expect(controllerStatefulSets(objects)).toHaveLength(0);
  });

  test('brokers run Kafka 3.9 with zookeeper.connect to every ZooKeeper server', () => {
    for (const s of brokerStatefulSets(objects)) {
      const c = s.spec.template.spec.containers[0];
      expect(c.image).toBe('apache/kafka:3.9.1');
      expect(envOf(c).KP_ZOOKEEPER_CONNECT).toBe(cluster.zookeeperConnect);
    }
    expect(cluster.zookeeperConnect.split(',')).toHaveLength(5);
    expect(cluster.metadataQuorumSelector['app.kubernetes.io/component']).toBe('zookeeper');
  });
});

describe('images', () => {
  test('pinned defaults, never latest', () => {
    const { objects } = synth();
    const images = all(objects, 'StatefulSet').flatMap(s => [...s.spec.template.spec.containers, ...(s.spec.template.spec.initContainers ?? [])].map((c: any) => c.image));
    expect(new Set(images)).toEqual(new Set(['apache/kafka:4.1.1', 'curlimages/curl:8.11.1']));
    const jobImages = all(objects, 'Job').map(j => j.spec.template.spec.containers[0].image);
    expect(new Set(jobImages)).toEqual(new Set(['apache/kafka:4.1.1', 'alpine/k8s:1.33.5']));
  });

  test('image override', () => {
    const { objects } = synth({ image: 'registry.example.com/kafka:4.1.1-patched' });
    expect(brokerStatefulSets(objects)[0].spec.template.spec.containers[0].image).toBe('registry.example.com/kafka:4.1.1-patched');
  });
});
