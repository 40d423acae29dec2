/** "These notes were updated": once, when the notes were rebuilt since this browser's last visit. */
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { pageBundle, serveBundle } from './page-fixtures';
import { renderRoute } from './render-route';

afterEach(() => localStorage.clear());

describe('the updated notice', () => {
  it('says the notes were updated when they were built after the last visit', async () => {
    localStorage.setItem('lanyard-seen-build', '2020-01-01T00:00:00.000Z');
    const bundle = { ...pageBundle(), generatedAt: '2026-11-20T10:00:00.000Z' };
    serveBundle(bundle);
    const { user } = renderRoute('/tags');

    const notice = await screen.findByText(/These notes were updated/);
    expect(notice).toHaveTextContent('These notes were updated: built Friday, 20 November 2026.');
    expect(localStorage.getItem('lanyard-seen-build')).toBe(bundle.generatedAt);

    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/These notes were updated/)).toBeNull();
  });

  it('says nothing on a first visit, and remembers the build', async () => {
    const bundle = pageBundle();
    serveBundle(bundle);
    renderRoute('/tags');
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() =>
      expect(localStorage.getItem('lanyard-seen-build')).toBe(bundle.generatedAt),
    );
    expect(screen.queryByText(/These notes were updated/)).toBeNull();
  });

  it('says nothing when the notes are the ones seen last time', async () => {
    const bundle = pageBundle();
    localStorage.setItem('lanyard-seen-build', bundle.generatedAt);
    serveBundle(bundle);
    renderRoute('/tags');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByText(/These notes were updated/)).toBeNull();
  });
});
