import * as fs from 'fs';
import * as path from 'path';
import { jarsContainClass, ResolvedJars } from '../jars/resolve';

/**
 * The `bin/` scripts of a Kafka distribution that our generated scripts call,
 * mapped to the main class each one runs (as in Kafka's own bin/*.sh). A shim
 * is written only when its class exists in the jar set, so a script calling a
 * tool this Kafka version does not have fails with "No such file", as it
 * would in the image.
 */
const TOOL_CLASSES: Record<string, string[]> = {
  'kafka-server-start.sh': ['kafka.Kafka'],
  'kafka-storage.sh': ['kafka.tools.StorageTool'],
  'kafka-configs.sh': ['kafka.admin.ConfigCommand', 'org.apache.kafka.tools.ConfigCommand'],
  'kafka-topics.sh': ['org.apache.kafka.tools.TopicCommand', 'kafka.admin.TopicCommand'],
  'kafka-metadata-quorum.sh': ['org.apache.kafka.tools.MetadataQuorumCommand'],
  'kafka-cluster.sh': ['org.apache.kafka.tools.ClusterTool'],
  'kafka-features.sh': ['org.apache.kafka.tools.FeatureCommand'],
  'kafka-acls.sh': ['org.apache.kafka.tools.AclCommand', 'kafka.admin.AclCommand'],
  'kafka-broker-api-versions.sh': ['org.apache.kafka.tools.BrokerApiVersionsCommand', 'kafka.admin.BrokerApiVersionsCommand'],
  'kafka-console-producer.sh': ['org.apache.kafka.tools.ConsoleProducer', 'kafka.tools.ConsoleProducer'],
  'kafka-console-consumer.sh': ['org.apache.kafka.tools.consumer.ConsoleConsumer', 'kafka.tools.ConsoleConsumer'],
  'kafka-consumer-groups.sh': ['org.apache.kafka.tools.consumer.group.ConsumerGroupCommand'],
  'kafka-get-offsets.sh': ['org.apache.kafka.tools.GetOffsetShell'],
  'kafka-leader-election.sh': ['org.apache.kafka.tools.LeaderElectionCommand'],
  'kafka-reassign-partitions.sh': ['org.apache.kafka.tools.reassign.ReassignPartitionsCommand'],
  'kafka-verifiable-producer.sh': ['org.apache.kafka.tools.VerifiableProducer'],
  'kafka-producer-perf-test.sh': ['org.apache.kafka.tools.ProducerPerformance'],
  'kafka-verifiable-consumer.sh': ['org.apache.kafka.tools.VerifiableConsumer'],
  'kafka-log-dirs.sh': ['org.apache.kafka.tools.LogDirsCommand'],
  'kafka-metadata-shell.sh': ['org.apache.kafka.shell.MetadataShell'],
  'connect-distributed.sh': ['org.apache.kafka.connect.cli.ConnectDistributed'],
  'zookeeper-server-start.sh': ['org.apache.zookeeper.server.quorum.QuorumPeerMain'],
  'zookeeper-shell.sh': ['org.apache.zookeeper.ZooKeeperMainWithTlsSupportForKafka'],
};

/** Long-running servers get the server heap and log config; everything else is a short CLI tool. */
const SERVERS = new Set(['kafka-server-start.sh', 'connect-distributed.sh', 'zookeeper-server-start.sh']);

export interface KafkaHome {
  readonly dir: string;
  readonly bin: string;
  readonly jars: ResolvedJars;
  /** Directory with the tools under the names images put on PATH (no `.sh`); goes on the pods' PATH. */
  readonly imageBin: string;
  /** Absolute path of a shim, e.g. `tool('kafka-topics.sh')`. Throws when this Kafka version has no such tool. */
  tool(name: string): string;
}

export interface KafkaHomeOptions {
  /**
   * A class-data-sharing archive for the short-lived CLI tools (AppCDS): the
   * first tool run that finds none dumps the classes it loaded, later runs map
   * them and start about twice as fast, which is what a topics Job calling
   * three tools per topic spends most of its time on. Keep it next to the jars
   * (it is only valid for that exact classpath). @default no archive
   */
  readonly toolsClassArchive?: string;
}

/**
 * Writes a fake KAFKA_HOME (`bin/*.sh` shims + `config/` log configs) for a jar
 * set. Each shim reads the same environment variables as Kafka's
 * kafka-run-class.sh (KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS, KAFKA_OPTS,
 * KAFKA_LOG4J_OPTS, KAFKA_JMX_OPTS with JMX_PORT, CLASSPATH) and then
 * `exec java -cp <jars> <main class> "$@"`, so the PID a script exec's into is
 * the JVM's.
 *
 * When `KP_LOCAL_REWRITE_SED` is set (the harness sets it per pod, see
 * rewrite.ts), the shim applies that sed script to its arguments and to any
 * argument that is a file, before the JVM sees them: host names that our start
 * scripts compute at run time (from POD_NAME etc.) become 127.0.0.1 ports the
 * same way as the static ones.
 */
