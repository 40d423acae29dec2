/** Runs a command to its end, keeping the tail of what it printed (stdout and stderr together). */
import { spawn, type SpawnOptions } from 'node:child_process';

export interface ChildRun {
  /** null when the command could not be started. */
  exitCode: number | null;
  /** Its last `keepChunks` chunks of output, joined. */
  output: string;
}

export function runChild(
  command: string,
  args: readonly string[],
  options: Pick<SpawnOptions, 'cwd' | 'env'>,
  keepChunks = 2000,
): Promise<ChildRun> {
  const output: string[] = [];
  return new Promise((done) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > keepChunks) output.splice(0, output.length - keepChunks);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('close', (exitCode) => done({ exitCode, output: output.join('') }));
    child.on('error', () => done({ exitCode: null, output: output.join('') }));
  });
}
