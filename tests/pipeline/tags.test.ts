import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TagId } from '../../src/shared/ids';
import { toSlug } from '../../src/shared/ids';
import {
  BUILT_IN_VOCABULARY_URL,
  findHashtags,
  findTags,
  mergeVocabularies,
  parseVocabulary,
  tagName,
  type Vocabulary,
} from '../../src/pipeline/enrich/tags';

const builtIn = parseVocabulary(
  readFileSync(BUILT_IN_VOCABULARY_URL, 'utf8'),
  'src/pipeline/enrich/data/tag-vocabulary.yaml',
);
const vocabulary = builtIn.vocabulary;
const lca = readFileSync(new URL('../../content/lca-2018/day-2.md', import.meta.url), 'utf8');

/** A talk in the lca sample: its heading line, and the lines up to the next heading. */
function lcaTalk(heading: string): { title: string; text: string } {
  const start = lca.indexOf(`## ${heading}`);
  const bodyStart = lca.indexOf('\n', start) + 1;
  const next = lca.indexOf('\n## ', bodyStart);
  return { title: heading, text: lca.slice(bodyStart, next < 0 ? undefined : next) };
}

const tags = (text: string, explicit: string[] = [], title = '') =>
  findTags({ text, title, explicit }, vocabulary);

describe('the built-in vocabulary', () => {
  it('parses without issues', () => {
    expect(builtIn.issues).toEqual([]);
  });

  it('has about 150 entries with unique slug ids', () => {
    expect(vocabulary.length).toBeGreaterThanOrEqual(140);
    const ids = vocabulary.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(toSlug(id)).toBe(id);
  });

  it('maps no term to two entries', () => {
    const owner = new Map<string, string>();
    for (const entry of vocabulary) {
      const terms = [
        ...(entry.matchName ? [entry.name] : []),
        ...entry.synonyms.map((t) => (typeof t === 'string' ? t : t.term)),
      ];
      for (const term of terms) {
        const key = term.toLowerCase();
        expect(owner.get(key) ?? entry.id, `"${term}" in ${entry.id} and ${owner.get(key)}`).toBe(
          entry.id,
        );
        owner.set(key, entry.id);
      }
    }
  });
});

describe('findTags on the sample talks', () => {
  it.each([
    [
      'Designing scalable production Kubernetes clusters on AWS - Nick Young',
      ['kubernetes', 'aws', 'etcd'],
    ],
    [
      'Monitoring All the Things! on your Linux system with the Elastic Stack - Josh Rich',
      ['elasticsearch', 'kibana', 'logstash', 'monitoring'],
    ],
    [
      'Becoming the Admiral: mastering Docker orchestration - Alistair Chapman',
      ['docker', 'containers'],
    ],
    ['Puppet in the cloud - Jethro Carr', ['puppet', 'aws', 'cloud']],
    ['Icinga 2 in a 24/7 Television Broadcast Environment - Dave Kempe', ['icinga', 'monitoring']],
    ['Principles Of Good Monitoring - Troy Lea', ['nagios', 'monitoring']],
    [
      'Day 2 Operations with Containers: Myth vs. Reality - Elizabeth K. Joseph',
      ['containers', 'logging', 'monitoring'],
    ],
  ])('%s', (heading, expected) => {
    const talk = lcaTalk(heading);
    const found = findTags({ ...talk, explicit: [] }, vocabulary);
    expect(found).toEqual(expect.arrayContaining(expected));
  });

  it('does not tag the Kubernetes talk with things it does not discuss', () => {
    const found = findTags(
      {
        ...lcaTalk('Designing scalable production Kubernetes clusters on AWS - Nick Young'),
        explicit: [],
      },
      vocabulary,
    );
    expect(found).not.toContain('go');
    expect(found).not.toContain('elasticsearch');
    expect(found).not.toContain('docker');
  });

  it('does not read URLs as topics', () => {
    expect(tags('https://github.com/elastic/examples')).toEqual([]);
    expect(tags('see docker.elastic.co/kibana/kibana-oss:6.1.1')).toEqual([]);
  });
});

