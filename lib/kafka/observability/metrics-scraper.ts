/**
 * Where the Prometheus that scrapes the brokers' and controllers' metrics
 * port runs, unless the cluster says otherwise: the cluster's NetworkPolicy
 * admits it from here, and `KafkaMonitoring` puts Prometheus here.
 */
export const DEFAULT_MONITORING_NAMESPACE = 'monitoring';
