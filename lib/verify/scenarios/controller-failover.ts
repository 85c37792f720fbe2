import { parseExposition, scrape } from '../harness/kafka-pods';
import { waitFor } from '../harness/processes';
import { seconds } from '../run/progress';
import { restoreAll } from './cluster-ops';
import { check, Figures, ScenarioContext, VerifyScenario } from './scenario';

/**
 * `controller-failover` (KRaft): the active controller is killed with
 * SIGKILL; the survivors must agree on a new leader (read from their own
 * `current-leader` metric, polled every 100 ms), and the cluster must still
 * create a topic with the default replication factor afterwards.
 */
export const CONTROLLER_FAILOVER: VerifyScenario = {
  name: 'controller-failover',
  summary: 'kill -9 of the active KRaft controller: a new leader is elected and topics can still be created',
  appliesTo: (facts) => facts.mode === 'kraft',
  async run({ platform: p, progress }: ScenarioContext, figures: Figures): Promise<void> {
    const before = await p.tools.quorumStatus();
    const active = p.quorum.find((c) => p.idOf(c) === before.leaderId);
    check(!!active, `the quorum leader ${before.leaderId} is not one of the synthesized controllers`);
    const others = p.quorum.filter((c) => c !== active);
    const tKill = Date.now();
    try {
      await p.local.kill(active);
      progress.info(`  killed the active controller ${active.name} (node ${before.leaderId})`);
      const newLeader = await waitFor('the surviving controllers to agree on a new leader', async () => {
        const leaders = await Promise.all(others.map(async (c) => parseExposition(await scrape(p.local, c, p.facts.metricsPort, p.facts.metricsPath))
          .find((s) => s.name === 'kafka_server_raft_metrics_current_leader')?.value));
        return leaders.every((l) => l !== undefined && l >= 0 && l !== before.leaderId && l === leaders[0]) ? { id: leaders[0]! } : undefined;
      }, 60_000, 100);
      figures.electionS = Number(seconds(Date.now() - tKill));
      figures.oldLeader = before.leaderId;
      figures.newLeader = newLeader.id;
      const after = await p.tools.quorumStatus();
      check(after.leaderId === newLeader.id, `the brokers see leader ${after.leaderId}, the controllers ${newLeader.id}`);
      check(after.leaderEpoch > before.leaderEpoch, `the leader epoch did not advance (${before.leaderEpoch} -> ${after.leaderEpoch})`);
      const topic = 'kafka-platform-verify-after-failover';
      await p.tools.createTopicWithDefaults(topic, 3);
      const d = await p.tools.describeTopic(topic);
      check(d.replicationFactor === p.facts.defaultReplicationFactor, `the topic created after the failover has RF ${d.replicationFactor}, not ${p.facts.defaultReplicationFactor}`);
      check(d.partitions.every((x) => x.leader >= 0), 'the topic created after the failover has partitions without a leader');
      figures.topicCreatedAfterS = Number(seconds(Date.now() - tKill));
    } finally {
      await restoreAll(p);
    }
  },
};
