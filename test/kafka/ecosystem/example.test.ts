import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { validateManifests } from '../../support/k8s-validate';
import { runTool } from '../monitoring/promtool';

describe('examples/ecosystem-yaml', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecosystem-example-'));
  beforeAll(() => {
    process.env.KAFKA_EXAMPLE_OUTDIR = outdir;
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    require('../../../examples/ecosystem-yaml/main');
  });
  afterAll(() => { delete process.env.KAFKA_EXAMPLE_OUTDIR; });

  test('synthesizes a KRaft cluster with every component, and every object validates', () => {
    const objects = parseAllDocuments(fs.readFileSync(path.join(outdir, 'ecosystem.yaml'), 'utf8')).map(d => d.toJSON()).filter(Boolean);
    const names = objects.map((o: any) => `${o.kind}/${o.metadata.name}`);
    expect(names).toEqual(expect.arrayContaining([
      'StatefulSet/kafka-controller-0', 'StatefulSet/kafka-broker-0', 'Deployment/kafka-schema-registry', 'Deployment/kafka-connect',
      'Deployment/kafka-ksqldb', 'Deployment/kafka-ui', 'Deployment/kafka-grafana', 'Deployment/kafka-kafka-exporter',
      'StatefulSet/kafka-prometheus', 'StatefulSet/kafka-alertmanager', 'ConfigMap/kafka-connect-connectors',
    ]));
    expect(validateManifests(objects)).toEqual([]);
    const connectors = objects.find((o: any) => o.kind === 'ConfigMap' && o.metadata.name === 'kafka-connect-connectors').data;
    expect(Object.keys(connectors).sort()).toEqual(['customers-es-sink.json', 'inventory-mysql-source.json', 'submit-connectors.sh']);
    expect(JSON.parse(connectors['customers-es-sink.json'])['connection.password']).toBe('${dir:/opt/connect-secrets/elasticsearch-credentials:password}');
  });

  test('the written rules, rule tests, Prometheus and Alertmanager configs pass promtool and amtool', () => {
    const dir = path.join(outdir, 'prometheus');
    for (const args of [['check', 'rules', 'kafka-kafka.rules.yaml'], ['test', 'rules', 'rules.test.yaml'], ['check', 'config', 'prometheus.check.yml']]) {
      const result = runTool('promtool', args, dir);
      expect({ args, status: result.status, output: result.output }).toEqual({ args, status: 0, output: expect.stringContaining('SUCCESS') });
    }
    expect(runTool('amtool', ['check-config', 'alertmanager.yml'], dir).status).toBe(0);
  });
});
