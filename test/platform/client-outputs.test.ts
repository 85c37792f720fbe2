import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { AwsKafkaCloud } from '../../lib/cloud/aws/aws-kafka-cloud';
import { AclOperation, LoadBalancerExposure } from '../../lib/kafka/types';
import { acl } from '../../lib/kafka';
import { clientOutputName, KafkaPlatform, PlatformKafkaClusterProps } from '../../lib/platform';

/** The workloads stack carries one non-secret client configuration output per declared user. */

function synth(kafka: PlatformKafkaClusterProps): { platform: KafkaPlatform; outputs: Record<string, any> } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-outputs-'));
  const app = Testing.stubVersion(new App({ outdir, stackTraces: false }));
  const platform = new KafkaPlatform(app, 'kafka', {
    cloud: new AwsKafkaCloud({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] }),
    kafka,
    ecosystem: { connect: false, monitoring: true },
    workloads: (_chart, cluster) => { cluster.addUser('orders.app', { acls: [acl.topic('orders', AclOperation.READ)] }); },
  });
  app.synth();
  const text = fs.readFileSync(path.join(outdir, 'stacks', 'kafka-workloads', 'cdk.tf.json'), 'utf8');
  return { platform, outputs: JSON.parse(text).output };
}

describe('client configuration outputs (TLS, the default)', () => {
  const { platform, outputs } = synth({});

  test('one output per declared user, none for the admin', () => {
    const users = platform.kafka.declaredUsers.map(u => u.username);
    expect(users).toEqual(expect.arrayContaining(['orders.app', 'kafka-schema-registry', 'kafka-kafka-exporter']));
    const names = Object.keys(outputs).filter(n => n.startsWith('kafka-client-')).sort();
    expect(names).toEqual(users.map(clientOutputName).sort());
    expect(names).not.toContain(clientOutputName(platform.kafka.adminCredentials.username));
  });

  test('the facts a client needs: bootstrap servers, SASL_SSL, SCRAM-SHA-512, Secret and CA bundle names', () => {
    const creds = platform.kafka.declaredUsers.find(u => u.username === 'orders.app')!;
    expect(outputs['kafka-client-orders_app']).toEqual({
      value: {
        username: 'orders.app',
        bootstrap_servers: platform.kafka.internalBootstrapServers,
        security_protocol: 'SASL_SSL',
        sasl_mechanism: 'SCRAM-SHA-512',
        namespace: 'kafka',
        credentials_secret: creds.secretName,
        credentials_jaas_config_key: creds.jaasConfigKey,
        credentials_password_key: creds.passwordKey,
        ca_bundle_configmap: 'kafka-ca-bundle',
        ca_bundle_key: 'ca.crt',
      },
      description: `Kafka client configuration of user orders.app (no password: mount Secret ${creds.secretName})`,
    });
  });

  test('no output holds a password or a private key, and none is sensitive', () => {
    for (const [name, output] of Object.entries(outputs)) {
      if (!name.startsWith('kafka-client-')) continue;
      expect({ name, sensitive: output.sensitive }).toEqual({ name, sensitive: undefined });
      expect(JSON.stringify(output.value)).not.toMatch(/password=|BEGIN|PRIVATE/);
    }
  });
});

describe('client configuration outputs with tls.dangerouslyUsePlaintextInternalListeners', () => {
  const { outputs } = synth({ tls: { dangerouslyUsePlaintextInternalListeners: true } });

  test('SASL_PLAINTEXT and no CA bundle', () => {
    const value = outputs['kafka-client-orders_app'].value;
    expect(value.security_protocol).toBe('SASL_PLAINTEXT');
    expect(Object.keys(value).filter(k => k.startsWith('ca_bundle'))).toEqual([]);
  });
});

describe('client configuration outputs with an external listener', () => {
  const { platform, outputs } = synth({
    externalListener: { domain: 'kafka.example.internal', loadBalancer: { exposure: LoadBalancerExposure.INTERNAL }, tls: { secretName: 'kafka-tls' } },
  });

  test('the external bootstrap address too', () => {
    expect(outputs['kafka-client-orders_app'].value.external_bootstrap_servers).toBe(platform.kafka.externalBootstrapServers);
    expect(platform.kafka.externalBootstrapServers).toBe('bootstrap.kafka.example.internal:9094');
  });
});
