import { AlertRuleContext, KafkaAlertRule, SampleSeries } from './model';
import { sample, str } from './promql';

/** The metadata quorum (KRaft controllers or ZooKeeper): a member down, majority lost. */
export function quorumRules(c: AlertRuleContext): KafkaAlertRule[] {
  const { topology, metadataQuorumJob: Q, kraft, quorumKind } = c;
  const rules: KafkaAlertRule[] = [];

  const q0 = { job: Q, instance: kraft ? 'controller-0:9404' : 'zookeeper-0:9404' };
  rules.push({
    alert: kraft ? 'KafkaControllerDown' : 'ZooKeeperDown',
    expr: `up{job=${str(Q)}} == 0`,
    for: '1m',
    severity: 'critical',
    summary: `${quorumKind} {{ $labels.instance }} is down`,
    description: `Prometheus cannot scrape the ${quorumKind}; the metadata quorum has one member less.`,
    runbook: `Check the ${quorumKind} pod, its events and logs. Keep the others running: the quorum survives the loss of a minority only.${kraft ? ' A Ready controller with this alert started without its JMX exporter agent: its `fetch-jmx-exporter` init container logs `JMX EXPORTER AGENT UNAVAILABLE`; make `jmxAgent.url` reachable, then delete the pod.' : ''}`,
    metrics: ['up'],
    firing: { series: [sample('up', q0, '1 0x40')], alerts: [{ ...q0 }] },
    healthy: { series: [sample('up', q0, '1x40')] },
  });

  if (topology.metadataQuorumSize !== undefined) {
    const size = topology.metadataQuorumSize;
    const majority = Math.floor(size / 2) + 1;
    const quorumUp = (n: number): SampleSeries[] =>
      Array.from({ length: size }, (_v, i) => sample('up', { job: Q, instance: `${kraft ? 'controller' : 'zookeeper'}-${i}:9404` }, i < n ? '1x40' : '0x40'));
    rules.push({
      alert: 'KafkaMetadataQuorumLost',
      expr: `(count(up{job=${str(Q)}} == 1) or vector(0)) < ${majority}`,
      for: '1m',
      severity: 'critical',
      summary: `The ${quorumKind} quorum has lost its majority`,
      description: `Fewer than ${majority} of ${size} ${quorumKind}s are up: no metadata change (topic creation, leader election) is possible.`,
      runbook: `Restore ${quorumKind}s until a majority (${majority}) runs. Do not wipe a member's volume to get it started: its log is part of the quorum.`,
      metrics: ['up'],
      firing: { series: quorumUp(majority - 1), alerts: [{}] },
      healthy: { series: quorumUp(size - 1) },
    });
  }
  return rules;
}
