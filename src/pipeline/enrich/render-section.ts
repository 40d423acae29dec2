/** A section's notes → HTML, text and links in its format; a talk's tags too. Pure. */
import { formatNamed } from '../formats/index';
import { renderNotes } from '../formats/render';
import type { RenderedSection } from '../parse/talks';
import type { ParsedNote, Section } from '../parse/types';
import { noteImagePath } from './images';
import { findTags, type Vocabulary } from './tags';

export function renderSection(
  section: Section,
  note: ParsedNote,
  vocabulary: Vocabulary,
): RenderedSection {
  const source = formatNamed(section.format).withLinkDefinitions(
    section.body,
    note.linkDefinitions,
  );
  const { html, text, links, unsafeUrls, limited, images } = renderNotes(
    source,
    section.format,
    noteImagePath(note.file),
  );
  const rendered = {
    html,
    text,
    links,
    ...(unsafeUrls.length > 0 ? { unsafeUrls } : {}),
    ...(limited.length > 0 ? { limited } : {}),
    ...(images.length > 0 ? { images } : {}),
  };
  if (section.kind !== 'talk') return rendered;
  const title = section.title ?? '';
  const explicit = [...note.facts.tags, ...section.tags];
  return { ...rendered, tags: findTags({ text, title, explicit }, vocabulary) };
}
