/**
 * Talks told in prose, as blog trip reports do: a paragraph that names a talk in quotes and its
 * speaker in the same sentence ("Priyanka Bose and Leo Hartmann presented “Testing Web Apps…”",
 * "“Music Theory for Programmers” by Yuki Tanabe", "Ethan Brooks' talk, “Understanding the GIL”").
 * Precision first: a paragraph that does not clearly introduce a talk stays the day's note. Pure.
 */
import type { Speaker } from '../../shared/bundle';
import type { Line } from '../formats/headings';
import { parseSpeakerList } from './speakers';

export interface ProseTalk {
  /** Indexes of the paragraph's first and last lines. */
  start: number;
  end: number;
  title: string;
  speakers: Speaker[];
}

// A name's words: capitalised, or an initial ("K."); a full stop after a word ends the sentence.
const WORD = "[\\p{Lu}](?:[\\p{L}\\p{M}'’-]+|\\.)";
const NAME = `${WORD}(?:\\s+(?:${WORD}|van|von|de|der|da|di|du|le|la|bin))*`;
const NAMES = `(${NAME}(?:(?:\\s*,\\s*|\\s+(?:and|&|et)\\s+)${NAME})*)`;
const QUOTED = '["“«]\\s*([^"“”«»]{3,140}?)\\s*["”»]';

/** The ways a sentence ties a quoted title to the people who gave it. */
const INTRODUCTIONS: readonly { pattern: RegExp; title: number; names: number }[] = [
  // “Title” by Jane Doe
  { pattern: new RegExp(`${QUOTED},?\\s+(?:by|from|par)\\s+${NAMES}`, 'u'), title: 1, names: 2 },
  // Jane Doe's talk, “Title” / Jane Doe’s keynote on “Title”
  {
    pattern: new RegExp(
      `${NAMES}(?:'s?|’s?)\\s+(?:(?:opening|closing|lightning)\\s+)?(?:talk|keynote|session|presentation|workshop)\\b,?\\s*(?:(?:called|titled|named|entitled|on|about)\\s+)?${QUOTED}`,
      'u',
    ),
    title: 2,
    names: 1,
  },
  // Jane Doe and John Roe presented “Title” / Jane Doe, who gave a talk called “Title” / Jane Doe on “Title”
  {
    pattern: new RegExp(
      `${NAMES},?\\s+(?:who\\s+)?(?:presented|gave|delivered|talked about|spoke about|spoke on|on|with|a présenté|a parlé de)\\b[^"“«.!?]{0,60}?${QUOTED}`,
      'u',
    ),
    title: 2,
    names: 1,
  },
];

function paragraphs(lines: readonly Line[]): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let start: number | null = null;
  lines.forEach((line, index) => {
    const blank = line.text.trim() === '';
    if (!blank && start === null) start = index;
    if (blank && start !== null) {
      found.push({ start, end: index - 1 });
      start = null;
    }
  });
  if (start !== null) found.push({ start, end: lines.length - 1 });
  return found;
}

/** The talk a paragraph introduces, when exactly one quoted title there is tied to people. */
function readParagraph(text: string): { title: string; speakers: Speaker[] } | null {
  const quotes = text.match(new RegExp(QUOTED, 'gu')) ?? [];
  if (quotes.length !== 1) return null;
  for (const { pattern, title, names } of INTRODUCTIONS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const words = match[title]!.trim().replace(/[.,]$/, '');
    if (!/^[\p{Lu}\d]/u.test(words) || words.split(/\s+/).length < 2) continue;
    const speakers = parseSpeakerList(match[names]!);
    if (speakers) return { title: words, speakers };
  }
  return null;
}

const BULLET = /^(\s*)[-*+•]\s+(.+)$/;

/**
 * A list item naming a talk and its speaker: "- Infrastructure as a Product by Lukas Hoffmann.",
 * "* *Maintaining a Project* by Carlos Mendes — …", "- Seven Years of DevOpsDays, a keynote by …".
 */
