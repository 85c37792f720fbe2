import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { hashOf } from '../k8s/hash';
import { containerSecurityContext } from '../k8s/security-context';
import { DYNAMIC_CLUSTER_WIDE_BROKER_CONFIGS, splitDynamicBrokerConfig } from '../model/dynamic-broker-config';
import { renderProperties } from '../model/broker-config';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { kafkaScript } from '../scripts';
import { adminJobPodSpec, kafkaAdminEnv } from './admin-job-template';

const MOUNT = '/etc/kafka-dynamic-config';

/**
 * Applies the cluster-wide dynamic broker properties of `brokers.config`
 * (`DYNAMIC_CLUSTER_WIDE_BROKER_CONFIGS`) with `kafka-configs.sh --entity-default`:
 * a change of only those runs this Job and restarts nothing (the brokers'
 * config hash leaves them out). The static file still carries them, for a
 * broker's first start before this Job ran; at run time the dynamic value wins.
 * The Job is named after what it applies: a change is a new Job, an unchanged
 * synth keeps the finished one.
 */
export class DynamicConfigJob extends Construct {
  public readonly jobName: string;

  constructor(scope: Construct, id: string, spec: KafkaClusterSpec) {
    super(scope, id);
    const { naming } = spec;
    const name = naming.name('dynamic-config');
    const { dynamic } = splitDynamicBrokerConfig(spec.brokerConfig);
    const data = {
      'dynamic-configs.properties': renderProperties('Cluster-wide dynamic broker configs (kafka-configs.sh --entity-default), applied by the dynamic-config Job.', dynamic),
      'apply-dynamic-configs.sh': kafkaScript('apply-dynamic-configs.sh'),
      'kafka-admin-lib.sh': kafkaScript('kafka-admin-lib.sh'),
    };
    new ApiObject(this, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: naming.meta(name, 'admin'), data });
    const env = [
      ...kafkaAdminEnv(spec),
      { name: 'KP_DYNAMIC_CONFIG_FILE', value: `${MOUNT}/dynamic-configs.properties` },
      { name: 'KP_DYNAMIC_CONFIG_KEYS', value: DYNAMIC_CLUSTER_WIDE_BROKER_CONFIGS.join(' ') },
    ];
    this.jobName = naming.name(`dynamic-config-${hashOf({ env, image: spec.images.kafka, data }).slice(0, 8)}`);
    new ApiObject(this, 'job', {
      apiVersion: 'batch/v1', kind: 'Job',
      metadata: naming.meta(this.jobName, 'admin'),
      spec: {
        backoffLimit: 10,
        template: {
          metadata: { labels: { ...naming.labels('admin'), [spec.clientAccessLabel.key]: spec.clientAccessLabel.value } },
          spec: adminJobPodSpec(spec, [{
            name: 'apply-dynamic-configs',
            image: spec.images.kafka,
            imagePullPolicy: 'IfNotPresent',
            command: ['/bin/bash', `${MOUNT}/apply-dynamic-configs.sh`],
            env,
            resources: { requests: { cpu: '100m', memory: '384Mi' }, limits: { cpu: '1', memory: '512Mi' } },
            securityContext: containerSecurityContext(),
            volumeMounts: [{ name: 'scripts', mountPath: MOUNT, readOnly: true }, { name: 'tmp', mountPath: '/tmp' }],
          }], [
            { name: 'scripts', configMap: { name, defaultMode: 0o444 } },
            { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
          ]),
        },
      },
    });
  }
}
