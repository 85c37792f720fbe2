import * as fs from 'fs';
import * as path from 'path';
import { K8sObject } from '../harness/k8s';
import { KafkaHome } from '../harness/kafka-home';

/** The negative control's roll Job: the same Job with a KAFKA_HOME whose kafka-topics.sh never reports a partition at or under min ISR. */
/** Where the roll Job of the negative control finds its Kafka tools: a container path the harness maps to `brokenHome`. */
export const NO_ISR_CHECK_HOME = '/opt/roll-no-isr-check-kafka';

/**
 * A Kafka home whose kafka-topics.sh never reports a partition at or under min
 * ISR. It is reached through a container path (NO_ISR_CHECK_HOME) like every
 * path a Job sees: a host path in the Job's env would itself be rewritten
 * (e.g. a checkout under /tmp meets the Job's /tmp volume).
 */
export function writeNoIsrCheckHome(home: KafkaHome, dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
  for (const f of fs.readdirSync(home.bin)) {
    fs.writeFileSync(path.join(dir, 'bin', f), `#!/usr/bin/env bash\nexec ${path.join(home.bin, f)} "$@"\n`, { mode: 0o755 });
  }
  fs.writeFileSync(path.join(dir, 'bin', 'kafka-topics.sh'), `#!/usr/bin/env bash
case " $* " in *" --at-min-isr-partitions "* | *" --under-min-isr-partitions "*) exit 0 ;; esac
exec ${home.tool('kafka-topics.sh')} "$@"
`, { mode: 0o755 });
  return dir;
}

export function withoutIsrCheck(rollJob: K8sObject): K8sObject {
  const copy = JSON.parse(JSON.stringify(rollJob));
  const container = copy.spec.template.spec.containers[0];
  container.env = container.env.map((e: { name: string }) => (e.name === 'KAFKA_HOME' ? { name: 'KAFKA_HOME', value: NO_ISR_CHECK_HOME } : e));
  return copy;
}

