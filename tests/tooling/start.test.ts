import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort, isPortFree, portFromEnv } from '../../scripts/start';

const run = promisify(execFile);
const servers: Server[] = [];

/** Listens on a port the OS picks, as another program holding it would; returns the port. */
async function occupy(port = 0): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen({ port, host: '127.0.0.1' }, resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

// Each case below that starts `scripts/start.ts` pays for tsx and Vite starting up: a second or two
// alone, far more when the machine is busy with builds (5 s was hit), so they get a minute.
const START_TIMEOUT = 60_000;
const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

describe('npm start: choosing a port before the build', () => {
  it('sees a port held by another program as taken, and a released one as free', async () => {
    const port = await occupy();
    expect(await isPortFree(port)).toBe(false);
    await new Promise((resolve) => servers.pop()?.close(resolve));
    expect(await isPortFree(port)).toBe(true);
  });

  it('takes the next free port when the first is in use', async () => {
    const first = await occupy();
    const chosen = await findFreePort(first);
    expect(chosen).toBeGreaterThan(first);
    expect(await isPortFree(chosen)).toBe(true);
  });

  it('names the range when every port tried is taken', async () => {
    const first = await occupy();
    await expect(findFreePort(first, 1)).rejects.toThrow(
      `ports ${first}–${first} on 127.0.0.1 are all in use: set PORT to a free one`,
    );
  });

  it.each([
    ['', undefined],
    ['5173', 5173],
  ])('reads PORT=%j as %j', (raw, port) => {
    expect(portFromEnv(raw)).toBe(port);
  });

  it.each(['http', '0', '70000', '41.5'])('refuses PORT=%j', (raw) => {
    expect(() => portFromEnv(raw)).toThrow(
      `PORT must be a port number from 1 to 65535, got "${raw}"`,
    );
  });

  it(
    'stops before building when the PORT asked for is taken, and says so',
    { timeout: START_TIMEOUT },
    async () => {
      const port = await occupy();
      const failure = await run('npx', ['tsx', 'scripts/start.ts'], {
        env: { ...process.env, PORT: String(port) },
      }).then(
        () => undefined,
        (error: { code: number; stderr: string; stdout: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr.trim()).toBe(
        `lanyard: PORT ${port} is already in use on 127.0.0.1: choose another, or unset PORT to take the next free one`,
      );
      expect(failure?.stdout).not.toContain('vite');
    },
  );
});

describe('npm start: serving', () => {
  it(
    'prints the URL only once the site answers there, and SIGTERM frees the port',
    { timeout: START_TIMEOUT },
    async () => {
      // A folder with a built site of its own: `--no-build` serves its dist/ as it is.
      const folder = await mkdtemp(path.join(tmpdir(), 'lanyard-start-'));
      await mkdir(path.join(folder, 'dist'));
      await writeFile(path.join(folder, 'dist/index.html'), '<p>the built site</p>');
      const port = await findFreePort(20_000 + (process.pid % 20_000));
      const start = spawn(
        process.execPath,
        [TSX, path.join(ROOT, 'scripts/start.ts'), '--no-build'],
        {
          cwd: folder,
          env: { ...process.env, PORT: String(port) },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const exited = new Promise<number | null>((resolve) => start.on('exit', resolve));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let out = '';
          start.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const match = /lanyard: serving the site on (\S+)/.exec(out);
            if (match?.[1]) resolve(match[1]);
          });
          void exited.then(() => reject(new Error(`npm start exited, printing:\n${out}`)));
        });
        expect(url).toBe(`http://127.0.0.1:${port}/`);
        // Straight after the line, with no retry: the page is there.
        const page = await fetch(url);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('the built site');

        start.kill('SIGTERM');
        await exited;
        expect(await isPortFree(port)).toBe(true);
      } finally {
        start.kill('SIGKILL');
        await rm(folder, { recursive: true, force: true });
      }
    },
  );
});
