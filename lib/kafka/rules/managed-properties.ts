import { isManagedProperty } from '../model/broker-config';
import { KafkaRule, Finding } from './rule';

/** Node identity, listeners and SASL wiring come from the start script; overriding them would break rack awareness, authentication or node IDs. */
export const managedPropertiesRule: KafkaRule = (ctx) => {
  const findings: Finding[] = [];
  const check = (prefix: string, overrides: Readonly<Record<string, string>>) => {
    for (const key of Object.keys(overrides).sort()) {
      if (isManagedProperty(key)) {
        findings.push({ ruleId: 'managed-properties', prop: `${prefix}.config["${key}"]`, problem: 'is set per pod by the start script (node identity, listeners, SASL) and cannot be overridden', fix: 'remove the override; use the construct props (zones, externalListener, credentials) instead', relaxable: false });
      }
    }
  };
  check('brokers', ctx.brokerConfigOverrides);
  check('controllers', ctx.controllerConfigOverrides);
  return findings;
};
