import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KafkaPlatformValidationError } from '../../../lib/errors';
import { KafkaMetadataMode, KafkaProfile } from '../../../lib/kafka';
import { validateManifests } from '../../support/k8s-validate';
import { allContainers, EVERYTHING, ofKind, synthEcosystem } from './support';

describe('KafkaEcosystem with every component on', () => {
  const { objects, ecosystem, cluster } = synthEcosystem(EVERYTHING);

  test('every object passes the Kubernetes OpenAPI schema and unknown-field checks', () => {
    expect(validateManifests(objects)).toEqual([]);
  });

  test('the validator does catch a misspelt field in our output (the check can fail)', () => {
    const broken = JSON.parse(JSON.stringify(objects));
    const deployment = broken.find((o: any) => o.kind === 'Deployment' && o.metadata.name === 'kafka-schema-registry');
    deployment.spec.template.spec.containers[0].readinesProbe = deployment.spec.template.spec.containers[0].readinessProbe;
    expect(validateManifests(broken).join('\n')).toMatch(/readinesProbe: unknown field/);
  });

  test('creates each component', () => {
    expect(ecosystem.schemaRegistry).toBeDefined();
    expect(ecosystem.connect).toBeDefined();
    expect(ecosystem.ksqlDb).toBeDefined();
    expect(ecosystem.ui).toBeDefined();
    expect(ecosystem.monitoring?.alertmanager).toBeDefined();
    expect(ecosystem.grafana).toBeDefined();
    const deployments = ofKind(objects, 'Deployment').map(d => d.metadata.name).sort();
    expect(deployments).toEqual(['kafka-certificate-probe', 'kafka-connect', 'kafka-grafana', 'kafka-kafka-exporter', 'kafka-ksqldb', 'kafka-schema-registry', 'kafka-ui']);
    expect(ofKind(objects, 'StatefulSet').map(s => s.metadata.name)).toEqual(expect.arrayContaining(['kafka-prometheus', 'kafka-alertmanager']));
  });

  test('every image is pinned by tag and none is latest', () => {
    const images = allContainers(objects).map(c => c.container.image as string);
    expect(images.length).toBeGreaterThan(10);
    for (const image of images) {
      expect(image).toMatch(/:[A-Za-z0-9._-]+$|@sha256:[0-9a-f]{64}$/);
      expect(image).not.toMatch(/:latest$/);
    }
  });

  test('every container of the ecosystem runs non-root with the restricted profile, resources and (main containers) probes', () => {
    const ours = allContainers(objects).filter(c => !c.owner.includes('/kafka-broker') && !c.owner.includes('/kafka-controller') && !/Job\/kafka-(secrets|users|topics)/.test(c.owner));
    expect(ours.length).toBeGreaterThanOrEqual(11);
    for (const { owner, container, init } of ours) {
      const sc = container.securityContext;
      expect({ owner, sc }).toMatchObject({ sc: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } });
      expect({ owner, r: container.resources }).toMatchObject({ r: { requests: { cpu: expect.any(String), memory: expect.any(String) }, limits: { cpu: expect.any(String), memory: expect.any(String) } } });
      // Batch pods (Jobs, CronJobs) run to completion: no probes.
      if (!init && !owner.startsWith('Job/') && !owner.startsWith('CronJob/')) {
        expect({ owner, probe: container.readinessProbe?.httpGet?.path }).toEqual({ owner, probe: expect.any(String) });
        expect({ owner, probe: container.livenessProbe?.httpGet?.path }).toEqual({ owner, probe: expect.any(String) });
      }
    }
    for (const w of [...ofKind(objects, 'Deployment'), ...ofKind(objects, 'StatefulSet')].filter(w => !/^kafka-(broker|controller)/.test(w.metadata.name))) {
      expect({ name: w.metadata.name, sc: w.spec.template.spec.securityContext }).toMatchObject({ sc: { runAsNonRoot: true, runAsUser: expect.any(Number), seccompProfile: { type: 'RuntimeDefault' } } });
      expect(w.spec.template.spec.securityContext.runAsUser).toBeGreaterThan(0);
    }
  });

  test('no Secret, ConfigMap or env value carries a literal password', () => {
    expect(ofKind(objects, 'Secret').filter(s => s.metadata.labels?.['app.kubernetes.io/managed-by'] === 'cdktf-kafka-platform' && /schema|connect|ksql|ui|grafana|prometheus|alertmanager|exporter/.test(s.metadata.name))).toEqual([]);
    for (const { owner, container } of allContainers(objects)) {
      for (const e of container.env ?? []) {
        if (/PASSWORD|JAAS/.test(e.name)) expect({ owner, name: e.name, value: e.value }).toEqual({ owner, name: e.name, value: undefined });
      }
    }
    const text = JSON.stringify(ofKind(objects, 'ConfigMap'));
    expect(text).not.toMatch(/password="[^$]/);
  });

  test('every Kafka client component uses its own SCRAM user of this cluster', () => {
    const users = cluster.declaredUsers.map(u => u.username);
    expect(users).toEqual(expect.arrayContaining(['kafka-schema-registry', 'kafka-connect', 'kafka-ksqldb', 'kafka-ui', 'kafka-kafka-exporter']));
  });

  test('every shell script our init containers and Jobs run passes shellcheck', () => {
    const scripts = allContainers(objects)
      .filter(c => Array.isArray(c.container.command) && c.container.command[0] === '/bin/sh' && c.container.command[1] === '-c')
      .filter(c => !/\/kafka-(broker|controller)|Job\/kafka-(secrets|users|topics)/.test(c.owner));
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eco-scripts-'));
    scripts.forEach((s, i) => {
      const file = path.join(dir, `script-${i}.sh`);
      fs.writeFileSync(file, `#!/bin/sh\n${s.container.command[2]}\n`);
      const result = spawnSync('shellcheck', ['-s', 'sh', file], { encoding: 'utf8' });
      if (result.error) throw new Error(`shellcheck is required (Debian package shellcheck): ${result.error.message}`);
      expect({ owner: s.owner, container: s.container.name, output: result.stdout }).toEqual({ owner: s.owner, container: s.container.name, output: '' });
    });
  });

  test('synth is deterministic (byte-identical)', () => {
    const again = synthEcosystem(EVERYTHING).objects;
    expect(JSON.stringify(again)).toBe(JSON.stringify(objects));
  });
});

