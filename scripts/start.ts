/**
 * `npm start`: finds a free port first (PORT, else 4173, else the next free one), then builds the
 * notes and serves the site there, printing its URL. Checking before the build means a busy port
 * costs nothing: the build used to run for a minute and then fail with "Port 4173 is already in use".
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { runMain } from './run-main';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 4173;
/** How many ports after the first to try before giving up. */
const TRIES = 20;

/** Whether nothing listens on `port` at `host`: we can bind it ourselves, then let it go. */
export function isPortFree(port: number, host = HOST): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** The first free port from `first` on, trying `tries` ports; throws naming the range when all are taken. */
export async function findFreePort(first: number, tries = TRIES, host = HOST): Promise<number> {
  for (let port = first; port < first + tries; port++) {
    if (await isPortFree(port, host)) return port;
  }
  throw new Error(
    `ports ${first}–${first + tries - 1} on ${host} are all in use: set PORT to a free one`,
  );
}

/** PORT from the environment, checked: a port number, or undefined when unset. */
export function portFromEnv(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a port number from 1 to 65535, got "${raw}"`);
  }
  return port;
}

function run(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } } });
  const wanted = portFromEnv(process.env.PORT);
  // A port the user chose is the one they get (or a clear error); the default moves on when taken.
  const port = wanted ?? (await findFreePort(DEFAULT_PORT));
  if (wanted !== undefined && !(await isPortFree(wanted))) {
    throw new Error(
      `PORT ${wanted} is already in use on ${HOST}: choose another, or unset PORT to take the next free one`,
    );
  }
  if (port !== DEFAULT_PORT && wanted === undefined) {
    console.log(`lanyard: port ${DEFAULT_PORT} is in use, serving on ${port} instead`);
  }
  if (!values['no-build']) {
    // The same build as `npm run build`, with its plain `file:line: message` errors.
    const status = await run('npm', ['run', '-s', 'build']);
    if (status !== 0) return status;
  }
  console.log(`lanyard: serving the site on http://${HOST}:${port}/`);
  const args = [
    'vite',
    'preview',
    '--configLoader',
    'runner',
    '--host',
    HOST,
    '--port',
    String(port),
    '--strictPort',
  ];
  return run('npx', args);
}

runMain(import.meta, main, 'lanyard: ');
