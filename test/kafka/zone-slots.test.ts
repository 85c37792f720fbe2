import { KafkaPlatformValidationError } from '../../lib/errors';
import { KafkaClusterProps, KafkaMetadataMode, resolveKafkaClusterSpec, synthWarnings } from '../../lib/kafka';
import { brokerStatefulSets, controllerStatefulSets, envOf, find, synth } from './helpers';

/** What identifies a Kafka pod set: name, selector, zone pinning, node-ID env and volume claim. */
function identity(sts: any): Record<string, unknown> {
  const pod = sts.spec.template.spec;
  const env = envOf(pod.containers[0]);
  return {
    name: sts.metadata.name,
    selector: sts.spec.selector.matchLabels,
    zone: pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values,
    rack: env.KP_RACK,
    offset: env.KP_NODE_ID_OFFSET,
    stride: env.KP_NODE_ID_STRIDE,
    replicas: sts.spec.replicas,
    claim: sts.spec.volumeClaimTemplates[0].metadata.name,
  };
}

function refusal(props: Partial<KafkaClusterProps>): KafkaPlatformValidationError {
  try {
    synth(props);
  } catch (e) {
    if (e instanceof KafkaPlatformValidationError) return e;
    throw e;
  }
  throw new Error(`synth accepted ${JSON.stringify(props)}`);
}

describe('stable zone slots', () => {
  const before = synth({ zones: ['zone-a', 'zone-b', 'zone-c'], brokers: { replicas: 6 } });

  test('a zone inserted at the front of the list changes no existing broker name or node ID', () => {
    const after = synth({ zones: ['zone-d', 'zone-a', 'zone-b', 'zone-c'], zoneSlots: { 'zone-d': 3 }, brokers: { replicas: 8 } });
    const old = brokerStatefulSets(before.objects).map(identity);
    const now = brokerStatefulSets(after.objects).map(identity);
    for (const sts of old) expect(now).toContainEqual(sts);
    expect(now.find(s => s.name === 'kafka-broker-3')).toEqual({
      name: 'kafka-broker-3', selector: { 'app.kubernetes.io/instance': 'kafka', 'app.kubernetes.io/component': 'broker', 'kafka-platform.io/zone-index': '3' },
      zone: ['zone-d'], rack: 'zone-d', offset: '1300', stride: '1', replicas: 2, claim: 'data',
    });
    expect(before.cluster.brokerNodeIds).toEqual([1000, 1001, 1100, 1101, 1200, 1201]);
    expect(after.cluster.brokerNodeIds).toEqual([1000, 1001, 1100, 1101, 1200, 1201, 1300, 1301]);
    // The controllers and the static quorum do not move: the new zone hosts none.
    expect(after.cluster.controllerQuorumVoters).toBe(before.cluster.controllerQuorumVoters);
    expect(controllerStatefulSets(after.objects).map(identity)).toEqual(controllerStatefulSets(before.objects).map(identity));
    // Inserted at the front with its slot is the same cluster as appended at the end.
    expect(after.objects).toEqual(synth({ zones: ['zone-a', 'zone-b', 'zone-c', 'zone-d'], brokers: { replicas: 8 } }).objects);
  });

  test('reordering zones that all have slots changes no object at all', () => {
    const reordered = synth({ zones: ['zone-c', 'zone-a', 'zone-b'], zoneSlots: { 'zone-a': 0, 'zone-b': 1, 'zone-c': 2 }, brokers: { replicas: 6 } });
    expect(reordered.objects).toEqual(before.objects);
  });

  test('without zoneSlots the slot is the position, as before slots existed; unpinned zones fill the free slots in list order', () => {
    const spec = resolveKafkaClusterSpec({ zones: ['x', 'y', 'z', 'w'], zoneSlots: { w: 0 } });
    expect(spec.zoneSlots.map(z => [z.zone, z.slot])).toEqual([['w', 0], ['x', 1], ['y', 2], ['z', 3]]);
    expect(resolveKafkaClusterSpec({ zones: ['x', 'y', 'z'] }).brokers.zonePools.map(p => [p.zone, p.slot, p.statefulSetName])).toEqual([
      ['x', 0, 'kafka-broker-0'], ['y', 1, 'kafka-broker-1'], ['z', 2, 'kafka-broker-2'],
    ]);
  });

  test('synth refuses duplicate slots, slots outside the node-ID scheme and a slot left empty', () => {
    expect(refusal({ zones: ['zone-a', 'zone-b', 'zone-c'], zoneSlots: { 'zone-a': 1, 'zone-b': 1 } }).message).toMatch(/zoneSlots.*zone-a and zone-b share slot 1/);
    const high = refusal({ zones: ['zone-a', 'zone-b', 'zone-c'], zoneSlots: { 'zone-c': 64 } });
    expect(high.prop).toBe('zoneSlots["zone-c"]');
    expect(high.message).toMatch(/outside 0\.\.63/);
    expect(refusal({ zones: ['zone-a', 'zone-b', 'zone-c'], zoneSlots: { 'zone-c': -1 } }).prop).toBe('zoneSlots["zone-c"]');
    expect(refusal({ zones: ['zone-a', 'zone-b', 'zone-c'], zoneSlots: { 'zone-c': 2.5 } }).message).toMatch(/2\.5/);
    // zone-b (slot 1) removed from the list without a drain: its brokers would go with their replicas.
    const gap = refusal({ zones: ['zone-a', 'zone-c'], zoneSlots: { 'zone-c': 2 }, brokers: { replicas: 4 } });
    expect(gap.message).toMatch(/slot\(s\) 1 have no zone/);
    expect(gap.message).toMatch(/retiredZones/);
  });

  test('synth refuses removing a zone that keeps its zoneSlots entry, unless it is retired', () => {
    const removed = refusal({ zones: ['zone-a', 'zone-b', 'zone-c'], zoneSlots: { 'zone-d': 3 } });
    expect(removed.prop).toBe('zoneSlots["zone-d"]');
    expect(removed.fix).toMatch(/add it to retiredZones/);
    expect(() => synth({ zones: ['zone-a', 'zone-b', 'zone-c'], zoneSlots: { 'zone-d': 3 }, retiredZones: ['zone-d'] })).not.toThrow();
    expect(refusal({ zones: ['zone-a', 'zone-b', 'zone-c'], retiredZones: ['zone-d'] }).prop).toBe('retiredZones["zone-d"]');
  });
});

