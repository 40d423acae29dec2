/** One talk: its title and its notes, in markdown or plain text, of a chosen length. */
import type { Rng } from './prng';
import {
  ADJECTIVES,
  FOREIGN_SENTENCES,
  LINK_HOSTS,
  LINK_WORDS,
  NOUNS,
  NUMBERS,
  RARE_SENTENCES,
  rareWordList,
  SENTENCES,
  SUBHEADINGS,
  TECH_TERMS,
  VERBS,
} from './words';

export type NoteFormat = 'markdown' | 'text';
export type Language = 'en' | 'fr' | 'de' | 'ja';

export interface TalkBodyOptions {
  format: NoteFormat;
  /** Words to write, roughly: the body ends at the first block boundary past it. */
  words: number;
  /** Technologies this talk is about: mentioned often, so the tagger finds them. */
  topics: readonly string[];
  language: Language;
}

const TITLE_SHAPES: Record<Language, readonly string[]> = {
  en: [
    '{T} in production',
    'Scaling {T} without tears',
    'Migrating from {T} to {U}',
    'What I wish I knew about {T}',
    'The {A} {N}: lessons from {T}',
    '{T} for people who hate {U}',
    'Zero-downtime {N} upgrades with {T}',
    'Testing a {A} {N} with {T}',
    'How we {V} our {N} using {T}',
    'Observability for the {A} {N}',
    '{T} and {U}: a love story',
    'Ten years of {T}',
    'Your {N} is {A}: fixing it with {T}',
    'Inside the {T} {N}',
    'A gentle introduction to {T}',
  ],
  fr: ['Retour d’expérience sur {T}', '{T} en production', 'Une introduction à {T}'],
  de: ['{T} im Produktivbetrieb', 'Umstieg von {T} auf {U}', 'Praxisbericht: {T}'],
  ja: ['{T}入門', '{T}の運用事例', '{T}で作る{N}'],
};

/** A template with its blanks filled: {T} and {U} the topics (or any technology), {N} {A} {V} {K} words. */
export function fill(rng: Rng, shape: string, topics: readonly string[]): string {
  return shape
    .replace(/\{T\}/g, () => topics[0] ?? rng.pick(TECH_TERMS))
    .replace(/\{U\}/g, () => topics[1] ?? rng.pick(TECH_TERMS))
    .replace(/\{N\}/g, () => rng.pick(NOUNS))
    .replace(/\{A\}/g, () => rng.pick(ADJECTIVES))
    .replace(/\{V\}/g, () => rng.pick(VERBS))
    .replace(/\{K\}/g, () => rng.pick(NUMBERS))
    .replace(/\b([Aa]) (?=[aeiou])/g, '$1n ');
}

/** A title: no " - ", no final full stop, never reads as a person's name. */
export function makeTitle(rng: Rng, topics: readonly string[], language: Language): string {
  const shapes = language !== 'en' && rng.chance(0.6) ? TITLE_SHAPES[language] : TITLE_SHAPES.en;
  const title = fill(rng, rng.pick(shapes), topics);
  // "incident response in production" → "Incident response…"; "eBPF", "k8s" stay as written.
  return /^[a-z]+(?:\s|$)/.test(title) ? title.charAt(0).toUpperCase() + title.slice(1) : title;
}

/** Two or three technologies, the popular ones more often. */
export function pickTopics(rng: Rng): string[] {
  const count = rng.int(2, 3);
  const topics = new Set<string>();
  while (topics.size < count) topics.add(rng.pickZipf(TECH_TERMS, 0.6));
  return [...topics];
}

/** A length in words, log-normal around 300, kept within 60–650 so the notes land in 50–800. */
export function pickWordCount(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-9);
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
  return Math.round(Math.min(650, Math.max(60, Math.exp(Math.log(300) + 0.6 * normal))));
}

/** Words as a reader counts them: list bullets and heading marks are not words. */
export const countWords = (text: string): number =>
  text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;

