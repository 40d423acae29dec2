/**
 * Keynote blocks, panels and lightning talks written as bullets under one heading: one talk whose
 * parts each have a subject and speakers ("- Jane Doe (Acme): error budgets",
 * "- Marc Dupuis : pg_stat_statements", "- Error budgets - Jane Doe"). Pure.
 */
import type { Speaker } from '../../shared/bundle';
import { parseSpeakerList, splitTitleAndSpeakers } from './speakers';

export interface TalkPart {
  title: string;
  speakers: Speaker[];
}

/** Headings that hold several short talks or several speakers. */
const GROUP_TITLE =
  /\b(?:lightning|keynotes?|panels?|short talks|flash talks?|quickies|table ronde|talks|ignite|pecha kucha|rapid fire|5[- ]minute)\b/iu;

const BULLET = /^\s{0,3}[-*+•]\s+(.+)$/;

/** One bullet: its people, then what they spoke about (or the other way round). */
function readPart(item: string): TalkPart | null {
  const text = item.trim();
  const colon = /^([^:]+?)\s*:\s+(.+)$/.exec(text);
  if (colon) {
    const speakers = parseSpeakerList(colon[1]!);
    if (speakers) return { title: colon[2]!.trim(), speakers };
  }
  const split = splitTitleAndSpeakers(text);
  return split && split.title !== '' ? split : null;
}

export function isGroupTitle(title: string): boolean {
  return GROUP_TITLE.test(title);
}

/**
 * The parts written as the first bullets of a talk's notes, or null unless at least two bullets
 * there each name their speakers.
 */
export function readBulletParts(bodyLines: readonly string[]): TalkPart[] | null {
  const parts: TalkPart[] = [];
  let started = false;
  for (const line of bodyLines) {
    if (line.trim() === '') {
      if (started) break;
      continue;
    }
    const bullet = BULLET.exec(line);
    if (!bullet) {
      if (started || /^\s/.test(line)) break;
      continue; // a line of introduction before the list ("Five minutes each:")
    }
    started = true;
    const part = readPart(bullet[1]!);
    if (part) parts.push(part);
  }
  return parts.length >= 2 ? parts : null;
}

/** Every speaker of the parts, each once, in order. */
export function speakersOfParts(parts: readonly TalkPart[]): Speaker[] {
  const seen = new Set<string>();
  return parts
    .flatMap((part) => part.speakers)
    .filter((speaker) => (seen.has(speaker.name) ? false : (seen.add(speaker.name), true)));
}
