/**
 * The KRaft metadata version (feature level `metadata.version`) as a release
 * (`3.9`) with an optional internal version (`3.9-IV0`), and the Kafka release
 * of an image tag (`apache/kafka:4.1.1` is 4.1). What synth can compare.
 */
export interface KafkaRelease {
  readonly major: number;
  readonly minor: number;
}

/** The oldest metadata version Kafka 4.x brokers accept (3.3-IV3, the first production KRaft release). */
export const MIN_METADATA_VERSION: KafkaRelease = { major: 3, minor: 3 };

/** `3.9` or `3.9-IV0` as a release, or undefined when it is neither. */
export function parseMetadataVersion(value: string): KafkaRelease | undefined {
  const m = /^(\d+)\.(\d+)(-IV\d+)?$/.exec(value);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/** The Kafka release of an image whose tag starts with `<major>.<minor>` (`apache/kafka:4.1.1`); undefined for a tag synth cannot read (a digest, `latest`, a custom name). */
export function imageKafkaRelease(image: string): KafkaRelease | undefined {
  const tag = /:([^:/@]+)(@sha256:[0-9a-f]+)?$/.exec(image)?.[1];
  const m = tag ? /^(\d+)\.(\d+)(\.\d+)?([-_.].*)?$/.exec(tag) : null;
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/** Negative, zero or positive as `a` is older than, the same release as, or newer than `b`. */
export function compareReleases(a: KafkaRelease, b: KafkaRelease): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

export function releaseString(r: KafkaRelease): string {
  return `${r.major}.${r.minor}`;
}
