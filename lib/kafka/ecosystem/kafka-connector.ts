import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { CONNECT_SECRETS_DIR } from './connect-worker-config';
import { ConnectorTopicAccess, connectorAcls } from './connector-acls';
import type { ConnectorSecretRef, KafkaConnect } from './kafka-connect';

export interface KafkaConnectorProps {
  /** The Connect cluster that runs the connector. */
  readonly connect: KafkaConnect;
  /** Connector name (part of the REST URL). @default - the construct id */
  readonly name?: string;
  /** Fully qualified connector class (`io.debezium.connector.mysql.MySqlConnector`). */
  readonly connectorClass: string;
  /** @default 1 */
  readonly tasksMax?: number;
  /** Non-secret config. Values are strings, as Connect expects. @default {} */
  readonly config?: Record<string, string>;
  /**
   * Secret config values, by config key, read from Kubernetes Secrets. The
   * Secret is mounted on the workers and the config gets a
   * `${dir:/opt/connect-secrets/<secret>:<key>}` reference; the value never
   * enters a manifest or the Connect REST API. @default {}
   */
  readonly secrets?: Record<string, ConnectorSecretRef>;
  /**
   * Topics the connector uses beyond what its config names in `topics`,
   * `topic` or `topic.prefix`; the Connect workers get ACLs for exactly these.
   * @default - only the topics the config names
   */
  readonly topicAccess?: ConnectorTopicAccess;
}

const CONNECTOR_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;
const SECRET_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
/** Config keys whose literal values are credentials. */
const SECRET_LOOKING_KEY = /(password|secret|token|credential|api[._-]?key|private[._-]?key|sasl\.jaas\.config)$/i;
/** Keys the typed props own. */
const RESERVED_KEYS = ['name', 'connector.class', 'tasks.max'];

/**
 * A connector, declared in code and applied idempotently by the Connect
 * cluster's submission Job (`PUT /connectors/<name>/config`).
 */
export class KafkaConnector extends Construct {
  public readonly connectorName: string;
  /** The config sent to Connect (secrets as `${dir:...}` references). */
  public readonly renderedConfig: Record<string, string>;

  constructor(scope: Construct, id: string, props: KafkaConnectorProps) {
    super(scope, id);
    const path = this.node.path;
    const name = props.name ?? id;
    if (!CONNECTOR_NAME.test(name)) {
      throw new KafkaPlatformValidationError(path, 'name', `connector name "${name}" must use only letters, digits, ".", "_" and "-"`, 'rename the connector, e.g. "inventory-mysql-source"');
    }
    if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/.test(props.connectorClass)) {
      throw new KafkaPlatformValidationError(path, 'connectorClass', `"${props.connectorClass}" is not a fully qualified Java class name`, 'use the class name from the plugin, e.g. "io.debezium.connector.mysql.MySqlConnector"');
    }
    const tasksMax = props.tasksMax ?? 1;
    if (!Number.isInteger(tasksMax) || tasksMax < 1) {
      throw new KafkaPlatformValidationError(path, 'tasksMax', `must be a positive integer, got ${tasksMax}`, 'set tasksMax to 1 or more');
    }
    const config = props.config ?? {};
    const secrets = props.secrets ?? {};
    for (const [key, value] of Object.entries(config)) {
      if (RESERVED_KEYS.includes(key)) {
        throw new KafkaPlatformValidationError(path, `config["${key}"]`, 'is set by the typed props', key === 'tasks.max' ? 'use tasksMax' : key === 'connector.class' ? 'use connectorClass' : 'use name');
      }
      if (typeof value !== 'string') {
        throw new KafkaPlatformValidationError(path, `config["${key}"]`, `value must be a string, got ${typeof value}`, `write it as "${String(value)}"`);
      }
      if (SECRET_LOOKING_KEY.test(key) && !value.startsWith('${')) {
        throw new KafkaPlatformValidationError(path, `config["${key}"]`, 'holds a literal credential, which would be stored in a ConfigMap and shown by the REST API',
          `move it to a Kubernetes Secret and reference it with secrets: { "${key}": { secretName: "...", key: "..." } }`);
      }
      if (key in secrets) {
        throw new KafkaPlatformValidationError(path, `config["${key}"]`, 'is set in both config and secrets', 'keep it only in secrets');
      }
    }
    const rendered: Record<string, string> = { 'connector.class': props.connectorClass, 'tasks.max': String(tasksMax), ...config };
    const secretNames = new Set<string>();
    for (const [key, ref] of Object.entries(secrets)) {
      if (!SECRET_NAME.test(ref.secretName)) {
        throw new KafkaPlatformValidationError(path, `secrets["${key}"].secretName`, `"${ref.secretName}" is not a valid Secret name`, 'use the name of an existing Secret in the cluster namespace');
      }
      if (!SECRET_KEY.test(ref.key)) {
        throw new KafkaPlatformValidationError(path, `secrets["${key}"].key`, `"${ref.key}" is not a valid Secret key`, 'use a key of the Secret (letters, digits, "-", "_", ".")');
      }
      rendered[key] = `\${dir:${CONNECT_SECRETS_DIR}/${ref.secretName}:${ref.key}}`;
      secretNames.add(ref.secretName);
    }
    this.connectorName = name;
    this.renderedConfig = rendered;
    props.connect.registerConnector(path, { name, config: rendered, secretNames: [...secretNames].sort(), acls: connectorAcls(path, name, config, props.topicAccess) });
  }
}