describe('retired zones', () => {
  const props: Partial<KafkaClusterProps> = { zones: ['zone-a', 'zone-b', 'zone-c', 'zone-d'], retiredZones: ['zone-d'], brokers: { replicas: 6 } };

  test('a retired zone keeps its broker StatefulSet at 0 replicas, names its node IDs for the drain, and hosts nothing else', () => {
    const { objects, cluster } = synth(props);
    const retired = find(objects, 'StatefulSet', 'kafka-broker-3');
    expect(retired.spec.replicas).toBe(0);
    expect(identity(retired).zone).toEqual(['zone-d']);
    expect(identity(retired).offset).toBe('1300');
    expect(brokerStatefulSets(objects).map(s => [s.metadata.name, s.spec.replicas])).toEqual([
      ['kafka-broker-0', 2], ['kafka-broker-1', 2], ['kafka-broker-2', 2], ['kafka-broker-3', 0],
    ]);
    expect(controllerStatefulSets(objects).map(s => s.metadata.name)).toEqual(['kafka-controller-0', 'kafka-controller-1', 'kafka-controller-2']);
    expect(cluster.brokerNodeIds).toEqual([1000, 1001, 1100, 1101, 1200, 1201]);
    expect(cluster.zones).toEqual(['zone-a', 'zone-b', 'zone-c']);
    expect(cluster.spec.retiredZones).toEqual([{ zone: 'zone-d', slot: 3, brokerStatefulSetName: 'kafka-broker-3', brokerNodeIdRange: { first: 1300, last: 1399 } }]);
    // The retired zone's pods run nowhere: the roll never waits for them.
    const roll = objects.find(o => o.kind === 'Job' && o.metadata.name.startsWith('kafka-roll-'));
    expect(envOf(roll.spec.template.spec.containers[0]).KP_ROLL_BROKERS).not.toMatch(/broker-3/);
  });

  test('once the zone has left zones, the same objects come out as long as it stays retired', () => {
    const gone = synth({ ...props, zones: ['zone-a', 'zone-b', 'zone-c'], zoneSlots: { 'zone-d': 3 } });
    expect(gone.objects).toEqual(synth(props).objects);
  });

  test('retiring a zone that hosts KRaft controllers is refused: the static quorum cannot lose voters by a prop change', () => {
    const e = refusal({ zones: ['zone-a', 'zone-b', 'zone-c', 'zone-d'], retiredZones: ['zone-a'], brokers: { replicas: 6 } });
    expect(e.prop).toBe('retiredZones');
    expect(e.message).toMatch(/zone-a host KRaft controllers/);
  });

  test('the HA rules count active zones only', () => {
    expect(refusal({ zones: ['zone-a', 'zone-b', 'zone-c'], retiredZones: ['zone-c'], controllers: { zones: ['zone-a', 'zone-b'] } }).message).toMatch(/2 zone\(s\) cannot survive/);
    expect(refusal({ ...props, brokers: { replicas: 8 } }).message).toMatch(/8 brokers cannot be spread evenly over 3 zones/);
  });

  test('ZooKeeper mode retires a zone the same way', () => {
    const { objects } = synth({ ...props, metadataMode: KafkaMetadataMode.ZOOKEEPER });
    expect(find(objects, 'StatefulSet', 'kafka-broker-3').spec.replicas).toBe(0);
  });
});

