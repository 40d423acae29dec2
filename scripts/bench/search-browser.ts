/**
 * Search in headless Chromium, against a built site served locally: the app's own search (typed
 * into its search box, timed by the app's `lanyard:search` measures) and Pagefind's (driven from a
 * tiny page on the same server). Bytes are counted from the network, workers' requests included.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { keystrokesOf, percentile, round1, summarizeTimings, type Timings } from './queries';

/** Keystroke → results rendered, plus the keystrokes whose results never showed. */
export interface TypingFigures extends Timings {
  /** Keystrokes whose results never showed (superseded by the next keystroke or timed out). */
  missed: number;
  /**
   * p50 and p95 counting each missed keystroke as slower than any measured one (its results did
   * not show within the gap to the next key): null when that percentile falls on a missed one.
   * p50/p95 above leave them out, which flatters a search that falls behind the typing.
   */
  withMissed: { p50: number | null; p95: number | null };
}

export interface AppSearchFigures {
  /** Navigation → the first query's results on screen (typed at once as soon as the box shows), ms. */
  timeToFirstAnswerMs: number;
  /** Navigation → the search box takes keys (the app hydrated), ms. */
  searchBoxReadyMs: number;
  /** Everything transferred from navigation until the first results are on screen. */
  bytesBeforeFirstResult: number;
  /** Of those, the bytes that finished after the search box showed (what searching itself cost). */
  searchBytesBeforeFirstResult: number;
  requestsBeforeFirstResult: number;
  typing: TypingFigures;
  /** Longest main-thread task while typing (`longtask` entries, so 0 means none ≥ 50 ms). */
  longestTaskWhileTypingMs: number;
  /** Used JS heap of the page after typing and a forced GC (the worker's heap is not in it), MB. */
  jsHeapMb: number;
  /** Bytes transferred while typing (shards fetched on demand). */
  bytesWhileTyping: number;
}

interface Transfer {
  at: number;
  bytes: number;
}

/** Every finished response of the context, workers' included, with when it finished (Node clock). */
function trackTransfers(context: BrowserContext): Transfer[] {
  const transfers: Transfer[] = [];
  context.on('requestfinished', (request) => {
    const at = performance.now();
    request.sizes().then(
      (sizes) => transfers.push({ at, bytes: sizes.responseBodySize + sizes.responseHeadersSize }),
      () => undefined,
    );
  });
  return transfers;
}

const bytesBetween = (transfers: readonly Transfer[], from: number, to: number) =>
  transfers.filter((t) => t.at > from && t.at <= to).reduce((sum, t) => sum + t.bytes, 0);

/** Collects long tasks from the start, before any script of the page runs. */
const LONG_TASKS = `(() => {
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

async function longestTaskSince(page: Page, since: number): Promise<number> {
  const tasks = await page.evaluate(
    () => (window as unknown as { __benchLongTasks: [number, number][] }).__benchLongTasks,
  );
  return Math.round(Math.max(0, ...tasks.filter(([start]) => start >= since).map(([, d]) => d)));
}

async function heapMb(context: BrowserContext, page: Page): Promise<number> {
  const session = await context.newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const heap = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  return round1(heap.usedSize / 1024 / 1024);
}

/** Types each query into the search box, letter by letter, and collects the app's measures. */
export async function measureTyping(
  page: Page,
  queries: readonly string[],
  delayMs = 120,
): Promise<TypingFigures> {
  const box = page.getByRole('searchbox', { name: 'Search notes' });
  let typed = 0;
  for (const query of queries) {
    await box.fill('');
    await page.keyboard.press('Escape');
    await box.click();
    for (const char of query) {
      await page.keyboard.type(char);
      typed++;
      await sleep(delayMs);
    }
  }
  await sleep(500);
  const samples = await page.evaluate(() =>
    performance.getEntriesByName('lanyard:search').map((entry) => ({
      input: ((entry as PerformanceMeasure).detail as { input: string }).input,
      ms: entry.duration,
    })),
  );
  const missed = Math.max(0, typed - samples.length);
  const all = [...samples.map((sample) => sample.ms), ...Array<number>(missed).fill(Infinity)];
  all.sort((a, b) => a - b);
  const finite = (n: number) => (Number.isFinite(n) ? round1(n) : null);
  return {
    ...summarizeTimings(samples),
    missed,
    withMissed: { p50: finite(percentile(all, 0.5)), p95: finite(percentile(all, 0.95)) },
  };
}

const RESULTS_STATUS = /\bmatch|No talk/;

/**
 * Waits until React has taken over the prerendered search box (hydrated, or rendered afresh):
 * keys typed into the server's HTML before that are lost, as they would be for a person. React
 * marks the elements it manages with `__reactProps$…` keys.
 */
export async function waitForSearchBox(page: Page, timeoutMs = 600_000): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search notes' });
  await box.waitFor({ timeout: timeoutMs });
  await page.waitForFunction(
    () => {
      const input = document.querySelector('input[type="search"]');
      return input !== null && Object.keys(input).some((key) => key.startsWith('__reactProps'));
    },
    undefined,
    { timeout: timeoutMs, polling: 20 },
  );
}

/**
 * The app's search on a fresh visit (empty cache, service worker blocked so its precache download
 * neither competes nor hides transfers): navigation → first query's results, bytes before them;
 * then each query typed letter by letter.
 */
export async function measureAppSearch(
  browser: Browser,
  url: string,
  queries: readonly string[],
  timeoutMs = 600_000,
): Promise<AppSearchFigures> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  try {
    const transfers = trackTransfers(context);
    const page = await context.newPage();
    await page.addInitScript(LONG_TASKS);
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    const box = page.getByRole('searchbox', { name: 'Search notes' });
    await box.waitFor({ timeout: timeoutMs });
    const boxShown = performance.now();
    await waitForSearchBox(page, timeoutMs);
    const boxReady = performance.now();
    await box.fill(queries[0] ?? 'a');
    await page
      .getByRole('status')
      .filter({ hasText: RESULTS_STATUS })
      .first()
      .waitFor({ timeout: timeoutMs });
    const answered = performance.now();
    await sleep(200); // let `requestfinished` sizes settle
    const before = transfers.filter((t) => t.at <= answered);
    const typingFrom = await page.evaluate(() => {
      performance.clearMeasures('lanyard:search');
      return performance.now();
    });
    const typingStarted = performance.now();
    const typing = await measureTyping(page, queries);
    return {
      timeToFirstAnswerMs: Math.round(answered - started),
      searchBoxReadyMs: Math.round(boxReady - started),
      bytesBeforeFirstResult: before.reduce((sum, t) => sum + t.bytes, 0),
      searchBytesBeforeFirstResult: bytesBetween(transfers, boxShown, answered),
      requestsBeforeFirstResult: before.length,
      typing,
      longestTaskWhileTypingMs: await longestTaskSince(page, typingFrom),
      jsHeapMb: await heapMb(context, page),
      bytesWhileTyping: bytesBetween(transfers, typingStarted, performance.now()),
    };
  } finally {
    await context.close();
  }
}

export interface PagefindSearchFigures {
  /** Navigation of the tiny page → first query's results and their first fragments loaded, ms. */
  timeToFirstAnswerMs: number;
  /** Everything transferred before that (the tiny page is ~300 bytes of it). */
  bytesBeforeFirstResult: number;
  requestsBeforeFirstResult: number;
  /** `await pagefind.search(input)` plus `data()` of the first `fragments` results. */
  typing: Timings;
  /** `await pagefind.search(input)` alone: ids and scores, nothing to show yet. */
  searchOnly: Timings;
  /** How many results' fragments are loaded per keystroke (what a first screen shows). */
  fragments: number;
  longestTaskWhileTypingMs: number;
  /** JS heap after typing; Pagefind's WebAssembly memory is not in it. */
  jsHeapMb: number;
  bytesWhileTyping: number;
}

/** The page Pagefind runs in: nothing but its module, loaded on the first search. */
export const PAGEFIND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind benchmark</title></head>
<body><p>Pagefind benchmark page</p></body></html>
`;

