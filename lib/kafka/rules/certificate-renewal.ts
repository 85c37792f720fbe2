import { NODE_TLS_VALIDITY_DAYS } from '../model/internal-tls';
import { Finding, inputFinding, KafkaInputRule } from './rule';

/** Five cron fields of digits, `*`, `/`, `,` and `-`: what the CronJob needs, and nothing a shell or YAML reads twice. */
const CRON = /^[0-9*/,-]+( [0-9*/,-]+){4}$/;

/**
 * The certificate roll's schedule is a five-field cron expression, and the in-cluster renewal window fits the
 * node certificate: at least a day, and shorter than its 730 days, or every run would renew it again.
 * cert-manager renews its own certificates (`renewBefore` on its Certificate), so the window is refused there.
 */
export const certificateRenewalRule: KafkaInputRule = ({ props }) => {
  const tls = props.tls ?? {};
  const findings: Finding[] = [];
  const days = tls.renewBeforeDays;
  if (days !== undefined) {
    if (tls.certManager !== undefined) {
      findings.push(inputFinding('certificate-renewal', 'tls.renewBeforeDays', 'cert-manager issues the node certificate, and renews it by its own rules',
        'remove tls.renewBeforeDays; set renewBefore on the issuer side if the default (a third of the duration) does not suit you'));
    } else if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days >= NODE_TLS_VALIDITY_DAYS.node) {
      findings.push(inputFinding('certificate-renewal', 'tls.renewBeforeDays', `${JSON.stringify(days)} is not a whole number of days from 1 to ${NODE_TLS_VALIDITY_DAYS.node - 1}`,
        `give the days before expiry that renewal starts, below the node certificate's ${NODE_TLS_VALIDITY_DAYS.node} days (default 240)`));
    }
  }
  const schedule = tls.rollSchedule;
  if (schedule !== undefined && (typeof schedule !== 'string' || !CRON.test(schedule))) {
    findings.push(inputFinding('certificate-renewal', 'tls.rollSchedule', `${JSON.stringify(schedule)} is not a five-field cron schedule`,
      "write minute hour day-of-month month day-of-week with digits, '*', '/', ',' and '-', e.g. '7 * * * *' (hourly)"));
  }
  if (schedule !== undefined && tls.dangerouslyUsePlaintextInternalListeners && !props.externalListener) {
    findings.push(inputFinding('certificate-renewal', 'tls.rollSchedule', 'the internal listeners run without TLS and there is no external listener, so there is no certificate to roll',
      'remove tls.rollSchedule, or the plaintext opt-in'));
  }
  return findings;
};
