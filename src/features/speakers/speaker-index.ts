/**
 * The speakers index at any size: speakers in alphabetical sections, the sections cut into pages
 * of about {@link SPEAKERS_PER_PAGE}, so a prerendered page stays small at thousands of speakers.
 * Pure: the page, the prerenderer's static paths and the head all read the same pages.
 */
import type { SpeakerSummary } from '../../shared/bundle';

/** Speakers on one page of the index; a letter is never split across pages. */
export const SPEAKERS_PER_PAGE = 150;

/** The section of names that do not start with a Latin letter. */
export const OTHER_LETTER = '#';

export interface SpeakerSection {
  /** "A"…"Z", or {@link OTHER_LETTER}. */
  letter: string;
  speakers: SpeakerSummary[];
}

export interface SpeakerPage {
  /** 1-based. */
  number: number;
  sections: SpeakerSection[];
}

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The name a speaker is sorted and filed under: without a leading `@`. */
const sortName = (speaker: SpeakerSummary): string => speaker.name.replace(/^@/, '');

/** "Émile" → "E", "@lvh" → "L", "山田" → "#". */
export function letterOf(name: string): string {
  const first = name
    .replace(/^[@\s]+/, '')
    .normalize('NFKD')
    .charAt(0)
    .toUpperCase();
  return /^[A-Z]$/.test(first) ? first : OTHER_LETTER;
}

/** Speakers by name, in sections by first letter: A to Z, then the rest. */
export function speakerSections(speakers: readonly SpeakerSummary[]): SpeakerSection[] {
  const sections = new Map<string, SpeakerSummary[]>();
  const sorted = [...speakers].sort((a, b) => byName.compare(sortName(a), sortName(b)));
  for (const speaker of sorted) {
    const letter = letterOf(sortName(speaker));
    sections.set(letter, [...(sections.get(letter) ?? []), speaker]);
  }
  return [...sections.entries()]
    .sort(([a], [b]) => (a === OTHER_LETTER ? 1 : b === OTHER_LETTER ? -1 : a.localeCompare(b)))
    .map(([letter, list]) => ({ letter, speakers: list }));
}

/**
 * Whole sections onto pages: a page takes the next section while it has fewer than `size`
 * speakers, so a page holds at most `size` plus one section.
 */
export function speakerPages(
  sections: readonly SpeakerSection[],
  size = SPEAKERS_PER_PAGE,
): SpeakerPage[] {
  const pages: SpeakerPage[] = [];
  let current: SpeakerSection[] = [];
  let count = 0;
  for (const section of sections) {
    if (count > 0 && count + section.speakers.length > size) {
      pages.push({ number: pages.length + 1, sections: current });
      current = [];
      count = 0;
    }
    current.push(section);
    count += section.speakers.length;
  }
  if (current.length > 0) pages.push({ number: pages.length + 1, sections: current });
  return pages;
}

/** "A–D", or "Q" for a page of one letter. */
export function pageLetters(page: SpeakerPage): string {
  const first = page.sections[0]?.letter ?? '';
  const last = page.sections.at(-1)?.letter ?? '';
  return first === last ? first : `${first}–${last}`;
}

/** Speakers whose name, affiliation or handle contains every word of `query` (any case, accents). */
export function filterSpeakers(
  speakers: readonly SpeakerSummary[],
  query: string,
): SpeakerSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...speakers];
  return speakers.filter((speaker) => {
    const text = fold(`${speaker.name} ${speaker.affiliation ?? ''} ${speaker.handle ?? ''}`);
    return words.every((word) => text.includes(word));
  });
}

const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
