import { KafkaPlatformValidationError } from '../../errors';
import { assertPinnedImage } from '../k8s/image-pinning';
import { plainStringProblem } from '../k8s/prop-shape';
import { restrictedContainerSecurityContext } from '../k8s/security-context';

/** Directory on the Connect workers where plugins are installed (one sub-directory per plugin). */
export const CONNECT_PLUGIN_DIR = '/opt/connect-plugins';

export interface MavenPluginOptions {
  /** Plugin directory name (`debezium-mysql`). */
  readonly name: string;
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  /** e.g. `plugin` for Debezium's packaged connectors. @default - none */
  readonly classifier?: string;
  /** @default 'tar.gz' */
  readonly extension?: 'tar.gz' | 'jar';
  /** SHA-256 of the artifact; the init container refuses anything else. */
  readonly sha256: string;
  /** Maven repository base URL (an internal mirror for air-gapped clusters). @default https://repo1.maven.org/maven2 */
  readonly repositoryUrl?: string;
}

/**
 * A Kafka Connect plugin installed into the workers' plugin path by an init
 * container before the worker starts. Two sources:
 * - `fromMavenCentral`: downloads a released artifact and verifies its SHA-256;
 * - `fromImage`: copies the plugin's files out of an image you build.
 * (Alternatively set `KafkaConnectProps.image` to an image with the plugins baked in.)
 */
export abstract class ConnectPlugin {
  public static fromMavenCentral(options: MavenPluginOptions): ConnectPlugin {
    return new MavenConnectPlugin(options);
  }

  /** Copies everything under `sourcePath` in `image` to the plugin path. The image needs `/bin/sh` and `cp`. */
  public static fromImage(name: string, image: string, sourcePath: string): ConnectPlugin {
    return new ImageConnectPlugin(name, image, sourcePath);
  }

  public abstract readonly name: string;
  /** Init container that installs the plugin into the `connect-plugins` volume. */
  public abstract initContainer(connectImage: string, constructPath: string, prop: string): Record<string, any>;
}

const PLUGIN_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAVEN_COORDINATE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const PLAIN_URL = /^https?:\/\/[^\s"'`$\\]+$/;

function validatePluginName(constructPath: string, prop: string, name: string): void {
  if (!PLUGIN_NAME.test(name) || name.length > 50) {
    throw new KafkaPlatformValidationError(constructPath, `${prop}.name`, `plugin name "${name}" must be a DNS label (lower-case letters, digits, "-")`, 'rename the plugin, e.g. "debezium-mysql"');
  }
}

const INIT_RESOURCES = { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } };

class MavenConnectPlugin extends ConnectPlugin {
  public readonly name: string;
  constructor(private readonly options: MavenPluginOptions) {
    super();
    this.name = options.name;
  }

  /** Maven Central URL of the artifact. */
  public get url(): string {
    const o = this.options;
    const ext = o.extension ?? 'tar.gz';
    const base = (o.repositoryUrl ?? 'https://repo1.maven.org/maven2').replace(/\/+$/, '');
    const file = `${o.artifactId}-${o.version}${o.classifier ? '-' + o.classifier : ''}.${ext}`;
    return `${base}/${o.groupId.replace(/\./g, '/')}/${o.artifactId}/${o.version}/${file}`;
  }

