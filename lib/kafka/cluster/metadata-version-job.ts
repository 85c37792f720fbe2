import { Construct } from 'constructs';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { addScriptJob } from './script-job';

/**
 * Finalizes `metadataVersion` (KRaft `metadata.version`) with
 * `kafka-features.sh upgrade --metadata`: waits until the controller accepts
 * it for every registered broker and controller (an image upgrade rolled
 * everywhere), refuses a downgrade loudly, and changes nothing else. Only
 * when `metadataVersion` is set (KRaft).
 */
export class MetadataVersionJob extends Construct {
  public readonly jobName: string;

  constructor(scope: Construct, id: string, spec: KafkaClusterSpec, metadataVersion: string) {
    super(scope, id);
    this.jobName = addScriptJob(this, spec, {
      base: 'metadata-version',
      script: 'apply-metadata-version.sh',
      mountPath: '/etc/kafka-metadata-version',
      files: {},
      env: [{ name: 'KP_METADATA_VERSION', value: metadataVersion }],
    });
  }
}
