import * as net from 'net';
import { podTemplate } from '../harness/k8s-objects';
import { LocalPlatform } from '../run/local-platform';
import { check, Figures, ScenarioContext, VerifyScenario } from './scenario';

/** ZooKeeper's `srvr` four-letter word: the server's mode (leader, follower, standalone). */
function zookeeperMode(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ port, host: '127.0.0.1' }, () => sock.write('srvr'));
    let buf = '';
    sock.setTimeout(10_000, () => sock.destroy(new Error(`no srvr answer on 127.0.0.1:${port}`)));
    sock.on('data', (d) => { buf += d.toString(); });
    sock.on('end', () => resolve(/Mode: (\w+)/.exec(buf)?.[1] ?? 'unknown'));
    sock.on('error', reject);
  });
}

async function checkQuorum(p: LocalPlatform, figures: Figures): Promise<void> {
  if (p.facts.mode === 'kraft') {
    const status = await p.tools.quorumStatus();
    const ids = p.quorum.map((c) => p.idOf(c)).sort((a, b) => a - b);
    check(ids.includes(status.leaderId), `the quorum leader ${status.leaderId} is not one of the controllers ${ids.join(',')}`);
    const voters = [...status.voters].sort((a, b) => a - b);
    check(voters.join(',') === ids.join(','), `the voters are ${voters.join(',')}, not the synthesized controllers ${ids.join(',')}`);
    figures.quorumLeader = status.leaderId;
    figures.voters = voters.length;
    return;
  }
  const ports: Array<{ name?: string; containerPort: number }> = podTemplate(p.facts.zookeeperSets[0]).spec.containers[0].ports ?? [];
  const clientPort = ports.find((x) => x.name === 'client')?.containerPort ?? 2181;
  const modes = await Promise.all(p.quorum.map((z) => zookeeperMode(p.local.port(z, clientPort))));
  check(modes.filter((m) => m === 'leader').length === 1 && modes.filter((m) => m === 'follower').length === modes.length - 1,
    `the ZooKeeper ensemble is ${modes.join(',')}, not one leader and ${modes.length - 1} followers`);
  figures.ensemble = modes.join(',');
}

/**
 * `form`: the quorum has the synthesized voters (or the ZooKeeper ensemble
 * one leader), every broker registered on its zone's rack, and every declared
 * topic exists with its declared partitions, replication factor and configs,
 * its replicas on as many racks as it has replicas (up to the zone count).
 * A topic created with no overrides gets the cluster's min ISR.
 */
export const FORM: VerifyScenario = {
  name: 'form',
  summary: 'quorum, brokers on their racks, declared topics with their RF, min ISR and rack spread',
  needsAdminJobs: true,
  appliesTo: () => true,
  async run({ platform: p, verifyTopic }: ScenarioContext, figures: Figures): Promise<void> {
    await checkQuorum(p, figures);

    const racks = await p.tools.brokerRacks();
    const rackOf = new Map(p.brokers.map((b) => [p.idOf(b), b.zone]));
    const ids = [...rackOf.keys()].sort((a, b) => a - b);
    check([...racks.keys()].sort((a, b) => a - b).join(',') === ids.join(','), `registered brokers ${[...racks.keys()].join(',')} are not the synthesized ${ids.join(',')}`);
    for (const [id, zone] of rackOf) check(!!zone && racks.get(id) === zone, `broker ${id} registered rack ${racks.get(id)}, not its zone ${zone}`);
    const zones = new Set(rackOf.values()).size;
    figures.brokers = ids.length;
    figures.racks = zones;

    const all = await p.tools.describeAllTopics();
    for (const t of p.facts.topics) {
      const d = all.get(t.name);
      check(!!d, `declared topic ${t.name} does not exist after the topics Job`);
      check(d.partitionCount === t.partitions, `${t.name}: ${d.partitionCount} partitions, declared ${t.partitions}`);
      check(d.replicationFactor === t.replicationFactor, `${t.name}: replication factor ${d.replicationFactor}, declared ${t.replicationFactor}`);
      for (const [k, v] of Object.entries(t.configs)) check(d.configs[k] === v, `${t.name}: ${k}=${d.configs[k] ?? '(cluster default)'}, declared ${v}`);
      const spread = Math.min(t.replicationFactor, zones);
      for (const part of d.partitions) {
        const used = new Set(part.replicas.map((r) => rackOf.get(r))).size;
        check(used >= spread, `${t.name}-${part.partition}: replicas ${part.replicas.join(',')} on ${used} racks, not ${spread}`);
      }
    }
    figures.declaredTopics = p.facts.topics.length;

    const effective = await p.tools.topicConfig(verifyTopic);
    const minIsr = Number(effective['min.insync.replicas']);
    check(minIsr === p.facts.minInsyncReplicas,
      `a topic with no overrides runs with min.insync.replicas=${minIsr}, but the brokers' server.properties say ${p.facts.minInsyncReplicas}`);
    const rf = all.get(verifyTopic)?.replicationFactor ?? 0;
    check(rf === p.facts.defaultReplicationFactor, `a topic with no overrides got replication factor ${rf}, not default.replication.factor=${p.facts.defaultReplicationFactor}`);
    figures.defaultRf = rf;
    figures.defaultMinIsr = minIsr;
  },
};
