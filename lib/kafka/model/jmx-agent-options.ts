/**
 * Where brokers and controllers get the Prometheus JMX exporter agent
 * (`KafkaClusterProps.jmxAgent`). Each pod keeps a verified copy on its data
 * volume and uses it at every later start, so only a pod's first start needs
 * the source. A source that cannot be reached within the download bound does
 * not stop a start: the pod runs without metrics, says so in its log, and the
 * broker/controller "down" alerts fire (its scrape target is down).
 */
export interface KafkaJmxAgentOptions {
  /**
   * URL of `jmx_prometheus_javaagent-1.0.1.jar` on a mirror the pods can reach
   * (an internal Maven proxy or any HTTP(S) server), for clusters without
   * internet access.
   * @default - Maven Central (`JMX_EXPORTER_AGENT.url`)
   */
  readonly url?: string;
  /** SHA-256 of the jar at `url`; a jar that does not match is never used. @default - the checksum of 1.0.1 (`JMX_EXPORTER_AGENT.sha256`) */
  readonly sha256?: string;
  /**
   * Fail a pod's start when the agent is neither cached nor downloadable, instead
   * of starting it without metrics. Leave it off unless an unmonitored broker is
   * worse for you than a broker that cannot restart during an outage of the source.
   * @default false
   */
  readonly required?: boolean;
}
