/**
 * Telling a talk's title from its speakers in the one line most people write:
 * "Title - Speaker", "Speaker - Title", "Title, Speaker, Affiliation", "Title (Speaker)",
 * "Title by Speaker", "Keynote: Speaker". Pure; no knowledge of files or structure.
 */
import type { Speaker } from '../../shared/bundle';
import { memoizeLine } from './memo';
import { parseDayLabel } from './days';
import { isSessionLabel } from './title-parts';

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
  /\b(inc|ltd|llc|gmbh|corp|co|labs?|hat|hospital|clinic|bank|books|school|college|academy|agency|council|ministry|museum|library|press|media|studios?|partners|ventures|health|analytics|digital|bookshop|store|shop|institut|université|universität|[\w-]+-ish|software|systems|technologies|tech|university|institute|foundation|group|project|consulting|solutions|networks|cloud|america|australia|google|microsoft|amazon|aws|ibm|atlassian|canonical|mozilla|github|gitlab|oracle|intel|netflix|facebook|meta|twitter|apple)\b/i;

const HANDLE = /^@([A-Za-z0-9_][A-Za-z0-9_.-]{0,38})$/;
const NAME_WORD = /^[\p{Lu}][\p{L}\p{M}'’-]*\.?$|^[\p{Lu}]\.(?:[\p{Lu}]\.)*$/u;
const KEYNOTE_LABEL =
  /^((?:[\p{L}\d]+\s+){0,3}(?:keynote|plenary|opening address|closing address|fireside chat|invited talk))\s*:\s*(.+)$/iu;
const BY_SPEAKER = /^(.+?)\s+by\s+(.+)$/i;
const PARENTHESISED_END = /^(.+?)\s*\(([^()]+)\)$/;
const DASHES = /\s+(?:[-–—]{1,2}|\|)\s+/;

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

/** True for "Elizabeth K. Joseph", "Ana de la Cruz", "@lvh", "Sam Smart"; false for "Opensoure drug discovery". */
export function looksLikeName(text: string): boolean {
  return nameProblem(text) === null;
}

/** The word of TITLE_WORDS a name holds, lower-cased, if any. */
const titleWordOf = (word: string): string | null => {
  const bare = word.toLowerCase().replace(/[.'’]+$/, '');
  return TITLE_WORDS.has(bare) ? bare : null;
};

/**
 * Why `text` is not taken for a person's name, or null when it is. `notes check` shows the reason
 * beside a title whose speaker part was refused.
 */
export function nameProblem(text: string): string | null {
  const trimmed = text.trim();
  if (HANDLE.test(trimmed)) return null;
  if (trimmed.length > 48) return 'too long for a name';
  const symbol = /[?!:;/\\|"“”<>[\]{}=+*#0-9]/.exec(trimmed);
  if (symbol) return `"${symbol[0]}" is not in names`;
  const words = trimmed.split(/\s+/);
  if (words.length < 2 || words.length > 5) return 'a name has 2 to 5 words';
  // Long words in "-ing" are verbs of a title ("Understanding Channels"), not names.
  if (words.some((word) => /^\p{Lu}\p{Ll}{5,}ing$/u.test(word)))
    return 'a word in "-ing" reads as a title';
  // "Single Cell Analysis", "Data Visualization": nouns of a topic, not a family name.
  const noun = words.find((word) =>
    /^\p{Lu}\p{Ll}{2,}(?:tion|sion|ment|ness|ities|ysis|ology|ometry)s?$/u.test(word),
  );
  if (noun) return `"${noun}" reads as a topic`;
  const capitalised = words.filter((word) => NAME_WORD.test(word));
  const particles = words.filter((word) => NAME_PARTICLES.has(word));
  const first = words[0]!;
  const last = words[words.length - 1]!;
  if (
    capitalised.length + particles.length !== words.length ||
    capitalised.length < 2 ||
    !NAME_WORD.test(first) ||
    !NAME_WORD.test(last)
  )
    return 'not every word is capitalised';
  // A topic word refuses a name, except as the surname of two ("Sam Smart", "Ada Go").
  const surnameOnly = words.length === 2 && titleWordOf(first) === null;
  const topic = (surnameOnly ? [first] : words).map(titleWordOf).find((word) => word !== null);
  return topic ? `"${topic}" is a topic word` : null;
}

/**
 * Split a list of people: "Jane Doe, John Smith & Ada Lovelace", "A and B". Returns null when any
 * part is not a person, so a title is never mistaken for a list of speakers. A trailing part that
 * is an organisation becomes the last speaker's affiliation ("Frank Stratton, Runscope").
 */
export function parseSpeakerList(text: string): Speaker[] | null {
  return readPeople(text, { lenient: false });
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
  const sentenceEnd = /[^.]\.$/.test(text.replace(/\b(?:inc|ltd|co|corp|jr|sr)\.$/i, ''));
  if (text === '' || text.length > 240 || sentenceEnd) return null;
  return (
    splitWith(KEYNOTE_LABEL, text) ??
    splitByAtEnd(text) ??
    splitPersonFirst(text) ??
    splitDashes(text) ??
    splitWith(PARENTHESISED_END, text) ??
    splitWith(BY_SPEAKER, text) ??
    splitCommas(text)
  );
}

/**
 * "Event Name: Title by Jane Doe": a person named after "by" at the end wins over a capitalised
 * phrase before a colon, which is more often an event or a topic than a person.
 */
function splitByAtEnd(text: string): TitleAndSpeakers | null {
  if (!/:\s/.test(text)) return null;
  return splitWith(BY_SPEAKER, text) ?? splitDashes(text, { endOnly: true });
}

/**
 * "Jane Doe: Title", "Samir Haddad and Julia Brenner: Building a Search Engine". An acronym
 * before the colon ("Dynamic CSS: Transforms…") says it is a topic, not a person.
 */
function splitPersonFirst(text: string): TitleAndSpeakers | null {
  const match = /^([^:]{3,80}?)\s*:\s+(.+)$/.exec(text);
  if (!match) return null;
  const speakers = parseSpeakerList(match[1]!);
  return speakers && isStrictPeople(speakers) && !speakers.some((speaker) => speaker.affiliation)
    ? { title: match[2]!.trim(), speakers }
    : null;
}

/**
 * A word that may stand in a name written before a colon, where a topic stands as often: not an
 * acronym ("Dynamic CSS"), no topic or organisation word ("Teaching Python", "Learn Networks"),
 * no word shaped like a verb or an adjective ("Removing", "Recursive", "Competitive").
 */
export function isStrictPeople(speakers: readonly Speaker[]): boolean {
  return speakers.every((speaker) => speaker.name.split(/\s+/).every(isStrictNameWord));
}

/** Short words of a sentence that a name never holds ("Wrap It Up", "Go On"). */
const FUNCTION_WORDS = new Set(
  'it up on in at to of is as by or an me we my do go no so if be'.split(' '),
);

function isStrictNameWord(word: string): boolean {
  const bare = word.replace(/[,.]$/, '');
  if (FUNCTION_WORDS.has(bare.toLowerCase())) return false;
  if (/^\p{Lu}{3,}$/u.test(bare) || titleWordOf(bare) !== null || ORGANISATION_WORDS.test(bare))
    return false;
  if (NOT_NAME_WORDS.has(bare.toLowerCase()) || JOB_WORDS.test(bare)) return false;
  return !/(?:\p{L}{3}ing|\p{L}{4}ive|tion|ment|ness|\p{L}{2}ity|ous|able|ible|ical|ics)$/u.test(
    bare,
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
function splitDashes(text: string, options = { endOnly: false }): TitleAndSpeakers | null {
  const parts = text.split(DASHES);
  if (parts.length < 2) return null;
  const first = parts[0]!;
  // "hyperloglog - Ines Barros - Northwind Data": a plain name, then where they work.
  if (parts.length >= 3) {
    const middle = parseSpeakerList(parts.at(-2)!);
    const tail = parts.slice(-2).join(' - ');
    const read =
      middle && isStrictPeople(middle)
        ? (parsePersonHeading(tail) ?? parseSpeakerList(tail))
        : null;
    const placed = read?.length === 1 && read[0]!.affiliation ? read : null;
    if (placed) return { title: parts.slice(0, -2).join(' - '), speakers: placed };
  }
  // "Title - Lew Tucker, VP – Cloud, Cisco": the speaker part may hold dashes of its own.
  for (let start = parts.length - 1; start >= 1; start--) {
    // Only after a comma: "Ralph Squillace, Principal PM – Azure", not "Pathology - The Next…";
    // or a person, then their job and workplace: "t-digest - Ted Dunning - MapR technologies".
    const tail = parts.slice(start).join(' - ');
    if (start < parts.length - 1 && !parts[start]!.includes(',')) {
      const person = parsePersonHeading(tail);
      if (person) return { title: parts.slice(0, start).join(' - '), speakers: person };
      continue;
    }
    const atEnd = parseSpeakerList(tail);
    if (atEnd) return { title: parts.slice(0, start).join(' - '), speakers: atEnd };
  }
  if (options.endOnly) return null;
  const atStart = isSessionLabel(first) ? null : parseSpeakerList(first);
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

/** Honorifics and degrees written around a name: kept out of the name ("Dr. Jane Doe, PhD"). */
const HONORIFIC =
  /^(?:dr|drs|prof|professor|mr|mrs|ms|mx|miss|sir|dame|me|mme|mlle|m)\.?\s+(?=\p{Lu})/iu;
const DEGREE = /,?\s+(?:phd|ph\.d\.|msc|md|jr\.?|sr\.?)$/i;

/** Words of a job title: "CTO at Acme", "Senior Engineer, Acme" say where, not who. */
const JOB_WORDS =
  /\b(?:cto|ceo|cfo|coo|cio|ciso|vp|svp|founder|co-?founder|engineer|developer|dev|architect|manager|director|head|lead|principal|staff|senior|sr|junior|scientist|researcher|professor|lecturer|student|phd|postdoc|evangelist|advocate|maintainer|president|consultant|designer|analyst|author|chair|editor|owner|partner|fellow|intern|sre|devops|programmer|hacker|teacher|librarian|product|chief|officer|member|core team|committer|creator|exec|dir|eng|s\/w)\b/i;

/** Words that never stand in a name, though they are capitalised in a short heading-like line. */
const NOT_NAME_WORDS = new Set(
  (
    'key takeaways takeaway notes note summary overview slides slide video demo background problem ' +
    'problems solution solutions questions question answers general main points point ideas idea ' +
    'important thoughts agenda about links link resources references conclusion conclusions recap ' +
    'highlights misc random other others further reading more details abstract description bio ' +
    'why what how tl;dr tldr update updates news announcements thanks thank room break coffee lunch ' +
    'morning afternoon evening today tomorrow yesterday schedule venue hotel travel registration ' +
    'conference talks speakers speaker'
  ).split(' '),
);

/** Separators between people in a list: ",", "&", "and", "et", ";", "/". */
const PEOPLE_SEPARATOR = /\s*,\s*(?:and|&)\s+|\s*[,;]\s*|\s+(?:&|and|et|y|und)\s+|\s+\/\s+/;

/** The parts of a list of people, not split inside parentheses ("Jane Doe (Acme, Inc)"). */
function splitPeople(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (const [index, piece] of text.split(new RegExp(`(${PEOPLE_SEPARATOR.source})`)).entries()) {
    const separator = index % 2 === 1;
    if (separator && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += piece;
    if (!separator)
      depth += (piece.match(/[([]/g) ?? []).length - (piece.match(/[)\]]/g) ?? []).length;
    depth = Math.max(depth, 0);
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** Markdown links, emphasis and a trailing full stop off a line: what it says, not how. */
export function plainWords(text: string): string {
  return text
    .replace(/!?\[([^[\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<https?:[^>]*>/g, '')
    .replace(/(^|[\s(])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?=[\s),:;.]|$)/g, '$1')
    .replace(/`/g, '')
    .trim();
}

interface PersonOptions {
  /** A labelled line ("speaker: jane doe") may name people in lower case, or by one name. */
  lenient: boolean;
}

/** A lower-case or one-word name is a person only where a label said so. */
export function looksLikeLooseName(text: string): boolean {
  const words = text.split(/\s+/);
  return (
    words.length <= 4 &&
    text.length <= 40 &&
    /^[\p{L}\p{M}'’.-]+(?:\s+[\p{L}\p{M}'’.-]+)*$/u.test(text) &&
    !words.some(
      (word) => TITLE_WORDS.has(word.toLowerCase()) || NOT_NAME_WORDS.has(word.toLowerCase()),
    )
  );
}

/**
 * One person as people write them: "Dr. Jane Doe (@jd), CTO at Acme", "Jane Doe (Acme)",
 * "[Jane Doe](https://…)", "Jane Doe @ Acme", "Jane Doe from Acme". Null when it is not a person.
 */
function readPerson(raw: string, options: PersonOptions): Speaker | null {
  let text = plainWords(raw).replace(HONORIFIC, '').replace(DEGREE, '').trim();
  let affiliation: string | undefined;
  let handle: string | undefined;
  const handleMatch = /\s*[([]?@([A-Za-z0-9_][A-Za-z0-9_.-]{0,38})[)\]]?\s*/.exec(text);
  if (handleMatch && handleMatch.index > 0) {
    handle = handleMatch[1]!.replace(/\.$/, '');
    text = (
      text.slice(0, handleMatch.index) +
      ' ' +
      text.slice(handleMatch.index + handleMatch[0].length)
    ).trim();
  }
  const where = /^(.+?)\s*(?:\(([^()]+)\)|\s+(?:@|from|at|chez|–|—|-|\|)\s+(.+))$/u.exec(text);
  if (where) {
    const place = (where[2] ?? where[3]!).trim();
    const [name] = [where[1]!.trim()];
    const bracketed = where[2] !== undefined;
    if (
      isNameText(name, options) &&
      (bracketed || looksLikeProperName(place) || JOB_WORDS.test(place))
    ) {
      affiliation = toAffiliation(place) ?? undefined;
      if (affiliation === undefined && !JOB_WORDS.test(place)) return null;
      text = name;
    }
  }
  if (HANDLE.test(text)) return withAffiliation({ name: text, handle: text.slice(1) }, affiliation);
  if (!isNameText(text, options)) return null;
  const person: Speaker = { name: text };
  if (handle) person.handle = handle;
  return withAffiliation(person, affiliation);
}

/** "Code for America", "University of X", "ACME": its longer words are capitalised. */
function looksLikeProperName(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => word.length > 3);
  return words.length > 0 && words.every((word) => /^[\p{Lu}\d]/u.test(word));
}

function isNameText(text: string, options: PersonOptions): boolean {
  if (looksLikeName(text)) {
    return !text.split(/\s+/).some((word) => NOT_NAME_WORDS.has(word.toLowerCase()));
  }
  return options.lenient && looksLikeLooseName(text);
}

/** "CTO at Acme" → "Acme"; "Acme" → "Acme"; a job title alone → null. */
function toAffiliation(text: string): string | null {
  const at = /^(.*?)\s+(?:at|@|chez|bei|en)\s+(.+)$/i.exec(text);
  if (at && JOB_WORDS.test(at[1]!)) return looksLikeAffiliation(at[2]!) ? at[2]!.trim() : null;
  if (JOB_WORDS.test(text) && !ORGANISATION_WORDS.test(text)) return null;
  return looksLikeAffiliation(text) ? text.trim() : null;
}

/**
 * People written as a list, in any of the forms people use. A part that is not a person may only
 * be where they work (or their job), after at least one person; anything else makes it not a list
 * of people.
 */
function readPeople(text: string, options: PersonOptions): Speaker[] | null {
  const parts = splitPeople(text);
  if (parts.length === 0) return null;
  const speakers: Speaker[] = [];
  let affiliationParts: string[] = [];
  const settle = () => {
    if (affiliationParts.length === 0) return true;
    const last = speakers.pop();
    const place = affiliationParts
      .map((part) => toAffiliation(part))
      .filter((part): part is string => part !== null);
    const jobsOnly = affiliationParts.every((part) => JOB_WORDS.test(part));
    if (!last || (place.length === 0 && !jobsOnly)) return false;
    speakers.push(
      place.length > 0 && !last.affiliation ? { ...last, affiliation: place.join(', ') } : last,
    );
    affiliationParts = [];
    return true;
  };
  for (const part of parts) {
    // After a person, one word is where they work ("Jane Doe, Acme"), even on a labelled line.
    const oneWord = speakers.length > 0 && !/\s/.test(plainWords(part));
    const read = oneWord && !HANDLE.test(part) ? null : readPerson(part, options);
    const person =
      read &&
      speakers.length > 0 &&
      (ORGANISATION_WORDS.test(read.name) || JOB_WORDS.test(read.name))
        ? null
        : read;
    // "Eduardo Silva, OSS Eng, Treasure Data": after a job, the next part is where, not who.
    const afterJob = JOB_WORDS.test(affiliationParts.at(-1) ?? '');
    if (person && !afterJob) {
      if (!settle()) return null;
      speakers.push(person);
    } else if (speakers.length > 0 && (toAffiliation(part) !== null || JOB_WORDS.test(part))) {
      affiliationParts.push(part);
    } else {
      return null;
    }
  }
  return settle() && speakers.length > 0 ? speakers : null;
}

const SPEAKER_LABEL =
  /^(?:[-*+•]\s+)?(?:speakers?|speaker\(s\)|presenters?|presenter\(s\)|panell?ists?|moderators?|hosts?|facilitators?|talk by|given by|presented by|orateurs?|oratrices?|intervenants?|intervenantes?|conférenciers?|conferenciers?|conférencières?|présenté par|presente par|animé par|anime par|par|referent(?:in)?|sprecher(?:in)?)\s*(?::|[-–—]\s|=)\s*(.+)$/iu;
const BY_LINE =
  /^(?:[-*+•]\s+)?(?:(?:presented|given|talk|delivered) by|by|with|par|von)\s+(.+)$/iu;

/**
 * A line that names the speakers of the talk above it: "speaker: X", "Speaker(s): X, Y",
 * "**presenter:** X", "- Presenter - X", "by X", or a bullet holding only a name ("- Jane Doe").
 */
export function parseSpeakerLine(
  line: string,
  options: { bullets: boolean } = { bullets: true },
): Speaker[] | null {
  return options.bullets ? readSpeakerLineOrBullet(line) : readSpeakerLineOnly(line);
}

const readSpeakerLineOrBullet = memoizeLine((line) => readSpeakerLine(line, true));
const readSpeakerLineOnly = memoizeLine((line) => readSpeakerLine(line, false));

function readSpeakerLine(line: string, bullets: boolean): Speaker[] | null {
  const options = { bullets };
  const text = plainWords(toHalfWidth(line.trim()).replace(/^>\s*/, ''));
  if (text.length > 200) return null;
  const labelled = SPEAKER_LABEL.exec(text);
  if (labelled) return readPeople(labelled[1]!.trim(), { lenient: true });
  const by = BY_LINE.exec(text);
  if (by) return readPeople(by[1]!.trim(), { lenient: false }) ?? surnameOnly(by[1]!.trim());
  const bullet = options.bullets ? /^(?:[-*+•])\s+(.+)$/.exec(text) : null;
  if (bullet) {
    const person = toSpeaker(bullet[1]!);
    return person ? [person] : null;
  }
  return null;
}

/**
 * "Jane Doe／Acme", "Jane Doe（Acme）": full-width punctuation read as its ASCII form (NFKC), and a
 * slash between a name and where they work spaced out ("Jane Doe/Acme" → "Jane Doe / Acme").
 */
function toHalfWidth(text: string): string {
  const normal = /[\uff00-\uffef]/.test(text) ? text.normalize('NFKC') : text;
  return /^[^/:]+\/[^/]+$/.test(normal) ? normal.replace(/\s*\/\s*/, ' / ') : normal;
}

/** "by Zeldman": after "by", one capitalised word that is no title word is a person's surname. */
function surnameOnly(text: string): Speaker[] | null {
  const word = text.replace(/[.!]$/, '');
  const lower = word.toLowerCase();
  return /^\p{Lu}\p{Ll}{2,}$/u.test(word) && !TITLE_WORDS.has(lower) && !NOT_NAME_WORDS.has(lower)
    ? [{ name: word }]
    : null;
}

/**
 * A line that is only people, standing under a title: "Jane Doe", "**Jane Doe, University of X**",
 * "*Jane Doe (Acme)*", "Jane Doe & John Smith". Decided by its look: capitalised words, short, no
 * sentence; never a list of known names.
 */
export const parseNameLine = memoizeLine(readNameLine);

function readNameLine(line: string): Speaker[] | null {
  // Names and a few links to the talk's video fit in far less; a longer line is a paragraph.
  if (line.length > 1_000) return null;
  // "> Jane Doe／Acme": set apart as a quote, in full-width forms.
  const raw = withoutTrailingLinks(toHalfWidth(line.trim()).replace(/^>\s*/, ''));
  if (raw === '' || raw.length > 140 || /^(?:#|>|[-*+•]\s|\d+[.)]\s|\|)/.test(raw)) return null;
  const text = plainWords(raw);
  if (/[.!?]$/.test(text.replace(/\b(?:inc|ltd|co|corp|jr|sr|dr)\.$/i, '')) || /:\s/.test(text))
    return null;
  // "**Conférence**", "**Tools-in-Action**" under a title: the session type, not a person.
  if (isSessionLabel(text.replace(/-/g, ' '))) return null;
  // "*Tuesday, 18 April*": when, not who.
  if (parseDayLabel(text.split(/\s*,\s*/)[0]!) ?? parseDayLabel(text)) return null;
  // A line set apart in bold or italics may name a person in lower case ("*kim nakamura*").
  const emphasised = /^([*_]{1,3})\S.*\S\1$/.test(raw);
  return readPeople(text, { lenient: emphasised });
}

const MEDIA_LINK =
  /\s*\[(?::[\w+-]+:|[^[\]]*\b(?:video|slides|deck|recording|youtube|vimeo|talk|abstract)\b[^[\]]*)\]\([^)]*\)\s*$/iu;

/**
 * "_Jane Doe_ [video](…)", "Jane Doe [:camera:](…) [slides](…)": the links after a name say where
 * to watch the talk; the name is what is left. A line that is only links stays as it is.
 */
function withoutTrailingLinks(text: string): string {
  const emphasised = /^([*_]{1,3})(\S(?:.*?\S)?)\1\s+(?:\[[^\]]*\]\([^)]*\)\s*)+$/.exec(text);
  if (emphasised) return `${emphasised[1]}${emphasised[2]}${emphasised[1]}`;
  let rest = text;
  for (let match = MEDIA_LINK.exec(rest); match && match.index > 0; match = MEDIA_LINK.exec(rest)) {
    rest = rest.slice(0, match.index);
  }
  return rest.trim();
}

/** "by Jane Doe. Strategies, shrinking…": a paragraph that opens by naming the speaker. */
export function parseLeadingBy(line: string): Speaker[] | null {
  const text = plainWords(line.trim().replace(/\[([^[\]]*)\]\[[^[\]]*\]/g, '$1'));
  const match = /^(?:by|par|von|with)\s+([^.;:!?]+?)(?:[.;:!?]\s|[.;:!?]?$)/iu.exec(text);
  if (match) return readPeople(match[1]!.trim(), { lenient: false });
  return leadingSpeaker(text);
}

/**
 * "David Cramer's talk from Disqus on…", "Nathan Yergler of EventBrite: talk on…", "Carl Meyer
 * on testing": a talk's notes that open with the speaker's name, then a word that says so. The
 * name is two or three words, each a plain name word.
 */
function leadingSpeaker(text: string): Speaker[] | null {
  const match =
    /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})(?:['’]s\s+(?:talk|keynote|presentation|session|workshop)\b|\s+(?:of|from|at)\s+\p{Lu}|\s+(?:on|talked|spoke|presented|gave|showed|explained|discussed|walked|introduced|shared|demoed|told)\s)/u.exec(
      text,
    );
  if (!match) return null;
  const people = readPeople(match[1]!, { lenient: false });
  return people?.length === 1 && isStrictPeople(people) ? people : null;
}

const DATE_PART =
  /^(?:\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})$/u;

/** "Chief Architect", "Founder Casual", "CNCF", "Alibaba Cloud": a job or a workplace, short. */
function isJobOrPlace(part: string, afterJob: boolean): boolean {
  const words = part.trim().split(/\s+/);
  // "Ten Years of DevOps: What Stuck" names a job word but reads as a title.
  if (
    /[:?!"“]|\b(?:why|how|what|when|we|you|your|our|my|is|are|was|were|do|does|can)\b/i.test(part)
  )
    return false;
  if (JOB_WORDS.test(part)) return words.length <= 10;
  if (afterJob && words.length <= 4 && /^[\p{Lu}\d]/u.test(part)) return true;
  if (/^[\p{Lu}\d&.]{2,}$/u.test(part.trim())) return true;
  return words.length <= 3 && ORGANISATION_WORDS.test(part);
}

/**
 * A heading that is only a person, their job and where they work, the way keynote notes head each
 * speaker: "Dan Kohn - Exec Dir - CNCF", "Oliver Gould, CTO, Buoyant". The person is the talk's
 * speaker; every word after the name is kept as where they work. Null for anything else.
 */
export const parsePersonHeading = memoizeLine(readPersonHeading);

function readPersonHeading(line: string): Speaker[] | null {
  const text = plainWords(line.trim());
  for (const separator of [DASHES, /\s*,\s*/]) {
    const parts = text.split(separator);
    if (parts.length < 2) continue;
    const rest = parts.slice(1);
    const person = readPerson(parts[0]!, { lenient: false });
    // "Steve Klabnik - @ - 6 May 2015": a date, or a lone "@" left blank, says when, not where.
    const places = rest.filter((part) => !/^(?:@|\p{P}*)$/u.test(part) && !DATE_PART.test(part));
    const placed = places.every((part, index) =>
      isJobOrPlace(
        part,
        places.slice(0, index).some((before) => JOB_WORDS.test(before)),
      ),
    );
    if (!person || person.affiliation || !placed) continue;
    if (!rest.some((part) => JOB_WORDS.test(part)) && separator !== DASHES) continue;
    return [places.length > 0 ? { ...person, affiliation: places.join(', ') } : person];
  }
  return null;
}

/**
 * For a title with no speaker that ends like "Title - Open Source": why that end was not taken
 * for a person ("Open Source": "open" is a topic word), or null when it ends otherwise.
 */
export function refusedSpeaker(title: string): string | null {
  const parts = title.split(DASHES);
  const last = parts.length > 1 ? parts[parts.length - 1]!.trim() : '';
  if (!/^[\p{Lu}@]/u.test(last) || last.split(/\s+/).length > 5) return null;
  const problem = nameProblem(last);
  return problem ? `"${last}" is not taken for a speaker: ${problem}` : null;
}
