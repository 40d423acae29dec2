/**
 * A population of speakers who recur across editions: a few give many talks, most give one
 * (drawn Zipf-wise). Names pass the compiler's `looksLikeName`; affiliations contain a word it
 * reads as an organisation, so "Jane Doe, Red Hat" is one speaker and her employer.
 */
import type { Rng } from './prng';

export interface CorpusSpeaker {
  name: string;
  handle?: string;
  affiliation?: string;
}

const FIRST_NAMES = [
  'Alice',
  'Amara',
  'Andrés',
  'Anika',
  'Ben',
  'Björn',
  'Carla',
  'Chen',
  'Chiara',
  'Dmitri',
  'Elena',
  'Emeka',
  'Fatima',
  'Felix',
  'François',
  'Greta',
  'Hana',
  'Hiroshi',
  'Ingrid',
  'Ivan',
  'Jamal',
  'Jana',
  'Jesper',
  'Jürgen',
  'Kai',
  'Kenji',
  'Lars',
  'Leila',
  'Lucía',
  'Maja',
  'Marco',
  'Mei',
  'Mira',
  'Nadia',
  'Noah',
  'Olga',
  'Omar',
  'Priya',
  'Rafael',
  'Ravi',
  'Rosa',
  'Sami',
  'Sofia',
  'Sven',
  'Tariq',
  'Thandiwe',
  'Tomás',
  'Ursula',
  'Valentina',
  'Wei',
  'Yuki',
  'Zoë',
  'Aiko',
  'Bruno',
  'Camille',
  'Daniel',
  'Eva',
  'Gabriel',
  'Helen',
  'Isaac',
  'Julia',
  'Katarzyna',
  'Liam',
  'Marta',
  'Nils',
  'Oscar',
  'Paula',
  'Quentin',
  'Ruth',
  'Simon',
] as const;

const LAST_NAMES = [
  'Abe',
  'Adeyemi',
  'Alvarez',
  'Andersson',
  'Bauer',
  'Becker',
  'Brennan',
  'Castillo',
  'Chowdhury',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Fujita',
  'García',
  'Gómez',
  'Haddad',
  'Hansen',
  'Hoffmann',
  'Ito',
  'Jansen',
  'Kaur',
  'Kim',
  'Kowalski',
  'Kruger',
  'Lefèvre',
  'Lindqvist',
  'Martins',
  'Meyer',
  'Moreau',
  'Müller',
  'Nakamura',
  'Novak',
  'Nowak',
  'Okafor',
  "O'Brien",
  'Olsen',
  'Patel',
  'Petrov',
  'Quispe',
  'Rossi',
  'Sato',
  'Schneider',
  'Silva',
  'Singh',
  'Suzuki',
  'Tanaka',
  'Thompson',
  'Tran',
  'Varga',
  'Wagner',
  'Watanabe',
  'Weber',
  'Wójcik',
  'Yamamoto',
  'Zhang',
  'Ziegler',
  'Østergaard',
  'de la Cruz',
  'van Dijk',
  'von Berg',
  'Nguyen',
] as const;

/** Surnames of one word, for the second half of a double-barrelled one (a name has ≤ 5 words). */
const SIMPLE_LAST_NAMES = LAST_NAMES.filter((name) => !name.includes(' '));

const AFFILIATIONS = [
  'Red Hat',
  'Mozilla',
  'Canonical',
  'GitLab',
  'Netflix',
  'Atlassian',
  'Google',
  'Microsoft',
  'Acme Labs',
  'Example Software',
  'Northwind Systems',
  'Helix Consulting',
  'Open Data Institute',
  'University of Otago',
  'Python Software Foundation',
  'Tideway Networks',
  'Quarry Technologies',
] as const;

/** `count` distinct speakers, in popularity order (the first recur most). */
export function makeSpeakers(rng: Rng, count: number): CorpusSpeaker[] {
  const seen = new Set<string>();
  const speakers: CorpusSpeaker[] = [];
  let middle = 0;
  let misses = 0;
  while (speakers.length < count) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    // Past the 4,000-odd plain combinations, double-barrelled surnames keep names distinct
    // (a middle initial would not do: "Jane A. Doe" reads as a sentence break in plain text).
    const name =
      middle > 0 ? `${first} ${last}-${rng.pick(SIMPLE_LAST_NAMES)}` : `${first} ${last}`;
    if (seen.has(name)) {
      misses++;
      if (misses > 50) [middle, misses] = [1, 0];
      continue;
    }
    misses = 0;
    seen.add(name);
    const speaker: CorpusSpeaker = { name };
    if (rng.chance(0.15)) {
      speaker.handle = `${first}${last}`
        .normalize('NFD')
        .replace(/[^A-Za-z]/g, '')
        .toLowerCase()
        .slice(0, 12);
    } else if (rng.chance(0.3)) {
      speaker.affiliation = rng.pick(AFFILIATIONS);
    }
    speakers.push(speaker);
  }
  return speakers;
}

/** How a speaker is written after a title: "Jane Doe", "Jane Doe (@jdoe)", "Jane Doe, Red Hat". */
export function formatSpeakers(speakers: readonly CorpusSpeaker[]): string {
  const names = speakers.map((speaker) =>
    speaker.handle ? `${speaker.name} (@${speaker.handle})` : speaker.name,
  );
  const joined =
    names.length > 1 ? `${names.slice(0, -1).join(', ')} & ${names.at(-1)}` : names[0]!;
  const affiliation = speakers.at(-1)?.affiliation;
  return affiliation && !speakers.at(-1)?.handle ? `${joined}, ${affiliation}` : joined;
}