export function writeKafkaHome(dir: string, jars: ResolvedJars, opts: KafkaHomeOptions = {}): KafkaHome {
  const bin = path.join(dir, 'bin');
  const config = path.join(dir, 'config');
  fs.mkdirSync(bin, { recursive: true });
  fs.mkdirSync(config, { recursive: true });
  const imageBin = path.join(dir, 'image-bin');
  fs.mkdirSync(imageBin, { recursive: true });
  const log4j2 = jars.jars.some((j) => path.basename(j).startsWith('log4j-core-'));
  writeLogConfigs(config, log4j2);
  const available = new Map<string, string>();
  for (const [name, classes] of Object.entries(TOOL_CLASSES)) {
    const main = classes.find((c) => jarsContainClass(jars, c));
    if (!main) continue;
    available.set(name, main);
    const server = SERVERS.has(name);
    const logOpts = log4j2
      ? `-Dlog4j2.configurationFile=${config}/${server ? 'log4j2.properties' : 'tools-log4j2.properties'}`
      : `-Dlog4j.configuration=file:${config}/${server ? 'log4j.properties' : 'tools-log4j.properties'}`;
    const script = `#!/usr/bin/env bash
# Local-run shim for Kafka's bin/${name}: same env contract as
# kafka-run-class.sh, runs ${main} from the Maven-resolved jars.
set -euo pipefail
if [ -n "\${KP_LOCAL_REWRITE_SED:-}" ]; then
  rewritten=()
  for arg in "$@"; do
    if [ -f "$arg" ]; then
      sed -E -f "$KP_LOCAL_REWRITE_SED" "$arg" > "$arg.local-run"
      rewritten+=("$arg.local-run")
    else
      rewritten+=("$(printf '%s' "$arg" | sed -E -f "$KP_LOCAL_REWRITE_SED")")
    fi
  done
  set -- "\${rewritten[@]+"\${rewritten[@]}"}"
  if [ -n "\${KAFKA_OPTS:-}" ]; then
    KAFKA_OPTS="$(printf '%s' "$KAFKA_OPTS" | sed -E -f "$KP_LOCAL_REWRITE_SED")"
  fi
fi
JAVA="\${JAVA_HOME:+$JAVA_HOME/bin/}java"
heap="\${KAFKA_HEAP_OPTS:-${server ? '-Xmx256m -Xms64m' : '-Xmx128m'}}"
perf="\${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Djava.awt.headless=true}"
log4j="\${KAFKA_LOG4J_OPTS:-${logOpts}}"
# An image's own log config file (e.g. /etc/kafka/connect-log4j.properties) does not exist here: use ours.
case "$log4j" in
  *=file:/*) [ -f "\${log4j#*=file:}" ] || log4j="${logOpts}" ;;
  *log4j2.configurationFile=*) ;;
  *log4j.configuration=*) log4j="${logOpts}" ;;
esac
jmx=""
if [ -n "\${JMX_PORT:-}" ]; then
  jmx="\${KAFKA_JMX_OPTS:--Dcom.sun.management.jmxremote -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false} -Dcom.sun.management.jmxremote.port=$JMX_PORT"
fi
cp="${jars.classpath}\${CLASSPATH:+:$CLASSPATH}"
${server || !opts.toolsClassArchive ? '' : cdsBlock(opts.toolsClassArchive, `$heap $perf $jmx $log4j \${KAFKA_OPTS:-} -Dkafka.platform.local.home=${dir} -cp "$cp" ${main} "$@"`)}# shellcheck disable=SC2086 # the *_OPTS variables are word lists, as in kafka-run-class.sh
exec "$JAVA" $heap $perf $jmx $log4j \${KAFKA_OPTS:-} -Dkafka.platform.local.home=${dir} -cp "$cp" ${main} "$@"
`;
    fs.writeFileSync(path.join(bin, name), script, { mode: 0o755 });
    // The Confluent images put the same tools on PATH without `.sh` (`connect-distributed`, `kafka-topics`).
    const link = path.join(imageBin, name.replace(/\.sh$/, ''));
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.join(bin, name), link);
  }
  return {
    dir,
    bin,
    imageBin,
    jars,
    tool(name: string): string {
      if (!available.has(name)) throw new Error(`${name} has no main class in jar set ${jars.set}`);
      return path.join(bin, name);
    },
  };
}

