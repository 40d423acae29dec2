/**
 * The JSON Schema of `bundle.json`, generated from the zod schema that the compiler itself checks
 * against (src/shared/bundle.ts), so the published contract cannot drift from the real one.
 */
import { z } from 'zod';
import { bundle, SCHEMA_VERSION } from '../../shared/bundle';
import { BUNDLE_FILE, BUNDLE_SCHEMA_FILE } from '../../shared/data-files';
import { toFileUrl } from '../../shared/site-url';

/** The schema's `$id` when the site's URL is unknown: names the format version, not a place. */
export const BUNDLE_SCHEMA_URN = `urn:lanyard:bundle:v${SCHEMA_VERSION}`;

/**
 * JSON Schema (draft 2020-12) of the bundle as written (`io: 'output'`). The branded ids are plain
 * strings at run time and the schema has no transforms, so everything is representable;
 * `unrepresentable: 'throw'` keeps it that way: a transform or custom type added to bundle.ts
 * fails the build here instead of silently publishing `{}` for it. `$id` is the file's URL when the
 * site's URL is known, else {@link BUNDLE_SCHEMA_URN}.
 */
export function toBundleJsonSchema(siteRoot: URL | undefined): Record<string, unknown> {
  const generated = z.toJSONSchema(bundle, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'throw',
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: siteRoot ? toFileUrl(BUNDLE_SCHEMA_FILE, siteRoot) : BUNDLE_SCHEMA_URN,
    title: `Lanyard notes bundle, schema version ${SCHEMA_VERSION}`,
    description:
      `The compiled conference notes published as ${BUNDLE_FILE} by a Lanyard site: conferences, ` +
      'talks (with sanitized HTML and plain text), day notes, tags and speakers. `schemaVersion` ' +
      'changes whenever a reader would notice.',
    ...rest,
  };
}
