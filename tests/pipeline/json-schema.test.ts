/**
 * The published JSON Schema of bundle.json, checked as a reader would use it: by ajv (draft
 * 2020-12), a validator that shares no code with zod, reading the emitted file alone.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileNotes } from '../../src/pipeline/compile';
import { BUNDLE_SCHEMA_URN, toBundleJsonSchema } from '../../src/pipeline/emit/json-schema';
import { toOpenDataFiles } from '../../src/pipeline/emit/open-data';
import { SCHEMA_VERSION, type Bundle } from '../../src/shared/bundle';
import { BUNDLE_SCHEMA_FILE } from '../../src/shared/data-files';

let bundle: Bundle;
let emitted: Record<string, unknown>;
let validate: (value: unknown) => boolean;

beforeAll(async () => {
  const result = await compileNotes({
    contentDir: 'content',
    now: new Date('2026-01-01T00:00:00Z'),
  });
  bundle = result.bundle;
  const file = toOpenDataFiles(bundle, undefined).find((f) => f.fileName === BUNDLE_SCHEMA_FILE);
  if (!file) throw new Error(`${BUNDLE_SCHEMA_FILE} was not emitted`);
  emitted = JSON.parse(file.source) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const check = ajv.compile(emitted);
  validate = (value) => check(value);
});

/** The sample bundle as a reader gets it (undefined fields dropped), changed by `edit`. */
const edited = (
  edit: (b: Record<string, unknown> & { talks: Record<string, unknown>[] }) => void,
) => {
  const copy = JSON.parse(JSON.stringify(bundle)) as Record<string, unknown> & {
    talks: Record<string, unknown>[];
  };
  edit(copy);
  return copy;
};

describe('data/bundle.schema.json', () => {
  it('names itself: draft 2020-12, $id, title and description', () => {
    expect(emitted).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: BUNDLE_SCHEMA_URN,
      title: `Lanyard notes bundle, schema version ${SCHEMA_VERSION}`,
      type: 'object',
    });
    expect(emitted.description).toEqual(expect.stringContaining('data/bundle.json'));
    expect(BUNDLE_SCHEMA_URN).toBe(`urn:lanyard:bundle:v${SCHEMA_VERSION}`);
  });

  it('has the file URL as $id when the site URL is known', () => {
    expect(toBundleJsonSchema(new URL('https://example.org/notes/')).$id).toBe(
      'https://example.org/notes/data/bundle.schema.json',
    );
  });

  it('accepts the sample bundle compiled from content/', () => {
    expect(bundle.talks.length).toBeGreaterThan(0);
    expect(validate(JSON.parse(JSON.stringify(bundle)))).toBe(true);
  });

  it.each<[string, Parameters<typeof edited>[0]]>([
    ['another schema version', (b) => void (b.schemaVersion = SCHEMA_VERSION + 1)],
    ['a talk without a title', (b) => void delete b.talks[0]!.title],
    ['an empty talk id', (b) => void (b.talks[0]!.id = '')],
    ['a negative order', (b) => void (b.talks[0]!.order = -1)],
    ['an unknown field', (b) => void (b.talks[0]!.colour = 'red')],
    ['speakers that are strings', (b) => void (b.talks[0]!.speakers = ['Jane'])],
  ])('rejects %s', (_, edit) => {
    expect(validate(edited(edit))).toBe(false);
  });

  it('lists every required top-level field', () => {
    expect(emitted.required).toEqual([
      'schemaVersion',
      'generatedAt',
      'conferences',
      'talks',
      'dayNotes',
      'tags',
      'speakers',
    ]);
  });
});
