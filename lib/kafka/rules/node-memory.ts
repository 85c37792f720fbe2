import { ZOOKEEPER_MINIMUM_MEMORY_MEBIBYTES } from '../model/resolve-spec';
import { Finding, inputFinding, KafkaInputRule } from './rule';

/** Below these sizes a Kafka or ZooKeeper JVM does not start or thrashes; unparsable memory is reported by resource-quantities. */
export const nodeMemoryRule: KafkaInputRule = ({ spec }) => {
  const findings: Finding[] = [];
  for (const pool of [spec.brokers, spec.controllers]) {
    if (!pool || Number.isNaN(pool.resources.memoryBytes)) continue;
    if (!(pool.resources.memoryBytes >= pool.minimumMemoryMebibytes * 2 ** 20)) {
      findings.push(inputFinding('node-memory', `${pool.role}s.resources.memory`, `${pool.resources.memory} is too little for a Kafka ${pool.role}`, `use at least ${pool.minimumMemoryMebibytes}Mi`));
    }
  }
  const zk = spec.zookeeper;
  if (zk && !Number.isNaN(zk.resources.memoryBytes) && !(zk.resources.memoryBytes >= ZOOKEEPER_MINIMUM_MEMORY_MEBIBYTES * 2 ** 20)) {
    findings.push(inputFinding('node-memory', 'zookeeper.resources.memory', `${zk.resources.memory} is too little for ZooKeeper`, `use at least ${ZOOKEEPER_MINIMUM_MEMORY_MEBIBYTES}Mi`));
  }
  return findings;
};
