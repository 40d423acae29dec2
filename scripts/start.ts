/**
 * `npm start`: finds a free port first (PORT, else 4173, else the next free one), then builds the
 * notes and serves the site there, printing its URL once the server answers. Checking before the
 * build means a busy port costs nothing: the build used to run for a minute and then fail with
 * "Port 4173 is already in use". `vite preview` runs in its own process group, and SIGINT/SIGTERM
 * to `npm start` stop that whole group, so no server is left holding the port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Vite's own command line, run with this Node: no `npx` in between to swallow signals. */
const VITE_BIN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../node_modules/vite/bin/vite.js',
);
/** How long `vite preview` may take to answer before `npm start` gives up on it. */
const READY_TIMEOUT_MS = 60_000;
const POLL_MS = 100;

/** Whether an HTTP server answers at `url` (any status: it is up). */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves once `url` answers; rejects if `stopped` settles first (the server exited) or after
 * `timeoutMs`.
 */
export async function waitUntilServing(
  url: string,
  stopped: Promise<unknown>,
  timeoutMs = READY_TIMEOUT_MS,
): Promise<void> {
  let done = false;
  const exited = stopped.then(() => {
    done = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (!done) {
    if (await answers(url)) return;
    if (Date.now() > deadline) throw new Error(`the server did not answer at ${url} in time`);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, POLL_MS))]);
  }
  throw new Error(`the server stopped before it answered at ${url}`);
}

/** The exit status of `child`: its code, or 1 when a signal ended it. */
function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Runs `command` in its own process group; SIGINT/SIGTERM to this process, or this process
 * exiting, signal the whole group (npm and what it starts, or vite), so nothing is orphaned.
 */
function spawnGroup(command: string, args: readonly string[]): ChildProcess {
  const child = spawn(command, args, { stdio: 'inherit', detached: true });
  const stopGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    stopGroup(signal);
    process.exitCode = 130;
  };
  const onExit = (): void => stopGroup('SIGTERM');
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', onExit);
  child.on('exit', () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
  });
  return child;
}

function run(command: string, args: readonly string[]): Promise<number> {
  return exitOf(spawnGroup(command, args));
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
  const args = [
    VITE_BIN,
    'preview',
    '--configLoader',
    'runner',
    '--host',
    HOST,
    '--port',
    String(port),
    '--strictPort',
  ];
  const server = spawnGroup(process.execPath, args);
  const stopped = exitOf(server);
  const url = `http://${HOST}:${port}/`;
  await waitUntilServing(url, stopped);
  console.log(`lanyard: serving the site on ${url}`);
  return stopped;
}

runMain(import.meta, main, 'lanyard: ');
