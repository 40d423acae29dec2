/**
 * Keystroke-to-results timing in headless Chromium, on a built site:
 *
 *   npm run build && npx tsx scripts/bench-search.ts [--dist dist] [--queries docker,kubernetes]
 *
 * Serves the folder with `vite preview`, opens the timeline, waits for the search index to load,
 * then types each query letter by letter (as a person types: 120 ms between keys) and reads the
 * app's own `lanyard:search` measures (input event → results committed to the page, see
 * src/features/search/timing.ts). Prints p50/p95/max overall and by prefix length, and the time
 * from navigation to the first answer. `--json` prints the figures as JSON; `--no-sw` blocks the
 * service worker, whose first-visit precache download competes with typing on a large site.
 * `npm run bench` runs the same typing (scripts/bench/search-browser.ts) on generated corpora,
 * with bytes before the first result, the longest task while typing and the peers.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { launchChromium } from './bench/browser';
import { measureTyping, waitForSearchBox } from './bench/search-browser';
import { runMain } from './run-main';

/** Realistic queries: words from the notes, a speaker, a field filter, and short prefixes. */
const DEFAULT_QUERIES = [
  'docker',
  'kubernetes',
  'monitoring',
  'speaker:tweedale',
  'elastic search',
  'secure systems',
  'falco',
  'aws',
];

export { measureTyping, type TypingFigures } from './bench/search-browser';
export { percentile } from './bench/queries';

/** Opens the site and waits until a query gets an answer: the index is loaded. */
export async function timeToFirstAnswer(page: Page, url: string): Promise<number> {
  const start = Date.now();
  await page.goto(url);
  await page.getByRole('searchbox', { name: 'Search notes' }).waitFor();
  // Ask repeatedly (as a person would) until results come back.
  await page.goto(`${url.replace(/\/$/, '')}/search?q=a`);
  await page.getByRole('status').filter({ hasText: /match/ }).first().waitFor({ timeout: 600_000 });
  return Date.now() - start;
}

async function startPreview(dist: string, port: number): Promise<() => void> {
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--configLoader',
      'runner',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      dist,
    ],
    { stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {
      // Not up yet.
    }
    await sleep(100);
  }
  return () => process.kill(-server.pid!, 'SIGTERM');
}

async function main() {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4310' },
      queries: { type: 'string' },
      json: { type: 'boolean', default: false },
      // Without the service worker: typing measured without its first-visit precache download.
      'no-sw': { type: 'boolean', default: false },
    },
  });
  const queries = values.queries ? values.queries.split(',') : DEFAULT_QUERIES;
  const url = `http://127.0.0.1:${values.port}/`;
  const stop = await startPreview(values.dist, Number(values.port));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      serviceWorkers: values['no-sw'] ? 'block' : 'allow',
    });
    const firstAnswerMs = await timeToFirstAnswer(page, url);
    await page.goto(url);
    await waitForSearchBox(page);
    const typing = await measureTyping(page, queries);
    const figures = { dist: values.dist, queries, firstAnswerMs, typing };
    if (values.json) {
      console.log(JSON.stringify(figures, null, 2));
    } else {
      console.log(`time until search answers: ${firstAnswerMs} ms`);
      console.log(
        `keystroke → results: p50 ${typing.p50} ms, p95 ${typing.p95} ms, max ${typing.max} ms (${typing.samples} keystrokes, ${typing.missed} superseded)`,
      );
      for (const [length, group] of Object.entries(typing.byLength)) {
        console.log(
          `  ${length.padEnd(2)} letters: p50 ${group.p50} ms, p95 ${group.p95} ms (${group.samples})`,
        );
      }
    }
  } finally {
    await browser.close();
    stop();
  }
}

runMain(import.meta, main);
