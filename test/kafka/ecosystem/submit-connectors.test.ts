import { execFile, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { renderConnectorConfigJson, SUBMIT_CONNECTORS_SCRIPT } from '../../../lib/kafka/ecosystem';

/**
 * Runs the generated submission script unmodified (sh + curl) against a fake
 * Connect REST API on 127.0.0.1 that behaves like a worker: not ready at
 * first, 409 during a rebalance, 400 for an invalid config, 201/200 for
 * create/update.
 */
class FakeConnect {
  public readonly configs = new Map<string, Record<string, string>>();
  public readonly requests: string[] = [];
  public notReadyFor = 0;
  public conflictsFor = 0;
  private server!: http.Server;
  public url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', d => { body += d; });
      req.on('end', () => {
        this.requests.push(`${req.method} ${req.url}`);
        if (req.method === 'GET' && req.url === '/connector-plugins') {
          if (this.notReadyFor > 0) { this.notReadyFor--; res.writeHead(503); res.end(); return; }
          res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('[]'); return;
        }
        const m = /^\/connectors\/([^/]+)\/config$/.exec(req.url ?? '');
        if (req.method === 'PUT' && m) {
          if (req.headers['content-type'] !== 'application/json') { res.writeHead(415); res.end(); return; }
          if (this.conflictsFor > 0) { this.conflictsFor--; res.writeHead(409); res.end('{"error_code":409,"message":"Cannot complete request momentarily due to stale configuration"}'); return; }
          const config = JSON.parse(body);
          if (!config['connector.class']) { res.writeHead(400); res.end('{"error_code":400,"message":"Connector config is missing connector.class"}'); return; }
          const existed = this.configs.has(m[1]);
          this.configs.set(m[1], config);
          res.writeHead(existed ? 200 : 201, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ name: m[1], config }));
          return;
        }
        res.writeHead(404); res.end();
      });
    });
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }
}

function writeConnectors(connectors: Record<string, Record<string, string>>): { dir: string; script: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'connectors-'));
  const script = path.join(dir, 'submit-connectors.sh');
  fs.writeFileSync(script, SUBMIT_CONNECTORS_SCRIPT);
  for (const [name, config] of Object.entries(connectors)) fs.writeFileSync(path.join(dir, `${name}.json`), renderConnectorConfigJson(config));
  return { dir, script };
}

function run(script: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile('/bin/sh', [script], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', RETRY_SLEEP_SECONDS: '0', ...env }, timeout: 30000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const SOURCE = { 'connector.class': 'io.debezium.connector.mysql.MySqlConnector', 'tasks.max': '1', 'database.password': '${dir:/opt/connect-secrets/mysql:password}' };
const SINK = { 'connector.class': 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector', 'tasks.max': '2', topics: 'inventory.customers' };

describe('submit-connectors.sh', () => {
  const fake = new FakeConnect();
  beforeEach(async () => { fake.configs.clear(); fake.requests.length = 0; fake.notReadyFor = 0; fake.conflictsFor = 0; });
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  test('waits for the REST API, then PUTs every connector config; a second run changes nothing', async () => {
    fake.notReadyFor = 2;
    const { dir, script } = writeConnectors({ 'inventory-mysql-source': SOURCE, 'customers-es-sink': SINK });
    const first = await run(script, { CONNECT_URL: fake.url, CONNECTORS_DIR: dir });
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('connector customers-es-sink: applied (HTTP 201)');
    expect(first.stdout).toContain('connector inventory-mysql-source: applied (HTTP 201)');
    expect(first.stdout).toContain('applied 2 connector config(s)');
    expect(fake.configs.get('inventory-mysql-source')).toEqual(SOURCE);
    expect(fake.configs.get('customers-es-sink')).toEqual(SINK);
    expect(fake.requests.filter(r => r === 'GET /connector-plugins')).toHaveLength(3);
    const snapshot = JSON.stringify([...fake.configs]);
    const second = await run(script, { CONNECT_URL: fake.url, CONNECTORS_DIR: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('connector inventory-mysql-source: applied (HTTP 200)');
    expect(JSON.stringify([...fake.configs])).toBe(snapshot);
  });

  test('retries while the worker group rebalances (409)', async () => {
    fake.conflictsFor = 2;
    const { dir, script } = writeConnectors({ a: SOURCE });
    const result = await run(script, { CONNECT_URL: `${fake.url}/`, CONNECTORS_DIR: dir });
    expect(result.code).toBe(0);
    expect(fake.requests.filter(r => r === 'PUT /connectors/a/config')).toHaveLength(3);
  });

  test('fails with Connect\'s message when a config is rejected', async () => {
    const { dir, script } = writeConnectors({ broken: { 'tasks.max': '1' } });
    const result = await run(script, { CONNECT_URL: fake.url, CONNECTORS_DIR: dir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('connector broken: rejected (HTTP 400): {"error_code":400,"message":"Connector config is missing connector.class"}');
  });

  test('fails when the REST API never answers', async () => {
    const { dir, script } = writeConnectors({ a: SOURCE });
    const result = await run(script, { CONNECT_URL: 'http://127.0.0.1:9', CONNECTORS_DIR: dir, WAIT_SECONDS: '2' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('did not answer within 2s');
  });

  test('refuses to run without its inputs', async () => {
    const { script } = writeConnectors({});
    const result = await run(script, {});
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('set CONNECT_URL');
  });

  test('passes shellcheck', () => {
    const { script } = writeConnectors({});
    const result = spawnSync('shellcheck', ['-s', 'sh', script], { encoding: 'utf8' });
    if (result.error) throw new Error(`shellcheck is required (Debian package shellcheck): ${result.error.message}`);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