describe('KafkaEcosystem on a ZooKeeper-mode cluster', () => {
  test('every component synthesizes and validates; quorum alerts target ZooKeeper and the brokers', () => {
    const { objects, ecosystem } = synthEcosystem(EVERYTHING, { metadataMode: KafkaMetadataMode.ZOOKEEPER });
    expect(validateManifests(objects)).toEqual([]);
    const alerts = ecosystem.monitoring!.alertRules;
    expect(alerts.find(r => r.alert === 'ZooKeeperDown')!.expr).toBe('up{job="kafka-zookeeper"} == 0');
    expect(alerts.find(r => r.alert === 'KafkaOfflinePartitions')!.expr).toContain('{job="kafka-brokers"}');
  });
});

describe('KafkaEcosystem defaults', () => {
  test('Schema Registry, Connect and monitoring are on; Grafana, UI and ksqlDB are off', () => {
    const { ecosystem, objects } = synthEcosystem();
    expect(ecosystem.schemaRegistry).toBeDefined();
    expect(ecosystem.connect).toBeDefined();
    expect(ecosystem.monitoring).toBeDefined();
    expect(ecosystem.monitoring?.alertmanager).toBeUndefined();
    expect(ecosystem.grafana).toBeUndefined();
    expect(ecosystem.ui).toBeUndefined();
    expect(ecosystem.ksqlDb).toBeUndefined();
    expect(ofKind(objects, 'Deployment').map(d => d.metadata.name)).not.toContain('kafka-ui');
    expect(validateManifests(objects)).toEqual([]);
  });

  test('each component can be switched off', () => {
    const { ecosystem } = synthEcosystem({ schemaRegistry: false, connect: false, monitoring: false });
    expect(ecosystem.schemaRegistry).toBeUndefined();
    expect(ecosystem.connect).toBeUndefined();
    expect(ecosystem.monitoring).toBeUndefined();
  });

  test('Grafana without monitoring is an error naming the prop', () => {
    expect(() => synthEcosystem({ monitoring: false, grafana: true })).toThrow(KafkaPlatformValidationError);
    expect(() => synthEcosystem({ monitoring: false, grafana: true })).toThrow(/grafana: .*monitoring.*Fix: turn monitoring on/);
  });

  test('the development profile accepts single replicas and soft placement', () => {
    const { objects } = synthEcosystem(
      { schemaRegistry: { replicas: 1 }, connect: { replicas: 1 }, monitoring: { prometheus: { replicas: 1 } } },
      { profile: KafkaProfile.DEVELOPMENT, zones: ['zone-a'] },
    );
    const sr = objects.find(o => o.kind === 'Deployment' && o.metadata.name === 'kafka-schema-registry');
    expect(sr.spec.replicas).toBe(1);
    expect(sr.spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toBeUndefined();
    expect(sr.spec.template.spec.topologySpreadConstraints[0].whenUnsatisfiable).toBe('ScheduleAnyway');
    expect(validateManifests(objects)).toEqual([]);
  });

  test('a single-broker development cluster gets RF 1 / min ISR 1 internal topics (the only possible values)', () => {
    const singleBroker = {
      profile: KafkaProfile.DEVELOPMENT, zones: ['zone-a'], controllers: { replicas: 1 },
      brokers: { replicas: 1, config: { 'default.replication.factor': '1', 'offsets.topic.replication.factor': '1', 'transaction.state.log.replication.factor': '1', 'transaction.state.log.min.isr': '1', 'min.insync.replicas': '1' } },
    };
    const { objects, cluster } = synthEcosystem(
      { schemaRegistry: { replicas: 1 }, connect: { replicas: 1 }, monitoring: { prometheus: { replicas: 1 } }, ksqlDb: { replicas: 1 } },
      singleBroker as any,
    );
    for (const name of ['_schemas', 'kafka-connect-configs', 'kafka-connect-offsets', 'kafka-connect-status']) {
      expect(cluster.declaredTopics.find(t => t.name === name)).toMatchObject({ replicationFactor: 1, config: { 'min.insync.replicas': '1' } });
    }
    expect(validateManifests(objects)).toEqual([]);
    // min ISR above RF is still an error there.
    expect(() => synthEcosystem({ schemaRegistry: { replicas: 1, topicMinInsyncReplicas: 2 }, connect: false, monitoring: false }, singleBroker as any))
      .toThrow(/\[test\/eco\/schema-registry\] topicMinInsyncReplicas: topic "_schemas": min.insync.replicas 2 is not below the replication factor 1/);
  });

  test('the production profile rejects a single replica, naming the prop', () => {
    expect(() => synthEcosystem({ schemaRegistry: { replicas: 1 } })).toThrow(/\[test\/eco\/schema-registry\] replicas: 1 replica\(s\) is not highly available.*Fix: set replicas to 2 or more/);
    expect(() => synthEcosystem({ connect: { replicas: 1 } })).toThrow(/\[test\/eco\/connect\] replicas:/);
    expect(() => synthEcosystem({ ksqlDb: { replicas: 1 } })).toThrow(/\[test\/eco\/ksqldb\] replicas:/);
    expect(() => synthEcosystem({ monitoring: { prometheus: { replicas: 1 } } })).toThrow(/prometheus\.replicas:/);
  });
});

// The image check itself is tested in test/kafka/k8s/image-pinning.test.ts.
describe('image pinning in the ecosystem', () => {
  test('a latest image prop fails synth naming the construct and prop', () => {
    expect(() => synthEcosystem({ schemaRegistry: { image: 'confluentinc/cp-schema-registry:latest' } })).toThrow(/\[test\/eco\/schema-registry\] image: .*latest/);
  });
});