describe('findTags: vocabulary matching', () => {
  it.each<[string, string, boolean]>([
    ['synonym k8s', 'we run k8s in prod', true],
    ['synonym kube', 'kube scheduler', true],
    ['case-insensitive', 'KUBERNETES rocks', true],
    ['whole words only', 'kubernetesish', false],
    ['not inside another word', 'subkube', false],
  ])('kubernetes: %s', (_, text, expected) => {
    expect(tags(text).includes('kubernetes' as TagId)).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ['ES with Kibana in the text', 'ship logs to ES and view them in Kibana', true],
    ['ES with logstash', 'logstash sends to ES', true],
    ['ES with beats', 'Metric beat sends to ES; more beats later', true],
    ['ES alone in an unrelated sentence', 'The ES team met in Madrid', false],
    ['lower-case "es" is a word, not ES', 'es una buena idea, dijo Kibana', false],
    ['"elastic search" written apart', 'Elastic search has been enhanced', true],
    ['"elastic-search" hyphenated', 'elastic-search cluster', true],
  ])('elasticsearch: %s', (_, text, expected) => {
    expect(tags(text).includes('elasticsearch' as TagId)).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ['"go to the store"', 'go to the store', false],
    ['"Go to the store" at a sentence start', 'Go to the store. Then we go home.', false],
    ['"let\'s go" in a talk about Python', "Let's go over Python's GIL", false],
    ['golang', 'written in golang', true],
    ['goroutines', 'thousands of goroutines', true],
    ['Go with language context', 'Go is a language with a fast compiler', true],
    ['go (lower case) with context', 'go is a language with a fast compiler', false],
  ])('go: %s', (_, text, expected) => {
    expect(tags(text).includes('go' as TagId)).toBe(expected);
  });

  it.each([
    ['multi-word phrase', 'amazon web services', 'aws'],
    ['phrase across spaces and line breaks', 'Amazon  Web\nServices', 'aws'],
    ['open source', 'an open source project', 'open-source'],
    ['opensource', 'Huge money goes into opensource', 'open-source'],
    ['open-source', 'open-source tools', 'open-source'],
    ['plural listed as synonym', 'Containers are not simple', 'containers'],
    ['machine learning', 'machine learning models', 'machine-learning'],
    ['ML in capitals', 'an ML pipeline', 'machine-learning'],
    ['symbols in terms: C++', 'we write C++ daily', 'cpp'],
    ['symbols in terms: Node.js', 'a Node.js service', 'nodejs'],
    ['postgres', 'moved to Postgres', 'postgres'],
    ['haproxy', 'sidecar runs haproxy', 'haproxy'],
    ['flask', 'a wrapped Flask app', 'flask'],
    ['microservices', 'Microservices == SOA + DevOps', 'microservices'],
    ['terraform', 'terraform plan', 'terraform'],
    ['react with context', 'a React component with hooks', 'react'],
  ])('%s → %s', (_, text, id) => {
    expect(tags(text)).toContain(id);
  });

  it.each([
    ['"react" as a verb', 'how to react to an incident', 'react'],
    ['"ml" in lower case', 'add 5 ml of water', 'machine-learning'],
    ['ASP.NET is not Node', 'ASP.NET services', 'nodejs'],
    ['"rest" as in sleep', 'a good rest', 'rest-api'],
    ['"chef" without config context', 'the chef cooked dinner', 'chef'],
  ])('%s is not %s', (_, text, id) => {
    expect(tags(text)).not.toContain(id);
  });
});

