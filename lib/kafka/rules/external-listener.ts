import { KafkaRule, Finding } from './rule';

const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+$/;

/** The external listener is TLS-only, with exactly one certificate source, and a usable DNS domain. */
export const externalListenerRule: KafkaRule = (ctx) => {
  const ext = ctx.externalListener;
  if (!ext) return [];
  const findings: Finding[] = [];
  if (!DNS_NAME.test(ext.domain)) {
    findings.push({ ruleId: 'external-listener', prop: 'externalListener.domain', problem: `${JSON.stringify(ext.domain)} is not a lower-case DNS domain`, fix: 'use a domain such as kafka.example.com', relaxable: false });
  }
  const sources = [ext.tls?.secretName, ext.tls?.certManagerIssuer].filter(s => s !== undefined);
  if (sources.length !== 1) {
    findings.push({ ruleId: 'external-listener', prop: 'externalListener.tls', problem: `${sources.length === 0 ? 'no' : 'two'} certificate sources given`, fix: 'set exactly one of tls.secretName or tls.certManagerIssuer', relaxable: false });
  }
  const port = ext.port ?? 9094;
  if (!Number.isInteger(port) || port < 1024 || port > 65535 || [9092, 9093, 9404].includes(port)) {
    findings.push({ ruleId: 'external-listener', prop: 'externalListener.port', problem: `${port} is not a free unprivileged port`, fix: 'use 9094 (default) or another port in 1024-65535 other than 9092, 9093, 9404', relaxable: false });
  }
  return findings;
};
