import { BLACKBOX_EXPORTER_METRICS } from '../../observability/metric-names';
import { AlertRuleContext, KafkaAlertRule } from './model';
import { sample, str } from './promql';

const DAY = 86400;
/** promtool evaluates the unit tests at 30m: `time()` is 1800 there. */
const TEST_NOW = 1800;

/** Certificates: one (node certificate or CA) expires soon, or the probe cannot tell. */
export function certificateRules(c: AlertRuleContext): KafkaAlertRule[] {
  const job = c.topology.certificateProbeJob;
  if (!job) return [];
  const { sslEarliestCertExpiry: leaf, sslChainExpiry: chain, success } = BLACKBOX_EXPORTER_METRICS;
  const days = c.certificateExpiryDays;
  const b0 = { job, instance: 'kafka-broker-a-0' };
  const b1 = { job, instance: 'kafka-broker-b-0' };
  const inDays = (d: number): string => `${TEST_NOW + d * DAY}x40`;
  return [
    {
      alert: 'KafkaCertificateExpiresSoon',
      // The earlier of the presented certificate and the verified chain (which ends in the cluster CA), per broker.
      expr: `min by (instance) ({__name__=~${str(`${leaf}|${chain}`)}, job=${str(job)}}) - time() < ${days} * 86400`,
      for: '15m',
      severity: 'warning',
      summary: 'A certificate of Kafka broker {{ $labels.instance }} expires in less than ' + days + ' days',
      description: `The node certificate or the cluster CA that broker {{ $labels.instance }} presents on its internal listener expires within ${days} days. When it expires, clients and the other brokers refuse the TLS handshake: replication and every client stop.`,
      runbook: 'Find which one: `kubectl -n <namespace> get secret <cluster>-node-tls -o jsonpath={.data.tls\\.crt} | base64 -d | openssl x509 -noout -enddate`, and the same for key ca.crt of ConfigMap <cluster>-ca-bundle. With cert-manager, check the Certificate and Issuer status (`kubectl describe certificate`); without it, re-run the certificate bootstrap Job. A renewed Secret rolls the brokers by itself; if the probe still shows the old date after the roll, the broker has not picked it up (check the roll Job).',
      metrics: [leaf, chain],
      firing: {
        series: [
          sample(leaf, b0, inDays(days - 1)), sample(chain, b0, inDays(days - 1)),
          // Node certificate fine, CA about to expire: the chain metric catches it.
          sample(leaf, b1, inDays(days + 60)), sample(chain, b1, inDays(days - 10)),
        ],
        alerts: [{ instance: b0.instance }, { instance: b1.instance }],
      },
      healthy: { series: [sample(leaf, b0, inDays(days + 1)), sample(chain, b0, inDays(days + 1)), sample(leaf, b1, inDays(365)), sample(chain, b1, inDays(3650))] },
    },
    {
      alert: 'KafkaCertificateExpiryUnknown',
      expr: `${success}{job=${str(job)}} == 0 or up{job=${str(job)}} == 0`,
      for: '15m',
      severity: 'critical',
      summary: 'The TLS probe of Kafka broker {{ $labels.instance }} fails: its certificate expiry is unknown',
      description: 'The blackbox exporter cannot complete a verified TLS handshake with broker {{ $labels.instance }} (or cannot be scraped), so nobody watches when its certificate expires. A failing handshake is also what clients see: an expired or wrong certificate, or a CA they do not trust.',
      runbook: 'Read the probe log: `kubectl port-forward` to the certificate probe and open `/probe?module=kafka_internal_tls&target=<pod IP>:9092&debug=true`. Certificate errors (expired, unknown authority, host name) are real: fix the certificate as for KafkaCertificateExpiresSoon. A connection refused or timeout means the broker is down (see KafkaBrokerDown) or a NetworkPolicy blocks the probe.',
      metrics: [success, 'up'],
      // b0 answers but its handshake fails; b1 cannot be probed at all (the exporter is unreachable: no probe_success).
      firing: { series: [sample(success, b0, '0x40'), sample('up', b0, '1x40'), sample('up', b1, '0x40')], alerts: [{ ...b0 }, { ...b1 }] },
      healthy: { series: [sample(success, b0, '1x40'), sample(success, b1, '0 1x40'), sample('up', b0, '1x40'), sample('up', b1, '1x40')] },
    },
  ];
}
