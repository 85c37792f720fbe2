import { allScenarios } from '../scenarios/registry';

/** `kafka-platform --help`. */
export function helpText(): string {
  const scenarios = allScenarios().map((s) => `  ${s.name.padEnd(22)}${s.summary}`).join('\n');
  return `Usage: kafka-platform verify [DIR] [--scenarios a,b] [--json FILE] [--kafka-home DIR]

Runs the Kafka cluster of a GitOps directory written by cdktf-kafka-platform
(\`cdktf synth\`) as real Kafka JVMs on 127.0.0.1, breaks it on purpose and
reports whether it kept its promises. Nothing listens beyond loopback; every
process is stopped at the end, on failure and on Ctrl-C.

Arguments:
  DIR                   the GitOps directory (default: the first of
                        cdktf.out/gitops/*, honouring CDKTF_OUTDIR and cdktf.json)

Options:
  --scenarios a,b       run only these scenarios (default: all that apply to
                        the configuration: KRaft or ZooKeeper mode)
  --json FILE           also write the report as JSON (for CI)
  --kafka-home DIR      take the jars from an unpacked Apache Kafka
                        distribution instead of Maven Central
  -h, --help            this text

Scenarios:
${scenarios}

Needs Java 17+ and, the first time for a Kafka version, Maven and access to
Maven Central (jars are cached in ~/.cache/kafka-platform, or
KAFKA_PLATFORM_CACHE; later runs work offline).

Exit status: 0 every scenario passed; 1 a scenario failed or the cluster did
not start; 2 the run could not happen (bad arguments, missing Java or jars).
`;
}
