/**
 * All the work one note file takes on its own: parsed, and every section `toTalks` needs
 * rendered. Pure, and the same on the main thread and on a worker thread (worker-pool.ts).
 */
import { renderSection } from './enrich/render-section';
import type { Vocabulary } from './enrich/tags';
import type { ContentIssue } from './issues';
import { parseFile } from './parse/parse-file';
import { isRenderedSection, type RenderedSection } from './parse/talks';
import type { ParsedNote } from './parse/types';
import type { RawFile } from './read/files';

export interface CompiledFile {
  note: ParsedNote | null;
  issues: ContentIssue[];
  /** For each section of `note`: rendered, or null when `toTalks` does not render it. */
  rendered: (RenderedSection | null)[];
}

export function compileFile(file: RawFile, vocabulary: Vocabulary): CompiledFile {
  const { note, issues } = parseFile(file);
  const rendered = (note?.sections ?? []).map((section) =>
    isRenderedSection(section) ? renderSection(section, note!, vocabulary) : null,
  );
  return { note, issues, rendered };
}
