// `npm run build`: `vite build`, with the notes' errors printed as they are. Vite prints a failed
// build's error with its stack trace, wrapped in the bundler's "Build failed with 1 error"; an
// error in the notes (a NotesError: every problem as `file:line: message`, then the summary) needs
// neither. Anything else is a bug in Lanyard and is printed whole. Takes `vite build`'s common
// options: --outDir DIR, --emptyOutDir, --base PATH, --mode NAME.
import { parseArgs, inspect } from 'node:util';
import { build } from 'vite';

const { values } = parseArgs({
  options: {
    outDir: { type: 'string' },
    emptyOutDir: { type: 'boolean' },
    base: { type: 'string' },
    mode: { type: 'string' },
  },
});

/** The NotesError inside the bundler's wrappers (`errors` of an aggregate, `cause`), if any. */
function findNotesError(error, depth = 0) {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  if (error.name === 'NotesError') return error;
  for (const inner of [...(Array.isArray(error.errors) ? error.errors : []), error.cause]) {
    const found = findNotesError(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

try {
  await build({
    configLoader: 'runner',
    ...(values.base !== undefined ? { base: values.base } : {}),
    ...(values.mode !== undefined ? { mode: values.mode } : {}),
    build: {
      ...(values.outDir !== undefined ? { outDir: values.outDir } : {}),
      ...(values.emptyOutDir !== undefined ? { emptyOutDir: values.emptyOutDir } : {}),
    },
  });
} catch (error) {
  const notes = findNotesError(error);
  process.stderr.write(`${notes ? notes.message : `error during build:\n${inspect(error)}`}\n`);
  process.exitCode = 1;
}
