import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * How every script runs: `main(argv)` when its file is the one run (not when a test imports it),
 * then exit with the code it returns (or `process.exitCode`); an error prints its message, no
 * stack, after `prefix`, and exits 1.
 */
export function runMain(
  meta: ImportMeta,
  main: (argv: string[]) => Promise<number | void>,
  prefix = '',
): void {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(meta.url)) return;
  main(process.argv.slice(2)).then(
    (code) => process.exit(code ?? undefined),
    (error: unknown) => {
      console.error(`${prefix}${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
