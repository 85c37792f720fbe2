import { BLACKBOX_EXPORTER_METRICS } from '../../observability/metric-names';
import { AlertRuleContext, KafkaAlertRule } from './model';
import { regexAlternation, sample, str } from './promql';

const DAY = 86400;
/** promtool evaluates the unit tests at 30m: `time()` is 1800 there. */
const TEST_NOW = 1800;

/**
 * Certificates: one (node certificate or CA) expires soon, or the probe cannot tell. Both rules cover the
 * brokers' probes and, in KRaft mode, the controllers' (a controller that missed a renewal still presents
 * the old certificate).
 */
export function certificateRules(c: AlertRuleContext): KafkaAlertRule[] {
  const brokerJob = c.topology.certificateProbeJob;
  if (!brokerJob) return [];
  const controllerJob = c.topology.controllerCertificateProbeJob;
  const jobs = controllerJob ? [brokerJob, controllerJob] : [brokerJob];
  const job = jobs.length === 1 ? `job=${str(brokerJob)}` : `job=~${str(regexAlternation(jobs))}`;
  const { sslEarliestCertExpiry: leaf, sslChainExpiry: chain, success } = BLACKBOX_EXPORTER_METRICS;
  const days = c.certificateExpiryDays;
  const b0 = { job: brokerJob, instance: 'kafka-broker-a-0' };
  const b1 = { job: brokerJob, instance: 'kafka-broker-b-0' };
  // A controller's probe: the broker samples stay healthy, so only the controller's can make the alert fire.
  const c0 = controllerJob ? { job: controllerJob, instance: 'kafka-controller-a-0' } : undefined;
  const inDays = (d: number): string => `${TEST_NOW + d * DAY}x40`;
  const nodes = controllerJob ? 'Kafka broker or controller' : 'Kafka broker';
  const listeners = controllerJob ? 'its internal (broker) or controller listener' : 'its internal listener';
  const probeUrls = '`/probe?module=kafka_internal_tls&target=<pod IP>:9092&debug=true`'
    + (controllerJob ? ' (a controller: `/probe?module=kafka_controller_tls&target=<pod IP>:9093&debug=true`)' : '');
  return [
    {
      alert: 'KafkaCertificateExpiresSoon',
      // The earlier of the presented certificate and the verified chain (which ends in the cluster CA), per pod.
      expr: `min by (instance) ({__name__=~${str(`${leaf}|${chain}`)}, ${job}}) - time() < ${days} * 86400`,
      for: '15m',
      severity: 'warning',
      summary: `A certificate of ${nodes} {{ $labels.instance }} expires in less than ${days} days`,
      description: `The node certificate or the cluster CA that {{ $labels.instance }} presents on ${listeners} expires within ${days} days. When it expires, clients and the other brokers${controllerJob ? ' and controllers' : ''} refuse the TLS handshake: replication${controllerJob ? ', the metadata quorum' : ''} and every client stop.`,
      runbook: 'Find which one: `kubectl -n <namespace> get secret <cluster>-node-tls -o jsonpath={.data.tls\\.crt} | base64 -d | openssl x509 -noout -enddate`, and the same for key ca.crt of ConfigMap <cluster>-ca-bundle. With cert-manager, check the Certificate and Issuer status (`kubectl describe certificate`); without it, re-run the certificate bootstrap Job. '
        + (controllerJob
          ? 'Kafka reads the certificate when it starts: if the Secret is renewed but the probe still shows the old date, that pod has not restarted since (restart it, or check the roll Job).'
          : 'A renewed Secret rolls the brokers by itself; if the probe still shows the old date after the roll, the broker has not picked it up (check the roll Job).'),
      metrics: [leaf, chain],
      firing: {
        series: [
          sample(leaf, b0, inDays(days - 1)), sample(chain, b0, inDays(days - 1)),
          // Node certificate fine, CA about to expire: the chain metric catches it.
          sample(leaf, b1, inDays(days + 60)), sample(chain, b1, inDays(days - 10)),
          // A controller still presenting the old certificate.
          ...(c0 ? [sample(leaf, c0, inDays(days - 2)), sample(chain, c0, inDays(3650))] : []),
        ],
        alerts: [{ instance: b0.instance }, { instance: b1.instance }, ...(c0 ? [{ instance: c0.instance }] : [])],
      },
      healthy: {
        series: [
          sample(leaf, b0, inDays(days + 1)), sample(chain, b0, inDays(days + 1)), sample(leaf, b1, inDays(365)), sample(chain, b1, inDays(3650)),
          ...(c0 ? [sample(leaf, c0, inDays(days + 1)), sample(chain, c0, inDays(3650))] : []),
        ],
      },
    },
    {
      alert: 'KafkaCertificateExpiryUnknown',
      expr: `${success}{${job}} == 0 or up{${job}} == 0`,
      for: '15m',
      severity: 'critical',
      summary: `The TLS probe of ${nodes} {{ $labels.instance }} fails: its certificate expiry is unknown`,
      description: 'The blackbox exporter cannot complete a verified TLS handshake with {{ $labels.instance }} (or cannot be scraped), so nobody watches when its certificate expires. A failing handshake is also what clients see: an expired or wrong certificate, or a CA they do not trust.',
      runbook: `Read the probe log: \`kubectl port-forward\` to the certificate probe and open ${probeUrls}. Certificate errors (expired, unknown authority, host name) are real: fix the certificate as for KafkaCertificateExpiresSoon. `
        + (controllerJob ? 'A controller that offers no TLS 1.3 fails the handshake (the probe has no client certificate, so it needs TLS 1.3 there: a "protocol version" error or EOF). ' : '')
        + `A connection refused or timeout means the pod is down (see KafkaBrokerDown${controllerJob ? ' or KafkaControllerDown' : ''}) or a NetworkPolicy blocks the probe.`,
      metrics: [success, 'up'],
      // b0 answers but its handshake fails; b1 cannot be probed at all (the exporter is unreachable: no probe_success); c0 a controller's handshake fails.
      firing: {
        series: [sample(success, b0, '0x40'), sample('up', b0, '1x40'), sample('up', b1, '0x40'), ...(c0 ? [sample(success, c0, '0x40'), sample('up', c0, '1x40')] : [])],
        alerts: [{ ...b0 }, { ...b1 }, ...(c0 ? [{ ...c0 }] : [])],
      },
      // A healthy controller probe (client certificate required, handshake completed in TLS 1.3) reports success: quiet.
      healthy: {
        series: [
          sample(success, b0, '1x40'), sample(success, b1, '0 1x40'), sample('up', b0, '1x40'), sample('up', b1, '1x40'),
          ...(c0 ? [sample(success, c0, '1x40'), sample('up', c0, '1x40')] : []),
        ],
      },
    },
  ];
}
