/**
 * Parsed notes → talks and day notes: conference ids, days, tracks, order, stable slugs, with the
 * notes, links and tags rendered for each section (enrich/render-section.ts). Pure.
 */
import type { Day, DayNote, Link, Talk, Track } from '../../shared/bundle';
import {
  idProblem,
  shortHash,
  toAliasId,
  toConferenceId,
  toDayId,
  toSlug,
  toTalkId,
  toTrackId,
  type ConferenceId,
  type TagId,
} from '../../shared/ids';
import type { ContentIssue } from '../issues';
import type { FileFacts, ParsedNote, Section } from './types';
import { unsafeUrlMessage } from '../formats/links';
import { limitMessage, type Limit, type LimitedLine } from '../formats/nesting';
import type { NoteImage } from '../formats/render';

/** What a conference is, as its files describe it. */
export interface ConferenceFacts {
  id: ConferenceId;
  name: string;
  year?: number;
  location?: string;
  url?: string;
}

export interface TalksResult {
  talks: Talk[];
  dayNotes: DayNote[];
  conferences: ConferenceFacts[];
  issues: ContentIssue[];
}

/** Titles that name a slot rather than a talk: their slug always carries the speaker. */
const GENERIC_TITLE =
  /^(?:(?:[\p{L}]+\s+){0,2}(?:keynote|plenary|opening|closing|welcome|lightning talks?|panel|fireside chat|q&a|invited talk))$/iu;

/** The day label used when neither the file nor its path says which day it was. */
const UNKNOWN_DAY = 'Notes';

export function conferenceOf(facts: FileFacts): ConferenceFacts {
  const name = facts.conference ?? 'Notes';
  return {
    id: toConferenceId(facts.conferenceSlug ?? name),
    name,
    ...(facts.year !== undefined ? { year: facts.year } : {}),
    ...(facts.location !== undefined ? { location: facts.location } : {}),
    ...(facts.url !== undefined ? { url: facts.url } : {}),
  };
}

export function toDay(section: Section, facts: FileFacts): Day {
  const label = section.day?.label ?? facts.date ?? UNKNOWN_DAY;
  return {
    id: toDayId(label),
    label,
    ...(section.day?.number !== undefined ? { number: section.day.number } : {}),
    ...(section.day?.date !== undefined ? { date: section.day.date } : {}),
  };
}

function toTrack(section: Section): Track | null {
  return section.track ? { id: toTrackId(section.track.name), name: section.track.name } : null;
}

/** The slug a talk would get with no collision: its title, plus the speaker for generic titles. */
export function baseSlug(section: Pick<Section, 'title' | 'speakers'>): string {
  const title = section.title ?? '';
  const speaker = section.speakers[0]?.handle ?? section.speakers[0]?.name ?? '';
  const slug =
    GENERIC_TITLE.test(title.trim()) && speaker ? toSlug(`${title} ${speaker}`) : toSlug(title);
  return slug || 'talk';
}

interface Draft {
  section: Section;
  /** The section as parsed, under which its notes were rendered (`section` may drop bad ids). */
  parsed?: Section;
  note: ParsedNote;
  conference: ConferenceId;
  base: string;
}

/**
 * Slugs that stay put: a talk's slug depends only on its own title, speakers and day, never on
 * where it sits. Talks whose base slugs collide are told apart by speaker, then day, then a short
 * hash of their first line of notes; the one that sorts first by those same facts keeps the bare
 * slug. An explicit `{#id}` always wins.
 */
