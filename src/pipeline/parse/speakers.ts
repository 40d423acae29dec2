/**
 * Telling a talk's title from its speakers in the one line most people write:
 * "Title - Speaker", "Speaker - Title", "Title, Speaker, Affiliation", "Title (Speaker)",
 * "Title by Speaker", "Keynote: Speaker". Pure; no knowledge of files or structure.
 */
import type { Speaker } from '../../shared/bundle';

export interface TitleAndSpeakers {
  title: string;
  speakers: Speaker[];
}

/**
 * Words that show up capitalised in titles but are not parts of names. A side of a split that
 * holds one of these reads as a title, not as a person.
 */
const TITLE_WORDS = new Set(
  (
    'a an the of in on at for with to from into onto over under by vs versus and or but not is are ' +
    'be was how why what when where who your our my their its this that these those all any every ' +
    'no yes new old more less best good great bad part day days intro introduction keynote talk ' +
    'panel workshop tutorial session track lightning opening closing welcome q&a qa beyond using ' +
    'building making scaling designing running managing migrating mastering becoming principles ' +
    'things stack cloud data system systems linux open source code software web api apis app apps ' +
    'security monitoring containers container docker kubernetes python rust go java javascript ' +
    'services service microservices smart secure enterprise recording user users session sessions ' +
    'myth reality operations production clusters cluster broadcast environment television drug ' +
    'discovery puppet testing tests test tools tool future state world life guide lessons learned ' +
    'story stories year years one two three four five ten hundred first last 101 deep dive'
  ).split(' '),
);

/** Particles that stand lower-case inside names ("Ludwig van Beethoven", "Ana de la Cruz"). */
const NAME_PARTICLES = new Set(
  'van von der den de da di del della du le la bin ibn al el dos das y zu ter ten'.split(' '),
);

/** Words that make a comma-separated part an organisation rather than a second speaker. */
const ORGANISATION_WORDS =
  /\b(inc|ltd|llc|gmbh|corp|co|labs?|hat|software|systems|technologies|tech|university|institute|foundation|group|project|consulting|solutions|networks|cloud|america|australia|google|microsoft|amazon|aws|ibm|atlassian|canonical|mozilla|github|gitlab|oracle|intel|netflix|facebook|meta|twitter|apple)\b/i;

