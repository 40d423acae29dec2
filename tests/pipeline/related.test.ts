import { describe, expect, it } from 'vitest';
import { findRelatedTalks, toTerms, type RelatedInput } from '../../src/pipeline/enrich/related';
import type { TalkId, TagId } from '../../src/shared/ids';

function talk(
  id: string,
  { speakers = [], tags = [], text = '' }: { speakers?: string[]; tags?: string[]; text?: string },
): RelatedInput {
  return {
    id: id as TalkId,
    title: '',
    speakers: speakers.map((name) =>
      name.startsWith('@') ? { name, handle: name.slice(1) } : { name },
    ),
    tags: tags as TagId[],
    text,
  };
}

const relatedOf = (talks: RelatedInput[], id: string) => findRelatedTalks(talks).get(id as TalkId);

describe('toTerms', () => {
  it.each([
    ['Docker and the Cloud', ['docker', 'cloud']],
    ['run it on AWS in 2018', ['run', 'aws']],
    ["Kubernetes' pods, k8s", ['kubernetes', 'pods', 'k8s']],
    ['Résumé réseau', ['résumé', 'réseau']],
    ['', []],
  ])('toTerms(%j)', (text, terms) => {
    expect(toTerms(text)).toEqual(terms);
  });
});

describe('findRelatedTalks', () => {
  it.each<[string, RelatedInput[], string, string[]]>([
    [
      'a shared speaker relates talks across conferences',
      [
        talk('a/one', { speakers: ['Ada Lovelace'] }),
        talk('b/two', { speakers: ['Ada Lovelace'] }),
        talk('b/three', { speakers: ['Grace Hopper'] }),
      ],
      'a/one',
      ['b/two'],
    ],
    [
      'a speaker is the same person by handle, whatever the name says',
      [talk('a/one', { speakers: ['@lvh'] }), talk('b/two', { speakers: ['@lvh'] })],
      'a/one',
      ['b/two'],
    ],
    [
      'more shared tags rank higher',
      [
        talk('a/one', { tags: ['docker', 'aws', 'cloud'] }),
        talk('a/two', { tags: ['docker'] }),
        talk('a/three', { tags: ['docker', 'aws'] }),
        talk('a/four', { tags: ['python'] }),
      ],
      'a/one',
      ['a/three', 'a/two'],
    ],
    [
      'a rare shared tag beats a common one',
      [
        talk('a/one', { tags: ['monitoring', 'icinga'] }),
        talk('a/two', { tags: ['monitoring'] }),
        talk('a/three', { tags: ['icinga'] }),
        talk('a/four', { tags: ['monitoring'] }),
        talk('a/five', { tags: ['monitoring'] }),
      ],
      'a/one',
      ['a/three', 'a/five', 'a/four', 'a/two'],
    ],
    [
      'similar wording relates talks with no tags or speakers in common',
      [
        talk('a/one', { text: 'kubernetes clusters scheduling pods kubernetes' }),
        talk('b/two', { text: 'scheduling pods on kubernetes clusters' }),
        talk('b/three', { text: 'python packaging wheels' }),
        talk('b/four', { text: 'python wheels and packaging' }),
      ],
      'a/one',
      ['b/two'],
    ],
    [
      'a speaker outweighs wording',
      [
        talk('a/one', { speakers: ['Ada'], text: 'databases indexes queries' }),
        talk('a/two', { text: 'databases indexes queries' }),
        talk('a/three', { speakers: ['Ada'], text: 'gardening' }),
        talk('a/four', { text: 'gardening' }),
      ],
      'a/one',
      ['a/three', 'a/two'],
    ],
    [
      'a talk with nothing in common has none',
      [talk('a/one', { tags: ['x'] }), talk('a/two', { tags: ['y'] })],
      'a/one',
      [],
    ],
    [
      'ties break by id',
      [
        talk('a/one', { tags: ['t'] }),
        talk('c/zed', { tags: ['t'] }),
        talk('b/bee', { tags: ['t'] }),
      ],
      'a/one',
      ['b/bee', 'c/zed'],
    ],
  ])('%s', (_case, talks, id, expected) => {
    expect(relatedOf(talks, id)).toEqual(expected);
  });

  it('never lists a talk as related to itself, and keeps the top five', () => {
    const talks = Array.from({ length: 9 }, (_, at) =>
      talk(`a/t${at}`, { tags: ['shared'], speakers: ['Same Person'] }),
    );
    const related = findRelatedTalks(talks);
    for (const t of talks) {
      const list = related.get(t.id)!;
      expect(list).toHaveLength(5);
      expect(list).not.toContain(t.id);
    }
  });

  it('gives every talk an entry', () => {
    const talks = [talk('a/one', {}), talk('a/two', {})];
    expect([...findRelatedTalks(talks).entries()]).toEqual([
      ['a/one', []],
      ['a/two', []],
    ]);
  });

  it('does not depend on the order of its input', () => {
    const talks = corpus(300);
    const forward = findRelatedTalks(talks);
    const backward = findRelatedTalks([...talks].reverse());
    for (const t of talks) expect(backward.get(t.id)).toEqual(forward.get(t.id));
  });

  // How fast is for the benchmarks (`npm run bench`); this checks a big collection is related whole.
  it('relates every talk of 10,000', { timeout: 60_000 }, () => {
    const related = findRelatedTalks(corpus(10_000));
    expect(related.size).toBe(10_000);
    expect([...related.values()].filter((list) => list.length > 0).length).toBeGreaterThan(9_000);
  });
});

/** A deterministic corpus: talks drawing words, tags and speakers from shared pools. */
function corpus(size: number): RelatedInput[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(pool: readonly T[]): T => pool[Math.floor(random() * pool.length)]!;
  const words = Array.from({ length: 3000 }, (_, at) => `word${at.toString(36)}x`);
  const tags = Array.from({ length: 200 }, (_, at) => `tag-${at}`);
  const speakers = Array.from({ length: 4000 }, (_, at) => `Speaker ${at}`);
  return Array.from({ length: size }, (_, at) =>
    talk(`conf-${at % 50}/talk-${at}`, {
      speakers: [pick(speakers)],
      tags: Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(tags)),
      text: Array.from({ length: 80 }, () => pick(words)).join(' '),
    }),
  );
}
