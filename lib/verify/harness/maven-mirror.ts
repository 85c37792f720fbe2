/* eslint-disable @typescript-eslint/no-explicit-any */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { MavenDependency } from '../jars/maven-pom';
import { K8sObject, podTemplate } from './k8s-objects';

/** The Maven Central spellings an init container may download from. */
const CENTRAL_PREFIXES = ['https://repo1.maven.org/maven2/', 'https://repo.maven.apache.org/maven2/'];

/**
 * Artifacts the workloads' init containers download from Maven Central (the
 * JMX exporter agent), read from their commands: `<prefix><group path>/<artifact>/<version>/<artifact>-<version>.jar`.
 */
export function mavenCentralDownloads(workloads: K8sObject[]): MavenDependency[] {
  const found = new Map<string, MavenDependency>();
  for (const w of workloads) {
    for (const c of podTemplate(w).spec.initContainers ?? []) {
      const text = [...(c.command ?? []), ...(c.args ?? [])].join('\n');
      for (const prefix of CENTRAL_PREFIXES) {
        const re = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}([A-Za-z0-9_./-]+?)/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)/\\2-\\3\\.jar`, 'g');
        for (const m of text.matchAll(re)) {
          const dep = { groupId: m[1].replace(/\//g, '.'), artifactId: m[2], version: m[3] };
          found.set(`${dep.groupId}:${dep.artifactId}:${dep.version}`, dep);
        }
      }
    }
  }
  return [...found.values()].sort((a, b) => `${a.groupId}:${a.artifactId}`.localeCompare(`${b.groupId}:${b.artifactId}`));
}

export interface MavenMirror {
  /** `http://127.0.0.1:<port>/maven2/` */
  readonly url: string;
  /** Maven Central URL prefix -> this mirror (rewrite.ts 6.). */
  readonly rewrites: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Serves a directory in Maven's repository layout on 127.0.0.1 (GET only,
 * nothing outside the directory), so an init container's `curl` of Maven
 * Central gets the cached file and its SHA-256 check runs on it unchanged.
 */
export async function startMavenMirror(repoDir: string): Promise<MavenMirror> {
  const root = path.resolve(repoDir);
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = path.resolve(root, `.${urlPath.replace(/^\/maven2/, '')}`);
    if (req.method !== 'GET' || !file.startsWith(`${root}${path.sep}`) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/java-archive', 'content-length': fs.statSync(file).size });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/maven2/`;
  return {
    url,
    rewrites: Object.fromEntries(CENTRAL_PREFIXES.map((p) => [p, url])),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
