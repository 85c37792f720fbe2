import * as fs from 'fs';
import * as path from 'path';
import { readProducerReport } from '../harness/kafka-tools';
import { LocalPod } from '../harness/local-cluster';
import { atMost, terminate, waitFor } from '../harness/processes';
import { waitReady } from '../harness/kafka-pods';
import { seconds } from '../run/progress';
import { consumedValues, waitFullyReplicated } from './cluster-ops';
import { check, Figures, ScenarioContext, VerifyScenario } from './scenario';

const MESSAGES = 6000;
const RATE = 300;
const VALUE_PREFIX = 2;

/** The brokers of the second zone (by the order the StatefulSets were synthesized in): the zone that goes down. */
export function zoneToLose(brokers: LocalPod[]): { zone: string; pods: LocalPod[] } {
  const zones = [...new Set(brokers.map((b) => b.zone ?? b.name))];
  const zone = zones[Math.min(1, zones.length - 1)];
  return { zone, pods: brokers.filter((b) => (b.zone ?? b.name) === zone) };
}

/**
 * `zone-loss`: an acks=all producer writes to a topic with the cluster's
 * defaults; after 1,000 acknowledgements every broker of one zone is killed
 * with SIGKILL (no shutdown, as when a zone's power goes). Production goes on
 * on the other zones; the zone comes back and catches up. Every acknowledged
 * message must then be consumed: acknowledged == consumed, 0 missing.
 */
export const ZONE_LOSS: VerifyScenario = {
  name: 'zone-loss',
  summary: 'acks=all producer, kill -9 of one zone\'s brokers, restart; every acknowledged message is consumed',
  appliesTo: () => true,
  async run({ platform: p, verifyTopic, progress }: ScenarioContext, figures: Figures): Promise<void> {
    const outFile = path.join(p.local.root, 'tools', 'zone-loss-producer.jsonl');
    const config = p.tools.configWith('zone-loss-producer', { 'delivery.timeout.ms': '120000', 'request.timeout.ms': '15000', 'linger.ms': '5' });
    const producer = p.tools.startVerifiableProducer(verifyTopic, { maxMessages: MESSAGES, throughput: RATE, acks: '-1', config, valuePrefix: VALUE_PREFIX, outFile });
    const acked = () => readProducerReport(outFile).acked.length;
    const { zone, pods } = zoneToLose(p.brokers);
    const lost = new Set(pods.map((b) => p.idOf(b)));
    try {
      await waitFor('1000 acknowledged messages', () => {
        if (producer.hasExited()) throw new Error(`the producer exited early:\n${fs.readFileSync(outFile, 'utf8').slice(-2000)}`);
        return acked() >= 1000;
      }, 90_000, 250);
      const ackedAtKill = acked();
      const tKill = Date.now();
      await Promise.all(pods.map((b) => p.local.kill(b)));
      progress.info(`  killed ${pods.map((b) => b.name).join(', ')} (zone ${zone}) with SIGKILL after ${ackedAtKill} acknowledgements`);
      await waitFor('no partition led by a broker of the lost zone', async () => (await p.tools.describeTopic(verifyTopic)).partitions
        .every((x) => x.leader >= 0 && !lost.has(x.leader)), 60_000, 500);
      figures.leadersMovedS = Number(seconds(Date.now() - tKill));
      await waitFor('500 more acknowledgements with the zone down', () => acked() >= ackedAtKill + 500, 90_000, 250);
      figures.ackedWhileZoneDown = acked() - ackedAtKill;
      progress.info(`  leaders moved in ${figures.leadersMovedS} s; ${figures.ackedWhileZoneDown} acknowledged with the zone down; restarting it`);
      await Promise.all(pods.map((b) => p.local.start(b)));
      await Promise.all(pods.map((b) => waitReady(p.local, b)));
      figures.restartedReadyS = Number(seconds(Date.now() - tKill));
      await waitFullyReplicated(p, verifyTopic);
      figures.catchUpS = Number(seconds(Date.now() - tKill));
      progress.info(`  zone ${zone} caught up ${figures.catchUpS} s after the kill; waiting for the producer to finish`);
      await atMost(producer.exited, 120_000);
    } finally {
      await terminate(producer, 10_000);
    }
    const produced = readProducerReport(outFile);
    const consumed = await consumedValues(p, verifyTopic, VALUE_PREFIX);
    const missing = produced.acked.filter((v) => !consumed.has(v));
    figures.acknowledged = produced.acked.length;
    figures.consumed = produced.acked.length - missing.length;
    figures.missing = missing.length;
    figures.sendErrors = [...produced.errors.values()].reduce((a, b) => a + b, 0);
    check(produced.acked.length >= 1500, `only ${produced.acked.length} messages were acknowledged; the cluster did not keep serving with one zone down`);
    check(missing.length === 0, `${missing.length} of ${produced.acked.length} acknowledged messages are missing (first: ${missing.slice(0, 5).join(', ')})`);
  },
};
