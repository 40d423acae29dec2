/** The sample notes' search index, loaded back as the browser does (through JSON), and the talks. */
import type lunr from 'lunr';
import { compileNotes } from '../../src/pipeline/compile';
import type { Talk } from '../../src/shared/bundle';
import { loadSearchIndex } from '../../src/shared/search/index-file';

export async function loadSampleSearch(): Promise<{
  index: lunr.Index;
  talksById: Map<string, Talk>;
}> {
  const result = await compileNotes({
    contentDir: 'content',
    now: new Date('2026-01-01T00:00:00Z'),
  });
  return {
    index: loadSearchIndex(JSON.parse(JSON.stringify(result.searchIndex))),
    talksById: new Map(result.bundle.talks.map((talk) => [talk.id, talk])),
  };
}
