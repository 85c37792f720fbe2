import { Construct } from 'constructs';
import { DYNAMIC_CLUSTER_WIDE_BROKER_CONFIGS, splitDynamicBrokerConfig } from '../model/dynamic-broker-config';
import { renderProperties } from '../model/broker-config';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { addScriptJob } from './script-job';

const MOUNT = '/etc/kafka-dynamic-config';

/**
 * Applies the cluster-wide dynamic broker properties of `brokers.config`
 * (`DYNAMIC_CLUSTER_WIDE_BROKER_CONFIGS`) with `kafka-configs.sh --entity-default`:
 * a change of only those runs this Job and restarts nothing (the brokers'
 * config hash leaves them out). The static file still carries them, for a
 * broker's first start before this Job ran; at run time the dynamic value wins.
 */
export class DynamicConfigJob extends Construct {
  public readonly jobName: string;

  constructor(scope: Construct, id: string, spec: KafkaClusterSpec) {
    super(scope, id);
    const { dynamic } = splitDynamicBrokerConfig(spec.brokerConfig);
    this.jobName = addScriptJob(this, spec, {
      base: 'dynamic-config',
      script: 'apply-dynamic-configs.sh',
      mountPath: MOUNT,
      files: { 'dynamic-configs.properties': renderProperties('Cluster-wide dynamic broker configs (kafka-configs.sh --entity-default), applied by the dynamic-config Job.', dynamic) },
      env: [
        { name: 'KP_DYNAMIC_CONFIG_FILE', value: `${MOUNT}/dynamic-configs.properties` },
        { name: 'KP_DYNAMIC_CONFIG_KEYS', value: DYNAMIC_CLUSTER_WIDE_BROKER_CONFIGS.join(' ') },
      ],
    });
  }
}
