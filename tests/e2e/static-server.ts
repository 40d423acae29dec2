/**
 * A plain static file server with no fallback rules, like nginx's defaults or
 * `python3 -m http.server`: a file is served as is, `dir/` serves `dir/index.html`, `dir` redirects
 * to `dir/`, and anything else gets 404.html with status 404. The e2e tests use it to prove the
 * built site needs no rewrite rules.
 *
 * Run by hand: `npx tsx tests/e2e/static-server.ts <dir> [port] [base]`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface StaticServerOptions {
  /** The built site. */
  root: string;
  port: number;
  /** The path the site is served under (`/` or `/notes/`), as a host for a project site does. */
  base?: string;
}

const isFile = async (file: string) => (await stat(file).catch(() => undefined))?.isFile() ?? false;
const isDir = async (file: string) =>
  (await stat(file).catch(() => undefined))?.isDirectory() ?? false;

/** Starts the server; resolves once it listens. */
export async function startStaticServer({
  root,
  port,
  base = '/',
}: StaticServerOptions): Promise<Server & { url: string }> {
  const dir = path.resolve(root);
  const server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, file: string) => {
        res.writeHead(status, {
          'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        });
        if (req.method === 'HEAD') res.end();
        else createReadStream(file).pipe(res);
      };
      const notFound = async () => {
        const page = path.join(dir, '404.html');
        if (await isFile(page)) send(404, page);
        else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      };

      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      } catch {
        await notFound();
        return;
      }
      if (!pathname.startsWith(base)) {
        await notFound();
        return;
      }
      const file = path.join(dir, pathname.slice(base.length));
      if (file !== dir && !file.startsWith(dir + path.sep)) {
        await notFound();
        return;
      }
      if (pathname.endsWith('/')) {
        const index = path.join(file, 'index.html');
        if (await isFile(index)) send(200, index);
        else await notFound();
      } else if (await isFile(file)) {
        send(200, file);
      } else if (await isDir(file)) {
        const query = req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        res.writeHead(301, { Location: `${encodeURI(pathname)}/${query}` }).end();
      } else {
        await notFound();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return Object.assign(server, { url: `http://127.0.0.1:${actual}${base}` });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true });
  const [root = 'dist', port = '4190', base = '/'] = positionals;
  const server = await startStaticServer({ root, port: Number(port), base });
  console.log(`serving ${root} at ${server.url}`);
}