const ITEM_TALK = new RegExp(
  `^(?:[*_]{1,2})?([\\p{Lu}\\d][^*_]{2,140}?)(?:[*_]{1,2})?,?\\s+(?:(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+)?(?:keynote|talk|workshop|session|panel)\\s+)?by\\s+${NAMES}(?=\\s*(?:[.,;:—–(]|-\\s|$))`,
  'u',
);

/** List items with their continuation lines (indented deeper, before a blank line). */
function listItems(lines: readonly Line[]): { start: number; end: number; text: string }[] {
  const items: { start: number; end: number; text: string }[] = [];
  lines.forEach((line, index) => {
    const bullet = BULLET.exec(line.text);
    if (!bullet) return;
    const indent = bullet[1]!.length;
    let end = index;
    while (
      end + 1 < lines.length &&
      lines[end + 1]!.text.trim() !== '' &&
      !BULLET.exec(lines[end + 1]!.text) &&
      /^\s/.test(lines[end + 1]!.text) &&
      lines[end + 1]!.text.search(/\S/) > indent
    ) {
      end++;
    }
    items.push({ start: index, end, text: bullet[2]! });
  });
  return items;
}

function readItem(text: string): { title: string; speakers: Speaker[] } | null {
  const match = ITEM_TALK.exec(text.trim());
  if (!match) return null;
  const title = match[1]!.trim().replace(/[.,]$/, '');
  if (title.split(/\s+/).length < 2 || title.split(/\s+/).length > 15) return null;
  const speakers = parseSpeakerList(match[2]!);
  return speakers ? { title, speakers } : null;
}

/** The paragraphs (and list items) of a note that introduce a talk. */
export function findProseTalks(lines: readonly Line[]): ProseTalk[] {
  const items = listItems(lines).flatMap(({ start, end, text }) => {
    const talk = readItem(text);
    return talk ? [{ start, end, ...talk }] : [];
  });
  if (items.length >= 2) return items;
  return paragraphs(lines).flatMap(({ start, end }) => {
    const text = lines
      .slice(start, end + 1)
      .map((line) => line.text)
      .join(' ');
    const talk = readParagraph(text);
    return talk ? [{ start, end, ...talk }] : [];
  });
}

const LINK_BULLET = /^\s{0,3}[-*+]\s+\[([^\]]{3,160})\]\([^)\s]+[^)]*\)(.*)$/u;
const LINK_SPEAKER = /^\s*(?:(?:by|par|von|with)\s+|[-–—:,|]\s*)(.+?)\s*$/iu;

/** How many link bullets of a list must name their speakers for the list to be talks. */
const NAMED_LINKS = 2;

/**
 * Talks listed as link bullets, as trip reports list the talks worth watching:
 * "* [Propositions as Types](https://…) by Philip Wadler". A run of such bullets is talks when at
 * least two of them, and half of them, name a person after the link; each bullet is one talk (the
 * ones naming nobody too). Any other list of links stays notes.
 */
export function findLinkBulletTalks(lines: readonly Line[]): ProseTalk[] {
  const talks: ProseTalk[] = [];
  let run: ProseTalk[] = [];
  const close = () => {
    const named = run.filter((talk) => talk.speakers.length > 0).length;
    if (named >= NAMED_LINKS && named * 2 >= run.length) talks.push(...run);
    run = [];
  };
  lines.forEach((line, index) => {
    const match = LINK_BULLET.exec(line.text);
    if (!match) {
      if (line.text.trim() !== '') close();
      return;
    }
    const tail = LINK_SPEAKER.exec(match[2]!)?.[1];
    const speakers = tail === undefined ? null : parseSpeakerList(tail);
    run.push({ start: index, end: index, title: match[1]!.trim(), speakers: speakers ?? [] });
  });
  close();
  return talks;
}
