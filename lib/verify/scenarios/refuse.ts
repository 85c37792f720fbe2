import * as path from 'path';
import { readProducerReport } from '../harness/kafka-tools';
import { atMost, terminate, waitFor } from '../harness/processes';
import { restoreAll, waitFullyReplicated } from './cluster-ops';
import { check, Figures, ScenarioContext, VerifyScenario } from './scenario';

const NOT_ENOUGH_REPLICAS = 'org.apache.kafka.common.errors.NotEnoughReplicasException';
const WRITES = 60;

/**
 * `refuse`: with the brokers of every zone but one killed, acks=all writes to
 * a topic with the cluster's defaults must be refused (NOT_ENOUGH_REPLICAS),
 * not acknowledged by the one surviving replica. A configuration with min ISR
 * 1 acknowledges them, and fails here.
 */
export const REFUSE: VerifyScenario = {
  name: 'refuse',
  summary: 'two zones\' brokers down: acks=all writes are refused (NOT_ENOUGH_REPLICAS), none acknowledged',
  appliesTo: () => true,
  async run({ platform: p, verifyTopic, progress }: ScenarioContext, figures: Figures): Promise<void> {
    const firstZone = p.brokers[0].zone ?? p.brokers[0].name;
    const survivors = p.brokers.filter((b) => (b.zone ?? b.name) === firstZone);
    const down = p.brokers.filter((b) => !survivors.includes(b));
    check(down.length > 0, 'the configuration has brokers in one zone only: nothing to take down');
    const alive = new Set(survivors.map((b) => p.idOf(b)));
    try {
      await Promise.all(down.map((b) => p.local.kill(b)));
      progress.info(`  killed ${down.map((b) => b.name).join(', ')}; only zone ${firstZone} is left`);
      await waitFor('the surviving zone to lead every partition', async () => (await p.tools.describeTopic(verifyTopic)).partitions
        .every((x) => alive.has(x.leader)), 60_000, 500);
      // No retries: each send reports the broker's answer instead of retrying until the delivery timeout.
      const config = p.tools.configWith('refuse-producer', { 'retries': '0', 'enable.idempotence': 'false', 'delivery.timeout.ms': '30000', 'request.timeout.ms': '10000', 'linger.ms': '0' });
      const outFile = path.join(p.local.root, 'tools', 'refuse-producer.jsonl');
      const producer = p.tools.startVerifiableProducer(verifyTopic, { maxMessages: WRITES, throughput: WRITES, acks: '-1', config, valuePrefix: 3, outFile });
      await atMost(producer.exited, 90_000);
      await terminate(producer, 5000);
      const res = readProducerReport(outFile);
      figures.attempted = WRITES;
      figures.acknowledged = res.acked.length;
      figures.refused = res.errors.get(NOT_ENOUGH_REPLICAS) ?? 0;
      figures.otherErrors = [...res.errors.entries()].filter(([k]) => k !== NOT_ENOUGH_REPLICAS).map(([k, v]) => `${k.split('.').pop()}:${v}`).join(',') || 'none';
      check(res.acked.length === 0, `${res.acked.length} of ${WRITES} acks=all writes were acknowledged with only one zone's brokers up: `
        + 'an acknowledged write lives on one replica and is lost with it (raise min.insync.replicas to 2 or more)');
      check(figures.refused > 0, `no write was refused with NOT_ENOUGH_REPLICAS (errors: ${figures.otherErrors})`);
    } finally {
      progress.info('  restarting the stopped brokers');
      await restoreAll(p);
      await waitFullyReplicated(p, verifyTopic);
    }
  },
};