/**
 * Shell that runs the tool with the class archive (see KafkaHomeOptions): maps
 * it when it exists; otherwise the one run that wins the lock dumps it (not
 * exec'd, so the finished archive can be moved into place atomically).
 * JVM log lines about the archive go to stderr, never into a tool's stdout.
 */
function cdsBlock(archive: string, javaArgs: string): string {
  return `archive="${archive}"
if [ -z "\${CLASSPATH:-}" ] && [ -f "$archive" ]; then
  perf="$perf -XX:SharedArchiveFile=$archive -Xlog:disable -Xlog:all=warning:stderr"
elif [ -z "\${CLASSPATH:-}" ] && mkdir "$archive.lock" 2>/dev/null; then
  rc=0
  # shellcheck disable=SC2086
  "$JAVA" -XX:ArchiveClassesAtExit="$archive.$$" -Xlog:disable -Xlog:all=warning:stderr ${javaArgs} || rc=$?
  if [ "$rc" = 0 ] && [ -s "$archive.$$" ]; then mv -f "$archive.$$" "$archive"; else rm -f "$archive.$$"; fi
  rmdir "$archive.lock"
  exit "$rc"
fi
`;
}

function writeLogConfigs(config: string, log4j2: boolean): void {
  if (log4j2) {
    const cfg = (level: string, target: string) => [
      'status = warn',
      'appender.out.type = Console',
      'appender.out.name = out',
      `appender.out.target = ${target}`,
      'appender.out.layout.type = PatternLayout',
      'appender.out.layout.pattern = [%d] %p %m (%c)%n',
      `rootLogger.level = ${level}`,
      'rootLogger.appenderRef.out.ref = out',
      // The state-change and request loggers are chatty at INFO and say nothing a verification needs.
      'logger.statechange.name = state.change.logger',
      'logger.statechange.level = warn',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(config, 'log4j2.properties'), cfg('info', 'SYSTEM_OUT'));
    fs.writeFileSync(path.join(config, 'tools-log4j2.properties'), cfg('warn', 'SYSTEM_ERR'));
  } else {
    const cfg = (level: string, target: string) => [
      `log4j.rootLogger=${level}, out`,
      'log4j.appender.out=org.apache.log4j.ConsoleAppender',
      `log4j.appender.out.Target=${target}`,
      'log4j.appender.out.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.out.layout.ConversionPattern=[%d] %p %m (%c)%n',
      'log4j.logger.state.change.logger=WARN',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(config, 'log4j.properties'), cfg('INFO', 'System.out'));
    fs.writeFileSync(path.join(config, 'tools-log4j.properties'), cfg('WARN', 'System.err'));
  }
}

/**
 * A fake ZooKeeper install (the official image's /apache-zookeeper-<v>-bin):
 * `bin/zkServer.sh start-foreground <cfg>` runs QuorumPeerMain from the
 * Maven-resolved jars with the heap from ZK_SERVER_HEAP (MiB), as the image's
 * script does. The client port is bound to loopback (`clientPortAddress`,
 * appended to a copy of the config) so nothing listens beyond 127.0.0.1.
 */
export function writeZooKeeperHome(dir: string, jars: ResolvedJars, kafkaHome: KafkaHome): string {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  if (!jarsContainClass(jars, 'org.apache.zookeeper.server.quorum.QuorumPeerMain')) throw new Error(`no ZooKeeper in jar set ${jars.set}`);
  fs.writeFileSync(path.join(bin, 'zkServer.sh'), `#!/usr/bin/env bash
# Local-run shim for ZooKeeper's bin/zkServer.sh (start-foreground only).
set -euo pipefail
[ "\${1:-}" = start-foreground ] || { echo "zkServer.sh shim: only start-foreground is supported" >&2; exit 2; }
cfg="\${2:?zkServer.sh start-foreground <zoo.cfg>}"
local_cfg="$cfg.local-run"
{ cat "$cfg"; echo "clientPortAddress=127.0.0.1"; } > "$local_cfg"
JAVA="\${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086 # JVMFLAGS is a word list, as in zkServer.sh
exec "$JAVA" -Xmx\${ZK_SERVER_HEAP:-128}m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \${SERVER_JVMFLAGS:-} \${JVMFLAGS:-} \\
  -Dzookeeper.log.dir="\${ZOO_LOG_DIR:-.}" -Dlog4j.configuration=file:${kafkaHome.dir}/config/log4j.properties \\
  -cp "${jars.classpath}" org.apache.zookeeper.server.quorum.QuorumPeerMain "$local_cfg"
`, { mode: 0o755 });
  return dir;
}