interface PagefindRun {
  samples: { input: string; ms: number; searchMs: number }[];
  typingFrom: number;
}

/**
 * Pagefind in the same browser, on the same server: `pageUrl` is PAGEFIND_PAGE, `moduleUrl` its
 * pagefind.js. Each keystroke waits 120 ms after the previous answer, as the app's typing does.
 */
export async function measurePagefindSearch(
  browser: Browser,
  pageUrl: string,
  moduleUrl: string,
  queries: readonly string[],
  fragments = 20,
  timeoutMs = 600_000,
): Promise<PagefindSearchFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const transfers = trackTransfers(context);
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.addInitScript(LONG_TASKS);
    const started = performance.now();
    await page.goto(pageUrl, { timeout: timeoutMs });
    const first = queries[0] ?? 'a';
    await page.evaluate(
      async ({ moduleUrl, first, fragments }) => {
        type Result = { data(): Promise<unknown> };
        const pagefind = (await import(moduleUrl)) as {
          search(q: string): Promise<{ results: Result[] }>;
        };
        (window as unknown as { __pagefind: unknown }).__pagefind = pagefind;
        const search = await pagefind.search(first);
        await Promise.all(search.results.slice(0, fragments).map((r) => r.data()));
      },
      { moduleUrl, first, fragments },
    );
    const answered = performance.now();
    await sleep(200);
    const before = transfers.filter((t) => t.at <= answered);
    const typingStarted = performance.now();
    const inputs = queries.map(keystrokesOf);
    const run: PagefindRun = await page.evaluate(
      async ({ inputs, fragments }) => {
        type Result = { data(): Promise<unknown> };
        const pagefind = (
          window as unknown as {
            __pagefind: { search(q: string): Promise<{ results: Result[] }> };
          }
        ).__pagefind;
        const typingFrom = performance.now();
        const samples: { input: string; ms: number; searchMs: number }[] = [];
        for (const keystrokes of inputs) {
          for (const input of keystrokes) {
            const start = performance.now();
            const search = await pagefind.search(input);
            const searched = performance.now();
            await Promise.all(search.results.slice(0, fragments).map((r) => r.data()));
            samples.push({ input, ms: performance.now() - start, searchMs: searched - start });
            await new Promise((done) => setTimeout(done, 120));
          }
        }
        return { samples, typingFrom };
      },
      { inputs, fragments },
    );
    return {
      timeToFirstAnswerMs: Math.round(answered - started),
      bytesBeforeFirstResult: before.reduce((sum, t) => sum + t.bytes, 0),
      requestsBeforeFirstResult: before.length,
      typing: summarizeTimings(run.samples),
      searchOnly: summarizeTimings(run.samples.map((s) => ({ input: s.input, ms: s.searchMs }))),
      fragments,
      longestTaskWhileTypingMs: await longestTaskSince(page, run.typingFrom),
      jsHeapMb: await heapMb(context, page),
      bytesWhileTyping: bytesBetween(transfers, typingStarted, performance.now()),
    };
  } finally {
    await context.close();
  }
}
