import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderRoute } from './render-route';
import { serveBundle, timelineBundle } from './timeline-fixtures';

function stubSystemTheme(dark: boolean) {
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => ({
      matches: dark && query === '(prefers-color-scheme: dark)',
      media: query,
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    })),
  );
}

afterEach(() => {
  localStorage.clear();
  document.documentElement.className = '';
});

describe('header', () => {
  it('has a skip link, the site name and the main navigation', async () => {
    serveBundle(timelineBundle);
    const { user } = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Talks' });

    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    await user.tab();
    expect(skip).toHaveFocus();

    expect(screen.getByRole('link', { name: 'Lanyard' })).toHaveAttribute('href', '/');
    const nav = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(nav.getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Timeline', '/'],
      ['Tags', '/tags'],
      ['Conferences', '/conferences'],
      ['Speakers', '/speakers'],
      ['Links', '/links'],
      ['Starred', '/starred'],
    ]);
    expect(nav.getByRole('link', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page');
  });

  it.each([
    [false, 'light', 'Switch to dark theme'],
    [true, 'dark', 'Switch to light theme'],
  ])('follows the system (dark: %s) when nothing was chosen', async (dark, theme, label) => {
    stubSystemTheme(dark);
    serveBundle(timelineBundle);
    renderRoute('/');
    expect(await screen.findByRole('button', { name: label })).toBeVisible();
    expect(document.documentElement.classList.contains('dark')).toBe(theme === 'dark');
  });

  it('remembers the chosen theme over the system one', async () => {
    stubSystemTheme(false);
    serveBundle(timelineBundle);
    const first = renderRoute('/');
    await first.user.click(await screen.findByRole('button', { name: 'Switch to dark theme' }));
    expect(document.documentElement).toHaveClass('dark');
    expect(localStorage.getItem('lanyard-theme')).toBe('dark');
    first.unmount();

    document.documentElement.className = '';
    const second = renderRoute('/');
    expect(await screen.findByRole('button', { name: 'Switch to light theme' })).toBeVisible();
    expect(document.documentElement).toHaveClass('dark');
    await second.user.click(screen.getByRole('button', { name: 'Switch to light theme' }));
    expect(document.documentElement).not.toHaveClass('dark');
    expect(localStorage.getItem('lanyard-theme')).toBe('light');
  });
});
