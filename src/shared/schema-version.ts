/**
 * Version of the bundle format (`bundle.json`'s `schemaVersion`). Bump it on any change a reader
 * would notice. Kept apart from the zod schemas so the app can check it without shipping zod.
 *
 * 2: talks carry `related`.
 * 3: the app reads `catalog.json` (talks as cards), one file per talk and `links.json`; the
 *    bundle is unchanged but published for readers only.
 * 4: talks carry the `time` and `session` written around their title, when the notes give them.
 */
export const SCHEMA_VERSION = 4;
