import { KafkaPlatformValidationError } from '../../errors';
import { assertPinnedImage } from '../k8s/image-pinning';
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
    const ext = this.options.extension ?? 'tar.gz';
    const dir = `${CONNECT_PLUGIN_DIR}/${this.name}`;
    const unpack = ext === 'jar'
      ? `mv /tmp/${this.name}.download ${dir}/${this.options.artifactId}-${this.options.version}.jar`
      : `tar -xzf /tmp/${this.name}.download -C ${dir} && rm /tmp/${this.name}.download`;
    const script = [
      'set -eu',
      `mkdir -p ${dir}`,
      `curl -fsSL --retry 5 --retry-connrefused -o /tmp/${this.name}.download '${this.url}'`,
      `echo '${this.options.sha256}  /tmp/${this.name}.download' | sha256sum -c -`,
      unpack,
    ].join('\n');
    return {
      name: `plugin-${this.name}`,
      image: connectImage,
      command: ['/bin/sh', '-c', script],
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
    if (!this.sourcePath.startsWith('/')) {
      throw new KafkaPlatformValidationError(constructPath, `${prop}.sourcePath`, `"${this.sourcePath}" is not an absolute path`, 'give the absolute directory of the plugin jars inside the image');
    }
    const dir = `${CONNECT_PLUGIN_DIR}/${this.name}`;
    return {
      name: `plugin-${this.name}`,
      image: this.image,
      command: ['/bin/sh', '-c', `set -eu\nmkdir -p ${dir}\ncp -R '${this.sourcePath.replace(/\/+$/, '')}/.' ${dir}/`],
      volumeMounts: [{ name: 'connect-plugins', mountPath: CONNECT_PLUGIN_DIR }],
      resources: INIT_RESOURCES,
      securityContext: restrictedContainerSecurityContext(),
    };
  }
}
