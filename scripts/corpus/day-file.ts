/** One day of one edition as the text of a note file: front matter, day heading, tracks, talks. */
import type { DayPlan, EditionPlan } from './conferences';
import type { Rng } from './prng';
import { formatSpeakers, type CorpusSpeaker } from './speakers';
import { fill, makeTalkBody, makeTitle, pickTopics, pickWordCount, type Language } from './talk';
import { SENTENCES, TECH_TERMS } from './words';

/** Draws the speakers of one talk from the whole population (so they recur across editions). */
export type SpeakerSource = (rng: Rng) => CorpusSpeaker;

export interface DayFile {
  /** Relative to the corpus folder, `/` separators. */
  path: string;
  text: string;
  talks: number;
}

const DAY_WORD: Record<Language, string> = { en: 'Day', fr: 'Jour', de: 'Tag', ja: 'Day' };

const yamlValue = (value: string) =>
  /[:#'"&*!|>%@`{}[\]]/.test(value) ? JSON.stringify(value) : value;

function frontMatter(edition: EditionPlan, day: DayPlan): string {
  const lines = [
    '---',
    `conference: ${yamlValue(`${edition.series.name} ${edition.year}`)}`,
    `year: ${edition.year}`,
    `location: ${yamlValue(edition.location)}`,
    `date: ${day.date}`,
    '---',
  ];
  return lines.join('\n') + '\n';
}

function drawSpeakers(rng: Rng, source: SpeakerSource): CorpusSpeaker[] {
  const count = rng.chance(0.08) ? 2 : rng.chance(0.02) ? 3 : 1;
  const speakers: CorpusSpeaker[] = [];
  while (speakers.length < count) {
    const speaker = source(rng);
    if (!speakers.some((other) => other.name === speaker.name)) speakers.push(speaker);
  }
  return speakers;
}

/** A markdown talk heading in one of the forms people write (all read as "title and speakers"). */
function markdownTalk(rng: Rng, title: string, speakers: CorpusSpeaker[], time: string): string[] {
  const plain = speakers.length === 1 && !speakers[0]!.handle && !speakers[0]!.affiliation;
  const roll = rng.next();
  const prefix = rng.chance(0.15) ? `${time} ` : '';
  if (plain && roll < 0.1) return [`### ${prefix}${title} (${speakers[0]!.name})`];
  if (plain && roll < 0.2) return [`### ${prefix}${title} by ${speakers[0]!.name}`];
  if (roll < 0.3) return [`### ${prefix}${title}`, `speaker: ${formatSpeakers(speakers)}`];
  return [`### ${prefix}${title} - ${formatSpeakers(speakers)}`];
}

function textTalk(rng: Rng, title: string, speakers: CorpusSpeaker[]): string {
  const only = speakers.length === 1 ? speakers[0]! : null;
  if (only && !only.affiliation && rng.chance(0.4)) {
    return `${title}, ${only.handle ? `@${only.handle}` : only.name}`;
  }
  const full = `${title} - ${formatSpeakers(speakers)}`;
  // A plain-text title line is at most 120 characters, or it reads as a paragraph.
  return full.length <= 120 ? full : `${title} - ${speakers[0]!.name}`;
}

function dayNote(rng: Rng): string {
  return Array.from({ length: rng.int(1, 3) }, () => fill(rng, rng.pick(SENTENCES), [])).join(' ');
}

function timeOf(index: number): string {
  const minutes = 9 * 60 + index * 45;
  return `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The file for one day. Exactly the planned number of talks, as the compiler counts them. */
export function makeDayFile(
  rng: Rng,
  edition: EditionPlan,
  day: DayPlan,
  speakerSource: SpeakerSource,
): DayFile {
  const language = edition.series.language;
  const extension = edition.format === 'markdown' ? 'md' : 'txt';
  const out: string[] = [];
  if (edition.frontMatter) out.push(frontMatter(edition, day));
  const talkCount = day.tracks.reduce((sum, track) => sum + track.talks, 0);
  const newTalk = (): { title: string; speakers: CorpusSpeaker[]; body: string } => {
    const topics = pickTopics(rng);
    const title = makeTitle(rng, topics, language);
    const speakers = drawSpeakers(rng, speakerSource);
    const body = makeTalkBody(rng, {
      format: edition.format,
      words: pickWordCount(rng),
      topics,
      language,
    });
    return { title, speakers, body };
  };

  if (edition.format === 'text') {
    if (rng.chance(0.6)) out.push(dayNote(rng), '');
    for (let index = 0; index < talkCount; index++) {
      const talk = newTalk();
      const heading =
        index === 0 && day.number === 1 && talk.speakers.length === 1 && rng.chance(0.5)
          ? `Opening Keynote: ${formatSpeakers(talk.speakers)}`
          : textTalk(rng, talk.title, talk.speakers);
      out.push(heading, '', talk.body, '');
    }
  } else {
    out.push(`# ${DAY_WORD[language]} ${day.number}`, '');
    let slot = 0;
    day.tracks.forEach((track, trackIndex) => {
      let talks = track.talks;
      if (day.number === 1 && trackIndex === 0 && talks >= 2 && rng.chance(0.5)) {
        // "## Keynote" whose first line names the talk: a track and one talk at once.
        const keynote = newTalk();
        out.push(
          '## Keynote',
          `${formatSpeakers(keynote.speakers)} - ${keynote.title}`,
          keynote.body,
          '',
        );
        talks--;
      }
      out.push(`## ${track.name}`, '');
      for (let index = 0; index < talks; index++) {
        const talk = newTalk();
        const heading = markdownTalk(rng, talk.title, talk.speakers, timeOf(slot++));
        if (rng.chance(0.1))
          heading.push(
            `tags: ${pickTopics(rng)
              .map((t) => t.toLowerCase())
              .join(', ')}`,
          );
        out.push(...heading, '', talk.body, '');
      }
    });
    if (rng.chance(0.2)) {
      out.push(
        '## Things to google',
        '',
        `- ${rng.pick(TECH_TERMS)}`,
        `- ${rng.pick(TECH_TERMS)}`,
        '',
      );
    }
  }
  return {
    path: `${edition.id}/day-${day.number}.${extension}`,
    text: out.join('\n'),
    talks: talkCount,
  };
}
