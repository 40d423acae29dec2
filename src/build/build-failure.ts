/**
 * Steps that write after the bundle (the prerenderer, the service worker) must not run when the
 * build failed: Vite's bundler still calls `closeBundle` then, with no error, and they would
 * prerender into a stale `dist/` (masking the real error) or write a fresh `sw.js` beside a failed
 * build. `buildEnd` gets an error of the bundle, `renderError` one of rendering it (the notes
 * plugin's compile fails there); this remembers either.
 */
import type { Plugin } from 'vite';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
type HookSlot = Hook | { handler: Hook; [option: string]: unknown } | undefined;

const handlerOf = (slot: HookSlot): Hook | undefined =>
  typeof slot === 'function' ? slot : slot?.handler;

/** `slot` with its handler replaced, its options (order, sequential) kept. */
function withHandler(slot: HookSlot, handler: Hook): HookSlot {
  return typeof slot === 'object' ? { ...slot, handler } : handler;
}

/** `plugin`, whose `closeBundle` is skipped after a build that failed. */
export function skipWhenBuildFailed(plugin: Plugin): Plugin {
  let failed = false;
  const buildStart = plugin.buildStart as HookSlot;
  const buildEnd = plugin.buildEnd as HookSlot;
  const closeBundle = plugin.closeBundle as HookSlot;
  const renderError = plugin.renderError as HookSlot;
  if (!closeBundle) return plugin;
  return {
    ...plugin,
    buildStart: withHandler(buildStart, function (this: unknown, ...args) {
      failed = false;
      return handlerOf(buildStart)?.apply(this, args);
    }) as Plugin['buildStart'],
    buildEnd: withHandler(buildEnd, function (this: unknown, ...args) {
      // Not passed on: vite-plugin-pwa's `buildEnd` rethrows it, wrapping it a second time.
      if (args[0]) {
        failed = true;
        return undefined;
      }
      return handlerOf(buildEnd)?.apply(this, args);
    }) as Plugin['buildEnd'],
    renderError: withHandler(renderError, function (this: unknown, ...args) {
      failed = true;
      return handlerOf(renderError)?.apply(this, args);
    }) as Plugin['renderError'],
    closeBundle: withHandler(closeBundle, function (this: unknown, ...args) {
      if (failed || args[0]) return undefined;
      return handlerOf(closeBundle)?.apply(this, args);
    }) as Plugin['closeBundle'],
  };
}