describe('findTags: hashtags and explicit tags', () => {
  it.each([
    ['hashtags in prose', 'loved it #devops #SRE-life', ['devops', 'sre-life']],
    ['a hashtag that names a vocabulary term maps to its id', 'so #k8s', ['kubernetes']],
    ['a line of only hashtags', '#python #flask', ['flask', 'python']],
    ['a hashtag is one mention, not also a vocabulary match', '#SRE-life', ['sre-life']],
    ['a lone hashtag on its line', '#devops', ['devops']],
    [
      'a run-together hashtag is its vocabulary entry',
      'lessons #incidentresponse',
      ['incident-response'],
    ],
    ['a camel-case hashtag is its vocabulary entry', 'so #IncidentResponse', ['incident-response']],
    [
      'a hashtag and the words are one tag',
      '#machinelearning: machine learning',
      ['machine-learning'],
    ],
    ['a markdown heading is not a tag', '#Day two thoughts', []],
    ['a heading with a space is not a tag', '# Notes', []],
    ['numbers are not tags', 'see issue #1 and #42', []],
    ['URL fragments are not tags', 'https://example.com/page#section and page#top', []],
    ['file extensions are not mentions', 'edit page.html and current_app.redis', []],
    ['C# is a language, not a tag', 'C# and F#', ['csharp']],
    ['entities are not tags', 'a&#39;b', []],
    ['double hash is not a tag', '##notatag', []],
  ])('%s', (_, text, expected) => {
    expect(tags(text)).toEqual(expected);
  });

  it('puts explicit tags first, slugged, in the order given', () => {
    expect(
      tags('Kubernetes Kubernetes Kubernetes docker', [
        'Machine Learning',
        'Zeta Topic',
        'machine-learning',
      ]),
    ).toEqual(['machine-learning', 'zeta-topic', 'kubernetes', 'docker']);
  });

  it('maps explicit synonyms to their entry', () => {
    expect(tags('', ['K8s', 'Amazon Web Services'])).toEqual(['kubernetes', 'aws']);
  });

  it("maps a run-together explicit tag to its entry, and the name shown is the entry's", () => {
    expect(tags('', ['incidentresponse'])).toEqual(['incident-response']);
    expect(tagName('incident-response', vocabulary)).toBe('Incident response');
  });

  it('drops explicit tags that slug to nothing', () => {
    expect(tags('', ['!!!', ''])).toEqual([]);
  });

  it('orders inferred tags by mentions, then by name', () => {
    expect(tags('redis redis kafka docker docker docker')).toEqual(['docker', 'redis', 'kafka']);
    expect(tags('Redis and Kafka')).toEqual(['kafka', 'redis']);
  });

  it('counts overlapping terms at one place once', () => {
    expect(tags('docker compose, docker compose, redis redis redis')).toEqual(['redis', 'docker']);
  });

  it('counts the title', () => {
    expect(findTags({ title: 'Puppet in the cloud', text: '', explicit: [] }, vocabulary)).toEqual([
      'cloud',
      'puppet',
    ]);
  });

  it('returns nothing for empty input', () => {
    expect(tags('')).toEqual([]);
  });
});

describe('findHashtags', () => {
  it.each([
    ['#a #b', ['a', 'b']],
    ['text #tag, more', ['tag']],
    ['(#paren)', ['paren']],
    ['trailing #dash-', ['dash']],
    ['#Heading with words', []],
    ['  #indented heading', []],
    ['#1', []],
    ['mail#x', []],
    ['#café', ['café']],
  ])('%s', (text, expected) => {
    expect(findHashtags(text)).toEqual(expected);
  });
});

describe('tagName', () => {
  it.each([
    ['kubernetes', 'Kubernetes'],
    ['aws', 'AWS'],
    ['machine-learning', 'Machine learning'],
    ['my-own-tag', 'my own tag'],
  ])('%s → %s', (id, name) => {
    expect(tagName(id, vocabulary)).toBe(name);
  });
});

