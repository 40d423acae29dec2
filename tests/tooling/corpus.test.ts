import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileNotes, type CompileResult } from '../../src/pipeline/compile';
import { splitCount } from '../../scripts/corpus/conferences';
import { generateCorpus } from '../../scripts/corpus/generate';
import { createRng, mulberry32 } from '../../scripts/corpus/prng';
import { MANIFEST, writeCorpus } from '../../scripts/corpus/write';

const wordsOf = (text: string) => text.split(/\s+/).filter((word) => word !== '').length;

describe('a generated corpus of 300 talks', () => {
  let dir: string;
  let result: CompileResult;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lanyard-corpus-'));
    await writeCorpus(generateCorpus({ talks: 300, seed: 7 }), dir, 7);
    result = await compileNotes({ contentDir: dir, now: new Date('2026-01-01T00:00:00Z') });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('compiles with no errors into exactly 300 talks', () => {
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.bundle.talks).toHaveLength(300);
  });

  it('gives every talk notes of 50 to 800 words, a speaker and tags', () => {
    for (const talk of result.bundle.talks) {
      expect(wordsOf(talk.text), talk.id).toBeGreaterThanOrEqual(50);
      expect(wordsOf(talk.text), talk.id).toBeLessThanOrEqual(800);
      expect(talk.speakers.length, talk.id).toBeGreaterThan(0);
    }
    const tagged = result.bundle.talks.filter((talk) => talk.tags.length > 0);
    expect(tagged.length).toBeGreaterThan(290);
  });

  it('has speakers who recur and links to the usual places', () => {
    expect(
      Math.max(...result.bundle.speakers.map((speaker) => speaker.talks.length)),
    ).toBeGreaterThan(3);
    const hosts = new Set(
      result.bundle.talks.flatMap((talk) => talk.links.map((link) => new URL(link.url).hostname)),
    );
    expect([...hosts]).toEqual(
      expect.arrayContaining(['github.com', 'www.youtube.com', 'arxiv.org']),
    );
  });

  it('lays out a folder per edition and a file per day, with a hidden manifest', async () => {
    const entries = await readdir(dir, { recursive: true });
    expect(entries).toContain(MANIFEST);
    const notes = entries.filter((entry) => /\.(md|txt)$/.test(entry));
    expect(
      notes.every((entry) =>
        /^[a-z-]+-\d{4}\/day-\d\.(md|txt)$/.test(entry.split(path.sep).join('/')),
      ),
    ).toBe(true);
    expect(JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8'))).toMatchObject({
      talks: 300,
      seed: 7,
    });
  });
});

describe('generateCorpus', () => {
  it('gives the same files for the same seed', () => {
    expect(generateCorpus({ talks: 300, seed: 1 }).files).toEqual(
      generateCorpus({ talks: 300, seed: 1 }).files,
    );
  });

  it('gives different files for another seed', () => {
    const a = generateCorpus({ talks: 300, seed: 1 })
      .files.map((file) => file.text)
      .join('\n');
    const b = generateCorpus({ talks: 300, seed: 2 })
      .files.map((file) => file.text)
      .join('\n');
    expect(a).not.toEqual(b);
  });

  it.each([1, 2, 59, 61, 1234])('plans exactly %i talks', (talks) => {
    expect(generateCorpus({ talks, seed: 3 }).talks).toBe(talks);
  });
});

describe('prng', () => {
  it('mulberry32 is a fixed sequence for a seed', () => {
    const next = mulberry32(42);
    expect([next(), next(), next()]).toEqual([
      expect.closeTo(0.6011037519201636, 12),
      expect.closeTo(0.44829055899754167, 12),
      expect.closeTo(0.8524657934904099, 12),
    ]);
  });

  it.each([
    [10, 3],
    [3, 10],
    [100, 7],
    [1, 1],
  ])('splitCount(%i, %i) gives positive parts summing to the total', (total, parts) => {
    const shares = splitCount(createRng(5), total, parts);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
    expect(shares.every((share) => share >= 1)).toBe(true);
    expect(shares.length).toBe(Math.min(total, parts));
  });
});
