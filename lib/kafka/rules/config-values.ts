import { kafkaValueProblem } from '../model/kafka-config-values';
import { propertiesMapProblems } from '../model/java-properties';
import { Finding, inputFinding, KafkaInputRule } from './rule';

/**
 * `brokers.config` and `controllers.config` are written into
 * `server.properties`: each key a config name, each value one line, and the
 * values the HA rules read in the spelling Kafka reads the same way. A line
 * break in a key or value would otherwise add a line the rules never saw
 * (`min.insync.replicas=1`, a SASL key).
 */
export const configValuesRule: KafkaInputRule = ({ props }) => {
  const findings: Finding[] = [];
  for (const prop of ['brokers.config', 'controllers.config'] as const) {
    const map = prop === 'brokers.config' ? props.brokers?.config : props.controllers?.config;
    const problems = propertiesMapProblems(prop, map);
    findings.push(...problems.map(p => inputFinding('config-values', p.prop, p.problem, p.fix)));
    if (problems.length > 0 || map === undefined) continue;
    for (const [key, value] of Object.entries(map)) {
      const wrong = kafkaValueProblem(key, value);
      if (wrong) findings.push(inputFinding('config-values', `${prop}[${JSON.stringify(key)}]`, wrong.problem, wrong.fix));
    }
  }
  return findings;
};
