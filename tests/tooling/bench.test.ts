import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressedSizes, measureFiles } from '../../scripts/bench/file-sizes';
import { formatBytes, totalOf } from '../../scripts/bench/report';
import { startStaticServer, type StaticServer } from '../../scripts/static-server';

let root: string;
let server: StaticServer;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'lanyard-bench-'));
  await mkdir(path.join(root, 'data'), { recursive: true });
  await mkdir(path.join(root, 'talks', 'a'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<h1>home</h1>');
  await writeFile(path.join(root, 'talks', 'a', 'index.html'), '<h1>a</h1>');
  await writeFile(
    path.join(root, 'data', 'bundle.json'),
    JSON.stringify({ talks: 'x'.repeat(5000) }),
  );
  server = await startStaticServer({ root: root });
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('startStaticServer', () => {
  it.each([
    ['', 200, '<h1>home</h1>'],
    ['talks/a/', 200, '<h1>a</h1>'],
    ['talks/a', 200, '<h1>a</h1>'],
    ['talks/b/', 404, 'not found'],
    ['missing.js', 404, 'not found'],
    ['..%2f..%2fetc%2fpasswd', 404, 'not found'],
  ])('GET /%s → %i', async (urlPath, status, body) => {
    const response = await fetch(server.url + urlPath);
    expect(response.status).toBe(status);
    expect(await response.text()).toBe(body);
  });

  it('redirects a folder to its path with a slash, keeping the query', async () => {
    const response = await fetch(`${server.url}talks/a?q=x`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/talks/a/?q=x');
  });

  it('sends a content type, and gzip to a client that asks for it', async () => {
    const plain = await fetch(`${server.url}data/bundle.json`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Number(plain.headers.get('content-length'))).toBeGreaterThan(5000);
    const zipped = await fetch(`${server.url}data/bundle.json`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(await zipped.text())).toEqual({ talks: 'x'.repeat(5000) });
  });
});

describe('file sizes', () => {
  it('measures raw, gzip and brotli of every file under the chosen folders', async () => {
    const files = await measureFiles(root, ['data', 'assets']);
    expect(files.map((file) => file.file)).toEqual(['data/bundle.json']);
    const [bundle] = files;
    expect(bundle!.raw).toBeGreaterThan(5000);
    expect(bundle!.gzip).toBeLessThan(200);
    expect(bundle!.brotli).toBeLessThan(200);
    expect(totalOf(files, 'data/').raw).toBe(bundle!.raw);
    expect(totalOf(files, 'assets/')).toEqual({ raw: 0, gzip: 0, brotli: 0 });
  });

  it('compresses repetitive text to a fraction', () => {
    const bytes = new TextEncoder().encode('lanyard '.repeat(100));
    const sizes = compressedSizes(bytes);
    expect(sizes).toMatchObject({ raw: 800, brotliQuality: 11 });
    expect(sizes.gzip).toBeLessThan(100);
    expect(sizes.brotli).toBeLessThan(sizes.gzip);
  });

  it.each([
    [512, '512 B'],
    [2048, '2.0 KB'],
    [3 * 1024 * 1024, '3.0 MB'],
    [null, '–'],
  ])('formatBytes(%s) is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