export function assignSlugs(drafts: readonly Draft[]): string[] {
  const groups = new Map<string, number[]>();
  drafts.forEach((draft, index) => {
    if (draft.section.explicitId) return;
    const key = `${draft.conference}/${draft.base}`;
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  const slugs = drafts.map((draft) => draft.section.explicitId ?? draft.base);
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const keyed = members
      .map((index) => ({ index, key: collisionKey(drafts[index]!) }))
      .sort((a, b) => a.key.localeCompare(b.key));
    const taken = new Set<string>();
    keyed.forEach(({ index }, rank) => {
      const draft = drafts[index]!;
      if (rank === 0) {
        taken.add(draft.base);
        return;
      }
      const candidates = [
        `${draft.base}-${speakerSlug(draft.section)}`,
        `${draft.base}-${toSlug(toDay(draft.section, draft.note.facts).label)}`,
        `${draft.base}-${shortHash(`${draft.section.body}\n${draft.note.file}`)}`,
      ].filter((slug) => !slug.endsWith('-'));
      const slug =
        candidates.find((candidate) => !taken.has(candidate)) ?? `${draft.base}-${rank + 1}`;
      taken.add(slug);
      slugs[index] = slug;
    });
  }
  return slugs;
}

function speakerSlug(section: Section): string {
  return toSlug(section.speakers.map((speaker) => speaker.handle ?? speaker.name).join(' '));
}

function collisionKey(draft: Draft): string {
  const day = toDay(draft.section, draft.note.facts);
  return [
    String(day.number ?? 99).padStart(2, '0'),
    day.date ?? '',
    speakerSlug(draft.section),
    draft.note.file,
    String(draft.section.startLine).padStart(7, '0'),
  ].join('\u0000');
}

function uniqueLinks(links: readonly Link[]): Link[] {
  const seen = new Set<string>();
  return links.filter((link) => (seen.has(link.url) ? false : (seen.add(link.url), true)));
}

/** A section's notes rendered, and for a talk its tags (enrich/render-section.ts): the costly part. */
export interface RenderedSection {
  html: string;
  text: string;
  links: Link[];
  /** Link targets left out for their scheme; each is a warning. */
  unsafeUrls?: string[];
  /** Lines of the body cut down past a limit (formats/nesting.ts); a warning for each kind. */
  limited?: LimitedLine[];
  /** Local images, until enrich/images.ts points the HTML at their published copies. */
  images?: NoteImage[];
  /** Talks only. */
  tags?: TagId[];
}

/** The sections `toTalks` renders: every talk, and the day notes with something in them. */
export function isRenderedSection(section: Section): boolean {
  return section.kind === 'talk' || section.body.trim() !== '';
}

/**
 * Turn every parsed note into talks and day notes, in file order then document order, with the
 * notes of each section `isRenderedSection` picks already rendered (enrich/render-section.ts).
 */
export function toTalks(
  notes: readonly ParsedNote[],
  rendered: ReadonlyMap<Section, RenderedSection>,
): TalksResult {
  const render = (section: Section): RenderedSection => {
    const done = rendered.get(section);
    if (!done) throw new Error(`toTalks: a section at line ${section.startLine} was not rendered`);
    return done;
  };
  const ordered = [...notes].sort((a, b) => a.file.localeCompare(b.file, 'en'));
  const conferences = new Map<ConferenceId, ConferenceFacts>();
  const drafts: Draft[] = [];
  const dayNotes: DayNote[] = [];
  const urlIssues: ContentIssue[] = [];
  const renderAndCheck = (section: Section, note: ParsedNote): RenderedSection => {
    const rendered = render(section);
    for (const url of rendered.unsafeUrls ?? []) {
      const message = unsafeUrlMessage(url, 'link');
      urlIssues.push({ severity: 'warning', file: note.file, line: section.startLine, message });
    }
    const byLimit = new Map<Limit, number[]>();
    for (const { limit, line } of rendered.limited ?? []) {
      const lines = byLimit.get(limit) ?? [];
      lines.push(line);
      byLimit.set(limit, lines);
    }
    for (const [limit, lines] of byLimit) {
      const first = lines.reduce((a, b) => Math.min(a, b));
      urlIssues.push({
        severity: 'warning',
        file: note.file,
        line: (section.bodyLine ?? section.startLine) + first - 1,
        message: limitMessage(limit, new Set(lines).size),
      });
    }
    return rendered;
  };
  for (const note of ordered) {
    const conference = mergeConference(conferences, conferenceOf(note.facts));
    for (const section of note.sections) {
      if (section.kind === 'talk') {
        drafts.push({ section, note, conference: conference.id, base: baseSlug(section) });
      } else if (isRenderedSection(section)) {
        dayNotes.push(toDayNote(section, note, conference.id, renderAndCheck(section, note)));
      }
    }
  }
  const idIssues = drafts.flatMap((draft) => checkSectionIds(draft));
  const slugs = assignSlugs(drafts);
  const orderWithin = new Map<ConferenceId, number>();
  const talks = drafts.map((draft, index) => {
    const order = orderWithin.get(draft.conference) ?? 0;
    orderWithin.set(draft.conference, order + 1);
    return toTalk(
      draft,
      slugs[index]!,
      order,
      renderAndCheck(draft.parsed ?? draft.section, draft.note),
    );
  });
  return {
    talks,
    dayNotes,
    conferences: [...conferences.values()],
    issues: [...idIssues, ...urlIssues, ...findIdClashes(talks)],
  };
}

/**
 * A talk's explicit id and aliases become file names: one that is not an id is an error, and is
 * dropped so the talk keeps its slug (`draft.section` is replaced, never changed).
 */
function checkSectionIds(draft: Draft): ContentIssue[] {
  const { section, note } = draft;
  const problems: string[] = [];
  const explicit = section.explicitId;
  const idWrong = explicit !== undefined ? idProblem(explicit, 'id') : null;
  if (idWrong) problems.push(idWrong);
  const aliases = section.aliases.filter((alias) => {
    const wrong = idProblem(alias, 'alias');
    if (wrong) problems.push(wrong);
    return wrong === null;
  });
  if (problems.length === 0) return [];
  const kept: Section = { ...section, aliases };
  if (idWrong) delete kept.explicitId;
  draft.parsed = section;
  draft.section = kept;
  return problems.map((message) => ({
    severity: 'error' as const,
    file: note.file,
    line: section.startLine,
    message,
  }));
}

/** Later files fill in what earlier files of the same conference left out. */
function mergeConference(
  conferences: Map<ConferenceId, ConferenceFacts>,
  facts: ConferenceFacts,
): ConferenceFacts {
  const known = conferences.get(facts.id);
  const merged = known ? { ...facts, ...known } : facts;
  conferences.set(facts.id, merged);
  return merged;
}

function toDayNote(
  section: Section,
  note: ParsedNote,
  conference: ConferenceId,
  { html, text }: RenderedSection,
): DayNote {
  return {
    conference,
    day: toDay(section, note.facts),
    ...(section.title ? { heading: section.title } : {}),
    html,
    text,
    source: { file: note.file, startLine: section.startLine, endLine: section.endLine },
  };
}

function toTalk(draft: Draft, slug: string, order: number, rendered: RenderedSection): Talk {
  const { section, note } = draft;
  const { html, text, links, tags = [] } = rendered;
  const title = section.title ?? '';
  return {
    id: toTalkId(draft.conference, slug),
    title,
    speakers: section.speakers,
    conference: draft.conference,
    day: toDay(section, note.facts),
    track: toTrack(section),
    order,
    ...(section.time !== undefined ? { time: section.time } : {}),
    ...(section.session !== undefined ? { session: section.session } : {}),
    tags,
    links: uniqueLinks([...section.titleLinks, ...links]),
    html,
    text,
    aliases: section.aliases.map((alias) => toAliasId(draft.conference, alias)),
    // Filled in once all talks are known (compile.ts, findRelatedTalks).
    related: [],
    source: { file: note.file, startLine: section.startLine, endLine: section.endLine },
  };
}

/** Two talks may not share an id, and no alias may point at two talks or shadow a talk. */
export function findIdClashes(talks: readonly Talk[]): ContentIssue[] {
  const owners = new Map<string, Talk>();
  const issues: ContentIssue[] = [];
  const claim = (id: string, talk: Talk, what: string) => {
    const owner = owners.get(id);
    if (owner && owner !== talk) {
      issues.push({
        severity: 'error',
        file: talk.source.file,
        line: talk.source.startLine,
        message: `${what} "${id}" is already used by "${owner.title}" (${owner.source.file}:${owner.source.startLine})`,
      });
    } else {
      owners.set(id, talk);
    }
  };
  for (const talk of talks) claim(talk.id, talk, 'talk id');
  for (const talk of talks) {
    for (const alias of talk.aliases) claim(alias, talk, 'alias');
  }
  return issues;
}