describe('parseVocabulary', () => {
  const file = 'content/tags.yaml';

  it('reads entries with string and object synonyms', () => {
    const yaml = [
      '- id: lanyard',
      '  name: Lanyard',
      '  synonyms: [lanyards, { term: LYD, matchCase: true, context: [notes] }]',
      '- { id: widgets, name: Widgets, context: [factory], matchName: false }',
    ].join('\n');
    const { vocabulary: parsed, issues } = parseVocabulary(yaml, file);
    expect(issues).toEqual([]);
    expect(parsed).toEqual([
      {
        id: 'lanyard',
        name: 'Lanyard',
        synonyms: ['lanyards', { term: 'LYD', matchCase: true, context: ['notes'] }],
        matchName: true,
      },
      { id: 'widgets', name: 'Widgets', synonyms: [], context: ['factory'], matchName: false },
    ]);
  });

  it.each([
    ['an empty file', '', []],
    ['only comments', '# nothing yet\n', []],
  ])('accepts %s', (_, yaml, expected) => {
    expect(parseVocabulary(yaml, file)).toEqual({ vocabulary: expected, issues: [] });
  });

  it.each<[string, string, number, RegExp]>([
    ['broken YAML', '- id: a\n  name: [unclosed\n', 2, /YAML/],
    ['not a list', 'id: a\nname: A\n', 1, /expected a list/],
    ['a missing name', '- id: ok\n  name: OK\n- id: broken\n', 3, /entry 2 \(broken\)\.name/],
    [
      'an id that is not a slug',
      '- id: Not A Slug\n  name: X\n',
      1,
      /entry 1 \(Not A Slug\)\.id: must be a slug/,
    ],
    [
      'a synonym of the wrong type',
      '- id: a\n  name: A\n  synonyms:\n    - ok\n    - 42\n',
      5,
      /entry 1 \(a\)\.synonyms\[1\]/,
    ],
    [
      'context that is not a list',
      '- id: a\n  name: A\n  context: elastic\n',
      3,
      /entry 1 \(a\)\.context/,
    ],
    [
      'matchCase that is not a boolean',
      '- id: a\n  name: A\n  synonyms:\n    - term: X\n      matchCase: yes please\n',
      5,
      /matchCase/,
    ],
  ])('reports %s with its line', (_, yaml, line, message) => {
    const { issues } = parseVocabulary(yaml, file);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatchObject({ severity: 'error', file, line });
    expect(issues[0]?.message).toMatch(message);
  });

  it('keeps the good entries when one is bad', () => {
    const { vocabulary: parsed, issues } = parseVocabulary(
      '- id: good\n  name: Good\n- id: bad\n',
      file,
    );
    expect(parsed.map((entry) => entry.id)).toEqual(['good']);
    expect(issues).toHaveLength(1);
  });

  it.each<[string, string, number, RegExp]>([
    ['an unknown key', '- id: a\n  name: A\n  synonym: [x]\n', 3, /unknown key/],
    [
      'an unknown key in a term',
      '- id: a\n  name: A\n  synonyms:\n    - term: x\n      case: true\n',
      5,
      /synonyms\[0\]\.case: unknown key/,
    ],
    ['a repeated id', '- id: a\n  name: A\n- id: a\n  name: B\n', 3, /twice/],
  ])('warns about %s', (_, yaml, line, message) => {
    const { issues } = parseVocabulary(yaml, file);
    expect(issues[0]).toMatchObject({ severity: 'warning', file, line });
    expect(issues[0]?.message).toMatch(message);
  });
});

describe('mergeVocabularies', () => {
  const base: Vocabulary = parseVocabulary(
    '- { id: a, name: A }\n- { id: b, name: B, synonyms: [bee] }\n',
    'base',
  ).vocabulary;
  const user: Vocabulary = parseVocabulary(
    '- { id: b, name: Bravo }\n- { id: c, name: C }\n',
    'user',
  ).vocabulary;

  it('replaces entries with the same id in place and appends new ones', () => {
    expect(mergeVocabularies(base, user).map((entry) => [entry.id, entry.name])).toEqual([
      ['a', 'A'],
      ['b', 'Bravo'],
      ['c', 'C'],
    ]);
  });

  it('uses the user’s entry for matching', () => {
    const merged = mergeVocabularies(base, user);
    expect(findTags({ title: '', text: 'bee bravo c', explicit: [] }, merged)).toEqual(['b', 'c']);
    expect(findTags({ title: '', text: 'bee', explicit: [] }, merged)).toEqual([]);
  });

  it('extends the built-in vocabulary', () => {
    const extra = parseVocabulary('- { id: lanyard, name: Lanyard }\n', 'tags.yaml').vocabulary;
    const merged = mergeVocabularies(vocabulary, extra);
    expect(findTags({ title: '', text: 'Lanyard on Kubernetes', explicit: [] }, merged)).toEqual([
      'kubernetes',
      'lanyard',
    ]);
  });
});
