/**
 * A plain static file server with no fallback rules, like nginx's defaults or
 * `python3 -m http.server`: a file is served as is, `dir/` serves `dir/index.html`, `dir` redirects
 * to `dir/`, and anything else gets 404.html with status 404. Text goes gzipped to a client that
 * asks, as from any static host. The e2e tests use it to prove the built site needs no rewrite
 * rules; the benchmarks, for realistic transfer sizes. (sirv serves only pre-compressed files and
 * serves a folder without the redirect; serve-handler does not compress.)
 *
 * Run by hand: `npx tsx scripts/static-server.ts <dir> [port] [base]`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { IMAGE_TYPES } from '../src/pipeline/enrich/images';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  // The notes' images, as the build publishes them.
  ...IMAGE_TYPES,
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|manifest\+json)|image\/svg)/;

export interface StaticServerOptions {
  /** The built site. */
  root: string;
  /** 0 (the default) for any free port. */
  port?: number;
  /** The path the site is served under (`/` or `/notes/`), as a host for a project site does. */
  base?: string;
  /** Gzip text for clients that accept it (the default). */
  gzip?: boolean;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port><base>` */
  url: string;
  close(): Promise<void>;
}

const statOf = (file: string) => stat(file).catch(() => undefined);

/** Starts the server on 127.0.0.1; resolves once it listens. */
export async function startStaticServer({
  root,
  port = 0,
  base = '/',
  gzip = true,
}: StaticServerOptions): Promise<StaticServer> {
  const dir = path.resolve(root);
  const server = createServer((req, res) => {
    const send = async (status: number, file: string) => {
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      const compress =
        gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
      const headers = compress
        ? { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' }
        : { 'content-type': type, 'content-length': (await stat(file)).size };
      res.writeHead(status, headers);
      if (req.method === 'HEAD') res.end();
      else if (compress) createReadStream(file).pipe(createGzip()).pipe(res);
      else createReadStream(file).pipe(res);
    };
    resolveRequest(dir, base, req.url ?? '/')
      .then(async (found) => {
        if ('location' in found) res.writeHead(301, { Location: found.location }).end();
        else if (found.file) await send(found.status, found.file);
        else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      })
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}${base}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

type Found = { status: number; file?: string } | { location: string };

/** What a request for `url` gets: a file (404.html, if any, for a 404), or a redirect. */
async function resolveRequest(dir: string, base: string, url: string): Promise<Found> {
  const page404 = path.join(dir, '404.html');
  const notFound = async () => ({
    status: 404,
    file: (await statOf(page404))?.isFile() ? page404 : undefined,
  });
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return notFound();
  }
  const file = path.join(dir, pathname.slice(base.length));
  if (!pathname.startsWith(base) || (file !== dir && !file.startsWith(dir + path.sep))) {
    return notFound();
  }
  if (pathname.endsWith('/')) {
    const index = path.join(file, 'index.html');
    return (await statOf(index))?.isFile() ? { status: 200, file: index } : notFound();
  }
  const info = await statOf(file);
  if (info?.isFile()) return { status: 200, file };
  if (!info?.isDirectory()) return notFound();
  const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
  return { location: `${encodeURI(pathname)}/${query}` };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true });
  const [root = 'dist', port = '4190', base = '/'] = positionals;
  const server = await startStaticServer({ root, port: Number(port), base });
  console.log(`serving ${root} at ${server.url}`);
}
