import { KafkaMetadataMode, KafkaProfile } from '../types';
import { Finding, inputFinding, KafkaInputRule } from './rule';

/** Known mode and profile, and no options of the other mode: a stray `zookeeper` block in KRaft mode is a misunderstanding, not a no-op. */
export const metadataModeRule: KafkaInputRule = ({ props, spec }) => {
  const findings: Finding[] = [];
  if (!Object.values(KafkaMetadataMode).includes(spec.metadataMode)) findings.push(inputFinding('metadata-mode', 'metadataMode', `unknown mode ${JSON.stringify(spec.metadataMode)}`, 'use KafkaMetadataMode.KRAFT or KafkaMetadataMode.ZOOKEEPER'));
  if (!Object.values(KafkaProfile).includes(spec.profile)) findings.push(inputFinding('metadata-mode', 'profile', `unknown profile ${JSON.stringify(spec.profile)}`, 'use KafkaProfile.PRODUCTION or KafkaProfile.DEVELOPMENT'));
  if (spec.metadataMode === KafkaMetadataMode.KRAFT && props.zookeeper) findings.push(inputFinding('metadata-mode', 'zookeeper', 'is set but metadataMode is KRAFT', 'remove zookeeper, or set metadataMode: KafkaMetadataMode.ZOOKEEPER'));
  if (spec.metadataMode === KafkaMetadataMode.ZOOKEEPER && props.controllers) findings.push(inputFinding('metadata-mode', 'controllers', 'is set but metadataMode is ZOOKEEPER', 'remove controllers (ZooKeeper mode uses zookeeper options)'));
  return findings;
};
