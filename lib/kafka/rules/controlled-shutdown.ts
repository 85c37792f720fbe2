import { MIN_TERMINATION_GRACE_PERIOD_SECONDS } from '../constants';
import { brokerProp, KafkaRule, Finding } from './rule';

/** Controlled shutdown stays on, and Kubernetes waits long enough for it. */
export const controlledShutdownRule: KafkaRule = (ctx) => {
  const findings: Finding[] = [];
  const value = ctx.brokerConfig['controlled.shutdown.enable'];
  if (value !== undefined && value.trim().toLowerCase() !== 'true') {
    findings.push({ ruleId: 'controlled-shutdown', prop: brokerProp('controlled.shutdown.enable'), problem: `${JSON.stringify(value)} makes every broker restart an unclean leadership loss`, fix: 'remove the override (controlled shutdown stays on)', relaxable: true });
  }
  if (!Number.isInteger(ctx.terminationGracePeriodSeconds) || ctx.terminationGracePeriodSeconds < MIN_TERMINATION_GRACE_PERIOD_SECONDS) {
    findings.push({ ruleId: 'controlled-shutdown', prop: 'brokers.terminationGracePeriodSeconds', problem: `${ctx.terminationGracePeriodSeconds}s may kill a broker before it moved its leaderships away`, fix: `use at least ${MIN_TERMINATION_GRACE_PERIOD_SECONDS}`, relaxable: true });
  }
  return findings;
};
