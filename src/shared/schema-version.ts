/**
 * Version of the bundle format (`bundle.json`'s `schemaVersion`). Bump it on any change a reader
 * would notice. Kept apart from the zod schemas so the app can check it without shipping zod.
 *
 * 2: talks carry `related`.
 */
export const SCHEMA_VERSION = 2;
