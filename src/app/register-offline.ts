/**
 * Registers the service worker in production builds (vite-plugin-pwa). A new build's worker is
 * not forced on open pages: it takes over on the next visit.
 */
export async function registerOffline(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const { registerSW } = await import('virtual:pwa-register');
  registerSW({ immediate: true });
}
