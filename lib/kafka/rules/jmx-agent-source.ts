import { jmxAgentSourceProblem } from '../observability/jmx-agent';
import { inputFinding, KafkaInputRule } from './rule';

/** The agent's URL and checksum are interpolated into the init container's shell: only a plain http(s) URL and a hex digest. */
export const jmxAgentSourceRule: KafkaInputRule = ({ spec }) => {
  const problem = jmxAgentSourceProblem(spec.jmxAgent.url, spec.jmxAgent.sha256);
  if (!problem) return [];
  return [inputFinding('jmx-agent-source', `jmxAgent.${problem.prop}`, problem.problem, problem.fix)];
};
