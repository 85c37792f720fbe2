import { compareReleases, imageKafkaRelease, MIN_METADATA_VERSION, parseMetadataVersion, releaseString } from '../model/metadata-version';
import { Finding, inputFinding, KafkaInputRule } from './rule';

/**
 * `metadataVersion` is KRaft's, well formed, no older than Kafka 4.x accepts, and
 * no newer than the Kafka image runs: a metadata version the software does not
 * support could never be finalized. A downgrade (lower than the cluster's
 * finalized version) cannot be known at synth, which sees no cluster: the
 * metadata-version Job refuses it at run time.
 */
export const metadataVersionRule: KafkaInputRule = ({ spec }) => {
  const wanted = spec.metadataVersion;
  if (wanted === undefined) return [];
  const findings: Finding[] = [];
  const finding = (problem: string, fix: string) => findings.push(inputFinding('metadata-version', 'metadataVersion', problem, fix));
  if (!spec.kraft) {
    finding('is a KRaft feature level, but metadataMode is ZOOKEEPER', 'remove metadataVersion (ZooKeeper mode uses inter.broker.protocol.version in brokers.config)');
    return findings;
  }
  const release = parseMetadataVersion(wanted);
  if (!release) {
    finding(`${JSON.stringify(wanted)} is not a Kafka metadata version`, 'give a release such as "3.9" or "4.1" (or a level such as "3.9-IV0")');
    return findings;
  }
  if (compareReleases(release, MIN_METADATA_VERSION) < 0) {
    finding(`${wanted} is older than ${releaseString(MIN_METADATA_VERSION)}, the oldest metadata version Kafka 4 brokers accept`, `give at least ${releaseString(MIN_METADATA_VERSION)}`);
  }
  const image = imageKafkaRelease(spec.images.kafka);
  if (image && compareReleases(release, image) > 0) {
    finding(`${wanted} is newer than the Kafka image ${spec.images.kafka} (Kafka ${releaseString(image)}): its brokers and controllers cannot run it`, `upgrade the image first (roll), then raise metadataVersion to at most ${releaseString(image)}`);
  }
  return findings;
};
