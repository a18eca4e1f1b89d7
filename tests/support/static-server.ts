// A small static server over a build, for browser tests that must change what the server sends mid-test (a new
// deploy of the service worker). Serves `<dist>` under the base path, directories as index.html, 404.html for misses.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  /** Replaces the body of one site path (e.g. `sw.js`) from now on. */
  override(path: string, body: (original: string) => string): void;
  close(): Promise<void>;
}

export async function serveDist(dist: string, base: string): Promise<StaticServer> {
  const overrides = new Map<string, (original: string) => string>();
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const site = pathname.startsWith(base) ? pathname.slice(base.length) : undefined;
    let file = site === undefined ? undefined : normalize(join(dist, site));
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !file.startsWith(normalize(dist)) || !existsSync(file)) {
      res.writeHead(404, { 'Content-Type': TYPES['.html'] as string });
      res.end(readFileSync(join(dist, '404.html')));
      return;
    }
    const override = site === undefined ? undefined : overrides.get(site);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    res.end(override ? override(readFileSync(file, 'utf8')) : readFileSync(file));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    override: (path, body) => overrides.set(path, body),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
