/**
 * Every Object.prototype name as a conference, track, day, speaker and tag compiles to exactly
 * that conference, track, day, speaker and tag: no lookup keyed by note text finds a member of
 * Object.prototype (the day words once read "constructor 2" as "function Object() { [native
 * code] } 2", and a folder "talks constructor" as a track).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileNotes, type CompileResult } from '../../src/pipeline/compile';
import { toSlug } from '../../src/shared/ids';
import { PROTOTYPE_NAMES, writePrototypeNotes, yearOf } from './prototype-notes';

let dir: string;
let result: CompileResult;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lanyard-prototype-'));
  await writePrototypeNotes(dir);
  result = await compileNotes({ contentDir: dir, now: new Date('2026-01-01'), workers: 0 });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** `__proto__` in a `speaker:` line is Markdown's bold "proto"; in a folder name, underscores are spaces. */
const unmarked = (name: string) => name.replace(/^__(.*)__$/, '$1');

describe.each(PROTOTYPE_NAMES)('%s', (name) => {
  const conferenceId = `${toSlug(name)}-${yearOf(name)}`;
  const conference = () => result.bundle.conferences.find((c) => c.id === conferenceId);
  const talk = (title: string) => result.bundle.talks.find((t) => t.title === title);

  it('is a conference with its day and its track, and no other', () => {
    expect(conference()).toMatchObject({ name: name, year: yearOf(name) });
    expect(
      conference()
        ?.days.map((day) => day.label)
        .sort(),
    ).toEqual([name, 'Notes'].sort());
    // The folder "<name> track": a lower-case word capitalised ("Constructor", "Proto").
    const track = unmarked(name);
    const shown = /^[a-z]+$/.test(track) ? track[0]!.toUpperCase() + track.slice(1) : track;
    expect(conference()?.tracks).toEqual([{ id: toSlug(name), name: shown }]);
  });

  it("is a talk's speaker and tag", () => {
    expect(talk(`Talk on ${name}`)).toMatchObject({
      conference: conferenceId,
      day: { label: name },
      track: { id: toSlug(name) },
      speakers: [{ name: unmarked(name) }],
      tags: [toSlug(name)],
    });
    expect(result.bundle.speakers.find((s) => s.id === toSlug(name))?.name).toBe(unmarked(name));
    expect(result.bundle.tags.find((t) => t.id === toSlug(name))?.count).toBe(1);
  });

  it('ending a folder or file name, is neither a track nor a day', () => {
    expect(talk(`Second on ${name}`)).toMatchObject({ day: { label: 'Notes' } });
    expect(talk(`Second on ${name}`)?.track).toBeNull();
  });
});

it('compiles without a problem, and no value is a function of Object.prototype', () => {
  expect(result.issues).toEqual([]);
  expect(result.bundle.talks).toHaveLength(2 * PROTOTYPE_NAMES.length);
  expect(JSON.stringify(result.bundle)).not.toMatch(/native code|function /);
});