describe('controller zones', () => {
  test('with one controller per zone, adding a zone anywhere keeps every voter', () => {
    const three = synth({ zones: ['zone-a', 'zone-b', 'zone-c'] }).cluster.controllerQuorumVoters;
    expect(three).toBe([0, 1, 2].map(i => `${i}@kafka-controller-${i}-0.kafka-controller-headless.kafka.svc.cluster.local:9093`).join(','));
    const four = synth({ zones: ['zone-x', 'zone-a', 'zone-b', 'zone-c'], zoneSlots: { 'zone-x': 3 }, brokers: { replicas: 4 } });
    expect(four.cluster.controllerQuorumVoters).toBe(three);
  });

  test('more controllers than zones: synth warns until controllers.zones pins them; pinned, a new zone keeps the quorum', () => {
    const unpinned = synth({ zones: ['zone-a', 'zone-b', 'zone-c'], controllers: { replicas: 5 } });
    expect(synthWarnings(unpinned.chart).map(w => w.message).join('\n')).toMatch(/controllers\.zones: 5 controllers over 3 zone\(s\).*pin them: controllers: \{ zones: \["zone-a","zone-b","zone-c"\] \}/);
    const pinned = synth({ zones: ['zone-a', 'zone-b', 'zone-c'], controllers: { replicas: 5, zones: ['zone-a', 'zone-b', 'zone-c'] } });
    expect(pinned.objects).toEqual(unpinned.objects);
    expect(synthWarnings(pinned.chart)).toEqual([]);
    const grown = synth({ zones: ['zone-a', 'zone-b', 'zone-c', 'zone-d'], brokers: { replicas: 4 }, controllers: { replicas: 5, zones: ['zone-a', 'zone-b', 'zone-c'] } });
    expect(grown.cluster.controllerQuorumVoters).toBe(unpinned.cluster.controllerQuorumVoters);
    expect(controllerStatefulSets(grown.objects).map(identity)).toEqual(controllerStatefulSets(unpinned.objects).map(identity));
    // Unpinned, the same change would renumber voters: the warning was right.
    const moved = synth({ zones: ['zone-a', 'zone-b', 'zone-c', 'zone-d'], brokers: { replicas: 4 }, controllers: { replicas: 5 } });
    expect(moved.cluster.controllerQuorumVoters).not.toBe(unpinned.cluster.controllerQuorumVoters);
  });

  test('controllers.zones must name distinct zones of zones', () => {
    expect(refusal({ controllers: { zones: ['zone-a', 'zone-q'] } }).message).toMatch(/controllers\.zones: zone-q not in zones/);
    expect(refusal({ controllers: { zones: ['zone-a', 'zone-a', 'zone-b'] } }).message).toMatch(/zones repeat \(zone-a\)/);
    expect(refusal({ controllers: { zones: [] } }).prop).toBe('controllers.zones');
  });
});

describe('ZooKeeper mode', () => {
  test('a zone inserted at the front is appended to the ensemble\'s zone affinity, like a zone added at the end', () => {
    const zk = { metadataMode: KafkaMetadataMode.ZOOKEEPER, brokers: { replicas: 4 } };
    const zones = (objects: any[]) => find(objects, 'StatefulSet', 'kafka-zookeeper').spec.template.spec.affinity.nodeAffinity
      .requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values;
    const appended = synth({ ...zk, zones: ['zone-a', 'zone-b', 'zone-c', 'zone-d'] }).objects;
    const inserted = synth({ ...zk, zones: ['zone-d', 'zone-a', 'zone-b', 'zone-c'], zoneSlots: { 'zone-d': 3 } }).objects;
    expect(zones(inserted)).toEqual(['zone-a', 'zone-b', 'zone-c', 'zone-d']);
    expect(inserted).toEqual(appended);
  });
});

describe('every zone pinned', () => {
  test('a new zone without an entry, inserted anywhere, takes the next free slot and renames nothing', () => {
    const pinned = { 'zone-a': 0, 'zone-b': 1, 'zone-c': 2 };
    const before = synth({ zones: ['zone-a', 'zone-b', 'zone-c'], zoneSlots: pinned, brokers: { replicas: 6 } });
    expect(before.objects).toEqual(synth({ zones: ['zone-a', 'zone-b', 'zone-c'], brokers: { replicas: 6 } }).objects);
    const after = synth({ zones: ['zone-a', 'zone-d', 'zone-b', 'zone-c'], zoneSlots: pinned, brokers: { replicas: 8 } });
    expect(after.cluster.spec.zoneSlots.map(z => [z.zone, z.slot])).toEqual([['zone-a', 0], ['zone-b', 1], ['zone-c', 2], ['zone-d', 3]]);
    for (const sts of brokerStatefulSets(before.objects).map(identity)) expect(brokerStatefulSets(after.objects).map(identity)).toContainEqual(sts);
  });
});
