import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'pipeline',
          include: ['tests/pipeline/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Broken and hostile notes through the real CLI and `npm run build` (tests/fixtures/hostile).
        extends: true,
        test: {
          name: 'hostile',
          include: ['tests/hostile/**/*.test.ts'],
          environment: 'node',
          // The build cases run `npm run build`, several seconds each on a busy machine.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Build tooling (the Vite plugin), with the compiler stubbed: node, real Vite.
        extends: true,
        test: {
          name: 'tooling',
          include: ['tests/tooling/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          include: ['tests/app/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/setup.ts'],
          // A hang guard, not a speed goal: jsdom tests that type and click take 1-3 s alone and
          // passed 5 s when the machine was busy with a 10,000-talk build.
          testTimeout: 20_000,
        },
      },
    ],
  },
});