  public initContainer(connectImage: string, constructPath: string, prop: string): Record<string, any> {
    validatePluginName(constructPath, prop, this.name);
    if (!/^[0-9a-f]{64}$/.test(this.options.sha256)) {
      throw new KafkaPlatformValidationError(constructPath, `${prop}.sha256`, `"${this.options.sha256}" is not a SHA-256 hex digest`, 'run `sha256sum` on the artifact and paste the 64 hex characters');
    }
    const o = this.options;
    // Coordinates end up in a URL and a file name: Maven's own character set, nothing a shell or URL would read specially.
    const coordinates: Array<[string, string | undefined]> = [['groupId', o.groupId], ['artifactId', o.artifactId], ['version', o.version], ['classifier', o.classifier]];
    for (const [field, value] of coordinates) {
      if (value !== undefined && !MAVEN_COORDINATE.test(value)) {
        throw new KafkaPlatformValidationError(constructPath, `${prop}.${field}`, `${JSON.stringify(value)} is not a Maven coordinate`, 'use letters, digits, ".", "_" and "-" as in the artifact\'s pom');
      }
    }
    if (o.repositoryUrl !== undefined && !PLAIN_URL.test(o.repositoryUrl)) {
      throw new KafkaPlatformValidationError(constructPath, `${prop}.repositoryUrl`, `${JSON.stringify(o.repositoryUrl)} is not a plain http(s) URL`, 'use the base URL of your Maven mirror, without spaces or quotes');
    }
    const ext = o.extension ?? 'tar.gz';
    if (ext !== 'tar.gz' && ext !== 'jar') throw new KafkaPlatformValidationError(constructPath, `${prop}.extension`, `${JSON.stringify(ext)} is neither "tar.gz" nor "jar"`, 'use "tar.gz" or "jar"');
    // Data reaches the script as environment variables, never as code: the script text is fixed.
    const unpack = ext === 'jar'
      ? 'mv /tmp/plugin.download "$PLUGIN_DIR/$PLUGIN_JAR"'
      : 'tar -xzf /tmp/plugin.download -C "$PLUGIN_DIR" && rm /tmp/plugin.download';
    const script = [
      'set -eu',
      'mkdir -p "$PLUGIN_DIR"',
      'curl -fsSL --retry 5 --retry-connrefused -o /tmp/plugin.download "$PLUGIN_URL"',
      'printf \'%s  /tmp/plugin.download\\n\' "$PLUGIN_SHA256" | sha256sum -c -',
      unpack,
    ].join('\n');
    return {
      name: `plugin-${this.name}`,
      image: connectImage,
      command: ['/bin/sh', '-c', script],
      env: [
        { name: 'PLUGIN_DIR', value: `${CONNECT_PLUGIN_DIR}/${this.name}` },
        { name: 'PLUGIN_URL', value: this.url },
        { name: 'PLUGIN_SHA256', value: o.sha256 },
        ...(ext === 'jar' ? [{ name: 'PLUGIN_JAR', value: `${o.artifactId}-${o.version}.jar` }] : []),
      ],
      volumeMounts: [{ name: 'connect-plugins', mountPath: CONNECT_PLUGIN_DIR }, { name: 'tmp', mountPath: '/tmp' }],
      resources: INIT_RESOURCES,
      securityContext: restrictedContainerSecurityContext(),
    };
  }
}

class ImageConnectPlugin extends ConnectPlugin {
  constructor(public readonly name: string, private readonly image: string, private readonly sourcePath: string) {
    super();
  }

  public initContainer(_connectImage: string, constructPath: string, prop: string): Record<string, any> {
    validatePluginName(constructPath, prop, this.name);
    assertPinnedImage(constructPath, `${prop}.image`, this.image);
    if (typeof this.sourcePath !== 'string' || !this.sourcePath.startsWith('/') || plainStringProblem(this.sourcePath) !== undefined) {
      throw new KafkaPlatformValidationError(constructPath, `${prop}.sourcePath`, `"${this.sourcePath}" is not an absolute path`, 'give the absolute directory of the plugin jars inside the image');
    }
    return {
      name: `plugin-${this.name}`,
      image: this.image,
      // The path is data (an env var), never spliced into the script: a quote in it cannot end the word.
      command: ['/bin/sh', '-c', 'set -eu\nmkdir -p "$PLUGIN_DIR"\ncp -R "$PLUGIN_SOURCE/." "$PLUGIN_DIR/"'],
      env: [
        { name: 'PLUGIN_DIR', value: `${CONNECT_PLUGIN_DIR}/${this.name}` },
        { name: 'PLUGIN_SOURCE', value: this.sourcePath.replace(/\/+$/, '') },
      ],
      volumeMounts: [{ name: 'connect-plugins', mountPath: CONNECT_PLUGIN_DIR }],
      resources: INIT_RESOURCES,
      securityContext: restrictedContainerSecurityContext(),
    };
  }
}
