import { useEffect, useState } from 'react';
import { useHydrated } from './use-hydrated';

export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'lanyard-theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme the reader chose with the toggle, or null to follow the system. */
export function readStoredTheme(): Theme | null {
  // On the server (prerendering) there is no storage; asking would throw for every page.
  if (typeof localStorage === 'undefined') return null;
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null; // Storage blocked (private mode, sandboxed frame): follow the system.
  }
}

function storeTheme(theme: Theme): void {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // The choice then lasts until reload.
  }
}

export const systemTheme = (): Theme =>
  typeof window !== 'undefined' &&
  typeof window.matchMedia === 'function' &&
  window.matchMedia(DARK_QUERY).matches
    ? 'dark'
    : 'light';

/** Tailwind's `dark:` variant keys off the `dark` class on <html> (see styles.css). */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.classList.toggle('dark', theme === 'dark');
  root.classList.toggle('light', theme === 'light');
  root.style.colorScheme = theme;
}

/** Called before the first render (main.tsx), so the page does not flash the wrong theme. */
export const applyInitialTheme = (): void => applyTheme(readStoredTheme() ?? systemTheme());

/** A remembered choice wins; without one the theme follows the system, live. */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [chosen, setChosen] = useState<Theme | null>(readStoredTheme);
  const [system, setSystem] = useState<Theme>(systemTheme);
  const theme = chosen ?? system;

  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(DARK_QUERY);
    const onChange = () => setSystem(media.matches ? 'dark' : 'light');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);

  useEffect(() => applyTheme(theme), [theme]);

  const choose = (next: Theme) => {
    storeTheme(next);
    setChosen(next);
  };
  return [theme, choose];
}

export function ThemeToggle() {
  const [chosenTheme, setTheme] = useTheme();
  // Prerendered pages show the light theme's toggle; hydration must draw the same, then update.
  const theme = useHydrated() ? chosenTheme : 'light';
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      onClick={() => setTheme(next)}
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800 dark:focus-visible:outline-indigo-400"
    >
      {/* The button names what it does (its visible word is part of that name, for voice control). */}
      <span aria-hidden="true">{next === 'dark' ? '☾' : '☀'}</span>
      <span className="ml-1 hidden sm:inline">{next === 'dark' ? 'Dark' : 'Light'}</span>
    </button>
  );
}
