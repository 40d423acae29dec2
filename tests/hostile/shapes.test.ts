/**
 * A notes file of any shape compiles in time linear in its size: each shape (shapes.ts) at a
 * quarter of the size and at the size, through the compiler, and its CPU time may grow at most
 * 8 times (linear is 4, quadratic 16). CPU time, not wall time: the machine may be busy.
 *
 * The size is 128 KB; `npm run bench:shapes` runs the same at 1 MB and prints the table (the goal
 * is 2 s for 1 MB of any shape).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { compileNotes } from '../../src/pipeline/compile';
import { SHAPES } from './shapes';

const BYTES = Number(process.env.SHAPES_BYTES ?? 128_000);
const rows: string[] = [];

async function compileShape(make: (bytes: number) => string, bytes: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'lanyard-shape-'));
  try {
    await mkdir(path.join(dir, 'conf-2020'));
    await writeFile(path.join(dir, 'conf-2020', 'day-1.md'), make(bytes));
    const [wall, cpu] = [performance.now(), process.cpuUsage()];
    const result = await compileNotes({ contentDir: dir, now: new Date('2026-01-01'), workers: 0 });
    const used = process.cpuUsage(cpu);
    return {
      result,
      cpu: (used.user + used.system) / 1e6,
      wall: (performance.now() - wall) / 1000,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

it.each(Object.entries(SHAPES))(
  '%s compiles in linear time',
  async (name, make) => {
    const small = await compileShape(make, BYTES / 4);
    const { result, cpu, wall } = await compileShape(make, BYTES);
    const growth = cpu / Math.max(small.cpu, 0.05);
    const row =
      `${name.padEnd(26)} ${cpu.toFixed(2).padStart(7)} ${wall.toFixed(2).padStart(7)} ` +
      `${growth.toFixed(1).padStart(6)} ${String(result.bundle.talks.length).padStart(6)}`;
    rows.push(row);
    console.log(row);
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.bundle.talks.length).toBeGreaterThan(0);
    expect(growth).toBeLessThanOrEqual(8);
  },
  900_000,
);

afterAll(() => {
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  console.log(
    [
      `${BYTES} bytes per file; load average ${load}`,
      `${'shape'.padEnd(26)} ${'cpu s'.padStart(7)} ${'wall s'.padStart(7)} ${'×¼'.padStart(6)} ${'talks'.padStart(6)}`,
      ...rows,
    ].join('\n'),
  );
});