function sentence(rng: Rng, options: TalkBodyOptions): string {
  const foreign = options.language === 'en' ? 0.02 : 0.25;
  const roll = rng.next();
  const source =
    roll < foreign ? FOREIGN_SENTENCES : roll < foreign + 0.25 ? RARE_SENTENCES : SENTENCES;
  const topic = () => (rng.chance(0.93) ? rng.pick(options.topics) : rng.pick(TECH_TERMS));
  return rng
    .pick(source)
    .replace(/\{R\}/g, () => rng.pickZipf(rareWordList(), 0.9))
    .replace(/\{T\}/g, topic)
    .replace(/\{N\}/g, () => rng.pick(NOUNS))
    .replace(/\{A\}/g, () => rng.pick(ADJECTIVES))
    .replace(/\{V\}/g, () => rng.pick(VERBS))
    .replace(/\{K\}/g, () => rng.pick(NUMBERS))
    .replace(/\b([Aa]) (?=[aeiou])/g, '$1n ');
}

function linkSlug(rng: Rng, topics: readonly string[]): string {
  const words = [rng.pick(topics), rng.pick(NOUNS)].map((word) =>
    word.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  );
  return `${words[0]}/${words[1]}-${rng.int(1, 999)}`;
}

/** A sentence carrying a link: markdown `[text](url)` or a bare URL in plain text. */
function linkSentence(rng: Rng, options: TalkBodyOptions): string {
  const url = rng.pick(LINK_HOSTS)(linkSlug(rng, options.topics));
  const words = rng.pick(LINK_WORDS);
  if (options.format === 'markdown' && rng.chance(0.7)) {
    return `The ${words} are worth a look: [${words}](${url}) for the details.`;
  }
  return `See ${url} for the ${words}.`;
}

function codeSentence(rng: Rng, options: TalkBodyOptions): string {
  const topic = rng
    .pick(options.topics)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  const command = rng.pick([
    `${topic} --version`,
    `make test TARGET=${topic}`,
    `curl -s localhost:8080/metrics`,
    `kubectl get pods -A`,
    `git log --oneline -n 20`,
  ]);
  return `Tip from the speaker: run \`${command}\` before anything else.`;
}

function paragraph(rng: Rng, options: TalkBodyOptions): string {
  const parts: string[] = [];
  const length = rng.int(2, 5);
  for (let index = 0; index < length; index++) {
    const roll = rng.next();
    if (roll < 0.1) parts.push(linkSentence(rng, options));
    else if (roll < 0.17) parts.push(codeSentence(rng, options));
    else parts.push(sentence(rng, options));
  }
  if (rng.chance(0.05)) {
    const tag = rng
      .pick(options.topics)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '');
    parts.push(`Tagged it #${tag} for later.`);
  }
  return parts.join(' ');
}

function bulletList(rng: Rng, options: TalkBodyOptions): string {
  const bullet = options.format === 'markdown' ? '- ' : '  • ';
  const items: string[] = [];
  for (let count = rng.int(3, 6); items.length < count;) {
    items.push(bullet + (rng.chance(0.15) ? linkSentence(rng, options) : sentence(rng, options)));
  }
  return items.join('\n');
}

/**
 * The notes under a talk's title. Every block ends with a full stop or is a list, so in plain
 * text no line of notes stands alone looking like a title with a speaker.
 */
export function makeTalkBody(rng: Rng, options: TalkBodyOptions): string {
  const blocks: string[] = [];
  let words = 0;
  let subheading = options.format === 'markdown' && options.words > 250 && rng.chance(0.4);
  while (words < options.words) {
    let block: string;
    if (blocks.length > 1 && subheading) {
      block = `#### ${rng.pick(SUBHEADINGS)}`;
      subheading = false;
    } else if (options.words - words < 40) {
      block = sentence(rng, options);
    } else if (blocks.length > 0 && rng.chance(0.25)) {
      block = bulletList(rng, options);
    } else {
      block = paragraph(rng, options);
    }
    blocks.push(block);
    words += countWords(block);
  }
  return blocks.join('\n\n');
}
