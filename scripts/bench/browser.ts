/**
 * First-load figures in headless Chromium: time from navigation to the first talk card on screen,
 * bytes transferred before it, the longest main-thread task, and the JS heap once loaded.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

export interface LoadFigures {
  /** Navigation start → first `article h3` (a talk card) visible, in ms. */
  firstCardMs: number | null;
  /** Sum of transfer sizes of the page and every response finished before the first card. */
  bytesBeforeFirstCard: number | null;
  /** All bytes transferred once the page settled (network idle). */
  bytesAfterLoad: number;
  requestsBeforeFirstCard: number | null;
  /** Longest task (PerformanceObserver `longtask`, so ≥ 50 ms) from navigation to settled, ms. */
  longestTaskMs: number;
  /** Used JS heap after load and a forced GC, MB. */
  jsHeapMb: number;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Runs in the page before any of its scripts: notes when the first card becomes visible and
 * collects long tasks. Kept as a string so it runs as written, whatever the bundler does.
 */
const PROBE = `(() => {
  const probe = { firstCard: null, longTasks: [] };
  window.__benchProbe = probe;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const visible = () => {
    const title = document.querySelector('article h3');
    if (!title) return false;
    const box = title.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.top < innerHeight;
  };
  const check = () => {
    if (probe.firstCard !== null) return;
    if (visible()) {
      const seen = performance.now();
      // The card is painted at the next frame after it is in the layout.
      requestAnimationFrame(() => { probe.firstCard = Math.max(seen, performance.now()); });
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', check);
})();`;

interface ProbeResult {
  firstCard: number | null;
  longTasks: number[];
  resources: { end: number; bytes: number }[];
}

async function readProbe(page: Page): Promise<ProbeResult> {
  return page.evaluate(() => {
    const probe = (
      window as unknown as { __benchProbe: { firstCard: number | null; longTasks: number[] } }
    ).__benchProbe;
    const navigation = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return {
      firstCard: probe.firstCard,
      longTasks: probe.longTasks,
      resources: [...navigation, ...resources].map((entry) => ({
        end: entry.responseEnd,
        // transferSize is 0 for a cached or opaque response; encodedBodySize is the body alone.
        bytes: entry.transferSize || entry.encodedBodySize,
      })),
    };
  });
}

/** Loads `url` in a fresh context (empty cache, no service worker yet) and measures. */
export async function measureFirstLoad(
  browser: Browser,
  url: string,
  timeoutMs = 600_000,
): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    await page
      .waitForFunction(
        () =>
          (window as unknown as { __benchProbe?: { firstCard: number | null } }).__benchProbe
            ?.firstCard != null,
        undefined,
        {
          timeout: timeoutMs,
          polling: 50,
        },
      )
      .catch(() => undefined);
    await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => undefined);
    await page.waitForTimeout(500);
    const probe = await readProbe(page);
    const session = await context.newCDPSession(page);
    await session.send('HeapProfiler.collectGarbage');
    const heap = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    const before =
      probe.firstCard === null
        ? null
        : probe.resources.filter((entry) => entry.end <= probe.firstCard!);
    return {
      firstCardMs: probe.firstCard === null ? null : Math.round(probe.firstCard),
      bytesBeforeFirstCard: before ? before.reduce((sum, entry) => sum + entry.bytes, 0) : null,
      requestsBeforeFirstCard: before ? before.length : null,
      bytesAfterLoad: probe.resources.reduce((sum, entry) => sum + entry.bytes, 0),
      longestTaskMs: Math.round(Math.max(0, ...probe.longTasks)),
      jsHeapMb: Math.round((heap.usedSize / 1024 / 1024) * 10) / 10,
    };
  } finally {
    await context.close();
  }
}
