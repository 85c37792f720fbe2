import * as fs from 'fs';
import * as path from 'path';
import { FakeTools } from '../support/fake-tools';
import { resolveContainerEnv } from '../support/pod-env';
import { find } from './helpers';

/** kafka-start.sh run by bash with fake Kafka tools (start-script*.test.ts): a pod of a synthesized StatefulSet laid out on disk. */
export const ADMIN_PASSWORD = 'a1b2c3d4e5f6a7b8c9d0';
export const FAKE_KEY = '-----BEGIN PRIVATE KEY-----\nMIIfake\n-----END PRIVATE KEY-----\n';
export const FAKE_CERT = '-----BEGIN CERTIFICATE-----\nMIIcert\n-----END CERTIFICATE-----\n';

/**
 * Lays out a pod of `statefulSet` (ordinal) on the local disk: ConfigMap files, writable dirs, env from the pod spec
 * with the admin Secret's keys `adminSecretData` (default: only the password, as the bootstrap Job writes it).
 */
export function preparePod(fake: FakeTools, objects: any[], statefulSet: string, ordinal: number, overrides: Record<string, string> = {}, adminSecretData: Record<string, string> = { password: ADMIN_PASSWORD }) {
  const sts = find(objects, 'StatefulSet', statefulSet);
  const pod = sts.spec.template.spec;
  const container = pod.containers[0];
  const templateVolume = pod.volumes.find((v: any) => v.name === 'template');
  const configMap = find(objects, 'ConfigMap', templateVolume.configMap.name);
  const templateDir = path.join(fake.root, 'template');
  fs.mkdirSync(templateDir, { recursive: true });
  for (const [key, value] of Object.entries<string>(configMap.data)) fs.writeFileSync(path.join(templateDir, key), value);
  const tlsDir = path.join(fake.root, 'tls');
  fs.mkdirSync(tlsDir, { recursive: true });
  fs.writeFileSync(path.join(tlsDir, 'tls.key'), FAKE_KEY);
  fs.writeFileSync(path.join(tlsDir, 'tls.crt'), FAKE_CERT);
  const nodeTlsDir = path.join(fake.root, 'node-tls');
  fs.mkdirSync(nodeTlsDir, { recursive: true });
  fs.writeFileSync(path.join(nodeTlsDir, 'tls.key'), FAKE_KEY);
  fs.writeFileSync(path.join(nodeTlsDir, 'tls.crt'), FAKE_CERT);
  fs.writeFileSync(path.join(nodeTlsDir, 'ca.crt'), FAKE_CERT);
  const adminSecret = container.env.find((e: any) => e.name === 'KP_ADMIN_PASSWORD').valueFrom.secretKeyRef.name;
  // What the fetch-jmx-exporter init container installs into the jmx-exporter volume.
  expect(container.env.find((e: any) => e.name === 'KP_JMX_EXPORTER_JAR').value).toBe('/opt/jmx-exporter/jmx_prometheus_javaagent.jar');
  const agentJar = path.join(fake.root, 'jmx-exporter', 'jmx_prometheus_javaagent.jar');
  fs.mkdirSync(path.dirname(agentJar), { recursive: true });
  fs.writeFileSync(agentJar, 'agent');
  const env = resolveContainerEnv(container, {
    podName: `${statefulSet}-${ordinal}`,
    namespace: sts.metadata.namespace,
    secrets: { [adminSecret]: adminSecretData },
    overrides: {
      KAFKA_HOME: fake.kafkaHome,
      KP_BASE_CONFIG: path.join(templateDir, 'server.properties'),
      KP_JMX_EXPORTER_CONFIG: path.join(templateDir, 'jmx-exporter.yaml'),
      KP_JMX_EXPORTER_JAR: agentJar,
      KP_CONFIG_DIR: path.join(fake.root, 'config'),
      KP_DATA_DIR: path.join(fake.root, 'data'),
      LOG_DIR: path.join(fake.root, 'logs'),
      ...(container.env.some((e: any) => e.name === 'KP_EXTERNAL_TLS_DIR') ? { KP_EXTERNAL_TLS_DIR: tlsDir } : {}),
      ...(container.env.some((e: any) => e.name === 'KP_NODE_TLS_DIR') ? { KP_NODE_TLS_DIR: nodeTlsDir } : {}),
      ...overrides,
    },
  });
  // The container command is `/bin/bash <template>/kafka-start.sh`: run the ConfigMap's copy.
  expect(container.command).toEqual(['/bin/bash', '/etc/kafka-template/kafka-start.sh']);
  return { env, script: path.join(templateDir, 'kafka-start.sh'), tlsDir, nodeTlsDir, container };
}

