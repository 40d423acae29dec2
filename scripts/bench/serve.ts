/**
 * A tiny static file server for benchmarks: files only, no fallback to index.html (a path that
 * is not a file, or a folder with an index.html, is a 404), no caching headers. Text is sent
 * gzipped when the client asks (as every static host does), so transfer sizes are realistic.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|manifest\+json)|image\/svg)/;

export interface ServeOptions {
  /** Port to listen on; 0 for any free one. */
  port: number;
  /** Gzip text responses for clients that accept it. */
  gzip: boolean;
}

const defaults: ServeOptions = { port: 0, gzip: true };

const acceptsGzip = (request: IncomingMessage) =>
  /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** The file a request path names under `root`, or null (outside root, or none). */
async function fileFor(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const path = resolve(root, '.' + normalize(`/${decoded}`));
  if (path !== root && !path.startsWith(root + sep)) return null;
  const info = await stat(path).catch(() => null);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) {
    const index = join(path, 'index.html');
    return (await stat(index).catch(() => null))?.isFile() ? index : null;
  }
  return null;
}

/** Serve `dir` on 127.0.0.1. */
export async function serveStatic(
  dir: string,
  options: Partial<ServeOptions> = {},
): Promise<StaticServer> {
  const { port, gzip } = { ...defaults, ...options };
  const root = resolve(dir);
  const server: Server = createServer((request, response) => {
    const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname;
    fileFor(root, urlPath).then(
      async (file) => {
        if (!file) {
          response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        const { size } = await stat(file);
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        const compress = gzip && COMPRESSIBLE.test(type) && acceptsGzip(request);
        response.writeHead(
          200,
          compress
            ? { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' }
            : { 'content-type': type, 'content-length': size },
        );
        if (request.method === 'HEAD') response.end();
        else if (compress) createReadStream(file).pipe(createGzip()).pipe(response);
        else createReadStream(file).pipe(response);
      },
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
