/**
 * A list of talks as a Markdown document: a heading per talk, its speakers, conference, day, link,
 * then its notes. Pure.
 */
import { conferenceName, speakerLine, type ExportItem, type ExportList } from './export-item';

/** Characters that would start markup inside a line of Markdown. */
const INLINE_MARKUP = /[\\`*_[\]<>]/g;
const escapeInline = (text: string): string => text.replace(INLINE_MARKUP, '\\$&');

/**
 * Plain-text notes kept as text: a line that would read as a heading, quote, list item, rule or
 * fenced code is escaped, and so are inline marks. Blank lines (paragraphs) stay.
 */
export function toMarkdownText(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      // Four spaces would make an indented code block.
      const escaped = escapeInline(line.trimEnd()).replace(/^\s{4,}/, '   ');
      const ordered = /^(\s*\d{1,9})([.)]\s)/.exec(escaped);
      if (ordered) return `${ordered[1]}\\${escaped.slice(ordered[1]!.length)}`;
      return /^\s*(?:#{1,6}(?:\s|$)|[-+]\s|={2,}\s*$|-{2,}\s*$|~{3,})/.test(escaped)
        ? escaped.replace(/^(\s*)/, '$1\\')
        : escaped;
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

function dayOf(item: ExportItem): string {
  const { day, time } = item.talk;
  return [day.label, day.date && day.date !== day.label ? day.date : undefined, time]
    .filter(Boolean)
    .join(', ');
}

function talkSection(item: ExportItem): string {
  const { talk } = item;
  const place = item.conference?.location ? ` (${item.conference.location})` : '';
  const facts: Array<[string, string | undefined]> = [
    ['Speakers', speakerLine(talk) || undefined],
    ['Conference', `${conferenceName(item)}${place}`],
    ['Day', dayOf(item)],
    ['Session', talk.session],
    ['Track', talk.track?.name],
    ['Link', `<${item.url}>`],
  ];
  const list = facts
    .filter((fact): fact is [string, string] => Boolean(fact[1]))
    .map(([name, value]) => `- ${name}: ${name === 'Link' ? value : escapeInline(value)}`);
  const notes = toMarkdownText(item.notes);
  return [
    `## ${escapeInline(talk.title)}`,
    list.join('\n'),
    notes || '_No notes were taken for this talk._',
  ].join('\n\n');
}

export function toMarkdown(list: ExportList): string {
  const count = list.items.length;
  const intro = `${count} ${count === 1 ? 'talk' : 'talks'}, exported ${list.exportedAt.toISOString().slice(0, 10)}.`;
  return `${[`# ${escapeInline(list.title)}`, intro, ...list.items.map(talkSection)].join('\n\n')}\n`;
}
