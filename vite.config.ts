import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { lanyardNotes } from './src/pipeline/vite-plugin';

/** Normalized to start and end with `/`, as Vite and the router expect ("notes" → "/notes/"). */
function basePath(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export default defineConfig({
  base: basePath(process.env.BASE_PATH),
  plugins: [
    react(),
    tailwindcss(),
    lanyardNotes({ contentDir: process.env.CONTENT_DIR || 'content' }),
  ],
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