const HANDLE = /^@([A-Za-z0-9_][A-Za-z0-9_.-]{0,38})$/;
const NAME_WORD = /^[\p{Lu}][\p{L}\p{M}'’-]*\.?$|^[\p{Lu}]\.(?:[\p{Lu}]\.)*$/u;
const KEYNOTE_LABEL =
  /^((?:[\p{L}\d]+\s+){0,3}(?:keynote|plenary|opening address|closing address|fireside chat|invited talk))\s*:\s*(.+)$/iu;
const BY_SPEAKER = /^(.+?)\s+by\s+(.+)$/i;
const PARENTHESISED_END = /^(.+?)\s*\(([^()]+)\)$/;
const DASHES = /\s+[-–—]{1,2}\s+/;

/** "@lvh" → { name: "@lvh", handle: "lvh" }; "Jane Doe (@jdoe)" or "Jane Doe @jdoe" → name and handle. */
export function toSpeaker(text: string, affiliation?: string): Speaker | null {
  const trimmed = text.trim();
  const handleOnly = HANDLE.exec(trimmed);
  if (handleOnly) return withAffiliation({ name: trimmed, handle: handleOnly[1]! }, affiliation);
  const named = /^(.+?)\s*\(?@([A-Za-z0-9_][A-Za-z0-9_.-]{0,38})\)?$/.exec(trimmed);
  if (named && looksLikeName(named[1]!)) {
    return withAffiliation({ name: named[1]!.trim(), handle: named[2]! }, affiliation);
  }
  return looksLikeName(trimmed) ? withAffiliation({ name: trimmed }, affiliation) : null;
}

function withAffiliation(speaker: Speaker, affiliation: string | undefined): Speaker {
  return affiliation ? { ...speaker, affiliation } : speaker;
}

/** True for "Elizabeth K. Joseph", "Ana de la Cruz", "@lvh"; false for "Opensoure drug discovery". */
export function looksLikeName(text: string): boolean {
  const trimmed = text.trim();
  if (HANDLE.test(trimmed)) return true;
  if (trimmed.length > 48 || /[?!:;/\\|"“”<>[\]{}=+*#0-9]/.test(trimmed)) return false;
  const words = trimmed.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  const capitalised = words.filter((word) => NAME_WORD.test(word));
  const particles = words.filter((word) => NAME_PARTICLES.has(word));
  if (capitalised.length + particles.length !== words.length || capitalised.length < 2)
    return false;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  if (!NAME_WORD.test(first) || !NAME_WORD.test(last)) return false;
  return !words.some((word) => TITLE_WORDS.has(word.toLowerCase().replace(/[.'’]+$/, '')));
}

/**
 * Split a list of people: "Jane Doe, John Smith & Ada Lovelace", "A and B". Returns null when any
 * part is not a person, so a title is never mistaken for a list of speakers. A trailing part that
 * is an organisation becomes the last speaker's affiliation ("Frank Stratton, Runscope").
 */
export function parseSpeakerList(text: string): Speaker[] | null {
  const parts = text
    .split(/\s*,\s*|\s+&\s+|\s+and\s+|\s*;\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return null;
  const speakers: Speaker[] = [];
  for (const [index, part] of parts.entries()) {
    const person = ORGANISATION_WORDS.test(part) && index > 0 ? null : toSpeaker(part);
    if (person) {
      speakers.push(person);
      continue;
    }
    // Only what follows at least one person, and only at the end, can be an affiliation.
    if (speakers.length === 0) return null;
    const affiliation = parts.slice(index).join(', ');
    if (!looksLikeAffiliation(affiliation)) return null;
    const last = speakers.pop()!;
    speakers.push({ ...last, affiliation });
    break;
  }
  return speakers;
}

/** "Runscope", "Code for America", "Red Hat": short, starts with a capital, not a sentence. */
function looksLikeAffiliation(text: string): boolean {
  const words = text.split(/\s+/);
  return (
    text.length <= 60 &&
    words.length <= 6 &&
    /^[\p{Lu}\d]/u.test(text) &&
    !/[.!?]$/.test(text.replace(/\b(inc|ltd|co|corp)\.$/i, ''))
  );
}

/**
 * The title and speakers written on one line, or null when no side of the line is a person.
 * Tries the forms from most to least explicit; the first that finds a person wins.
 */
export function splitTitleAndSpeakers(line: string): TitleAndSpeakers | null {
  const text = line.trim();
  // A line that ends like a sentence is prose, not a title line ("Local Free Web - find … stops.").
  if (text === '' || text.length > 160 || /[^.]\.$/.test(text)) return null;
  return (
    splitWith(KEYNOTE_LABEL, text) ??
    splitDashes(text) ??
    splitWith(PARENTHESISED_END, text) ??
    splitWith(BY_SPEAKER, text) ??
    splitCommas(text)
  );
}

/**
 * A form whose pattern captures the title, then the speakers: "Friday Keynote: Catherine Bracy,
 * Code for America", "Title (Speaker)", "Title by Speaker".
 */
function splitWith(pattern: RegExp, text: string): TitleAndSpeakers | null {
  const match = pattern.exec(text);
  if (!match) return null;
  const speakers = parseSpeakerList(match[2]!);
  return speakers ? { title: match[1]!.trim(), speakers } : null;
}

/**
 * "Title - Speaker" or "Speaker - Title". The title may hold dashes of its own
 * ("Web3 - the Internet of Freedom - Jane Doe"), so the person is looked for at either end and
 * the rest stays the title. The end reading is preferred: it is how most people write it.
 */
function splitDashes(text: string): TitleAndSpeakers | null {
  const parts = text.split(DASHES);
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1]!;
  const first = parts[0]!;
  const atEnd = parseSpeakerList(last);
  if (atEnd) return { title: parts.slice(0, -1).join(' - '), speakers: atEnd };
  const atStart = parseSpeakerList(first);
  if (atStart) return { title: parts.slice(1).join(' - '), speakers: atStart };
  return null;
}

/**
 * "Title, Speaker[, Affiliation]": the first comma part after the title that is a person starts
 * the speakers. The title may itself hold commas only before that person.
 */
function splitCommas(text: string): TitleAndSpeakers | null {
  const parts = text.split(/\s*,\s*/);
  for (let index = 1; index < parts.length; index++) {
    if (!toSpeaker(parts[index]!)) continue;
    const speakers = parseSpeakerList(parts.slice(index).join(', '));
    if (speakers) return { title: parts.slice(0, index).join(', '), speakers };
  }
  return null;
}

/**
 * A line that names the speakers of the talk above it: "speaker: X", "Speakers: X and Y",
 * "**presenter:** X", "by X", or a bullet holding only a name ("- Jane Doe").
 */
export function parseSpeakerLine(line: string): Speaker[] | null {
  const text = line.trim().replace(/\*\*|__/g, '');
  const labelled =
    /^(?:speakers?|presenters?|presented by|by|speaker\(s\)|orateur|orateurs|intervenants?|referent(?:in)?|sprecher(?:in)?)\s*:?\s+(.+)$/i.exec(
      text,
    );
  if (labelled) return parseSpeakerList(labelled[1]!.replace(/^:\s*/, ''));
  const bullet = /^(?:[-*+•])\s+(.+)$/.exec(text);
  if (bullet) {
    const person = toSpeaker(bullet[1]!);
    return person ? [person] : null;
  }
  return null;
}
