/**
 * Issue 14: notes as people really write them, one fixture file per layout in
 * tests/fixtures/layouts/, read through the compiler's public entry. Each case lists the exact
 * talks of its file: title, then speakers ("name (affiliation) @handle").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileNotes, type CompileResult } from '../../src/pipeline/compile';
import type { Speaker } from '../../src/shared/bundle';

let result: CompileResult;

beforeAll(async () => {
  result = await compileNotes({
    contentDir: 'tests/fixtures/layouts',
    now: new Date('2026-01-01T00:00:00Z'),
    workers: 0,
  });
});

const person = (speaker: Speaker) =>
  [
    speaker.name,
    speaker.affiliation ? `(${speaker.affiliation})` : '',
    speaker.handle ? `@${speaker.handle}` : '',
  ]
    .filter(Boolean)
    .join(' ');

/** "Title · Speaker; Speaker" for every talk of one file, in the order written. */
function talksOf(file: string): string[] {
  return result.bundle.talks
    .filter((talk) => talk.source.file === file)
    .sort((a, b) => a.source.startLine - b.source.startLine)
    .map((talk) => `${talk.title} · ${talk.speakers.map(person).join('; ')}`);
}

describe('real-world layouts (issue 14)', () => {
  it.each<[string, string, string[]]>([
    [
      '1. the speaker alone on the line under the title: plain, bold, italic, with affiliation, several',
      'next-line-2021/day-1.md',
      [
        'Error budgets in practice · Priya Raman',
        'Scaling the monolith · Tom Becker (University of Leeds)',
        'Pairing at a distance · Ana Costa (Tidewater)',
        'Three voices on on-call · Lena Ortiz; Sam Okafor; Mei Chen',
        'Build caches · ',
      ],
    ],
    [
      '2. speaker lines in all their forms, honorifics and jobs into fields, an organisation is nobody, explicit wins',
      'speaker-lines-2021/day-1.md',
      [
        'Observability on a budget · Hannah Weiss (Lumen) @hweiss',
        'Feature flags done right · Jon Ekberg',
        'Platform teams · Aisha Bello; Marco Ricci',
        'Data contracts · ',
        'Queues – Nina Park · kim lee',
      ],
    ],
    [
      '3 and 4. numbered sequences are siblings under a session heading that swallows none',
      'numbered-2022/day-2.md',
      [
        'Rust in the kernel · Jonas Richter',
        'Async without an OS · Marie Lefort',
        'Fuzzing parsers · Aaron Weiss',
        'Memory safety roadmaps · Ole Martinsen',
      ],
    ],
    [
      '4. a document title over talks is a container, not one talk',
      'containers-2022/friday.md',
      [
        'Notebooks in production · Grace Liu',
        'Pandas 2.0 · Paul Okoro',
        'Time series at scale · Rin Takahashi',
      ],
    ],
    [
      '5. times and session labels come off titles; a number that is not a time stays',
      'times-2023/day-1.md',
      [
        'The next ten years · Carla Mendes',
        'Tiny tools · Ivo Jansen',
        'Les index partiels · Agnès Colin',
        '10 things I learned running Postgres · Pierre Garnier',
        'Keynote: Noor Haddad · Noor Haddad',
      ],
    ],
    [
      '6. long setext titles',
      'setext-2019/day-2.md',
      [
        'Btrfs in Production at a Small Hosting Company: Snapshots, Scrubs and One Very Bad Day · Natalia Romanova',
        'Monitoring Is a Team Sport · Felix Braun',
      ],
    ],
    [
      '7. markdown inside a .txt file',
      'txt-markdown-2020/saturday.txt',
      ['Shipping Go binaries · Clara Whitby', 'Profiling a slow API · Tobias Fischer @tfischer'],
    ],
    [
      '8. lightning talks as bullets: one talk with every speaker',
      'bullets-2021/day-1.md',
      ['Lightning talks · Ayesha Rahman (Catalyst); Greg Tolland; Mei Lin Tan; Jarrah Cole'],
    ],
    [
      '9 and 11. a Pelican post after a blank line, its talks told in prose; a quote with no speaker is no talk',
      'blog/2016-06-04-pycon.md',
      [
        'Python in the Public Sector · Rosa Delgado',
        'Testing Web Apps with Selenium Is Not Dead · Priyanka Bose; Leo Hartmann',
      ],
    ],
    [
      '10. lunch, venue, to-do and conclusion sections stay notes, in English and French',
      'lunch-2022/day-1.md',
      ['Infrastructure as a Product · Lukas Hoffmann'],
    ],
    [
      '2. an italic name line with a video link after it; a topic before a colon is no person',
      'speaker-forms-2019/day-1.md',
      [
        'Caching at the Edge · Ana Ruiz',
        'Queues You Can Trust · Bo Lindqvist; Cyrus Daneshvar',
        'Dynamic SQL: Plans, Caches, and Surprises · Mira Kovač',
      ],
    ],
    [
      '2. "### by Surname" under the one title of a file',
      'speaker-forms-2019/ten-rules.md',
      ['The Ten Rules of Caching · Okonkwo'],
    ],
    [
      '2 and 5. a panel with its panellists as a heading, "A, B, and C"',
      'speaker-forms-2019/panel-observability.md',
      ['Observability · Hana Sato; Lukas Brandt; Priya Menon'],
    ],
    [
      '2. keynote notes headed by each person, job and workplace: a talk per person',
      'keynotes-2018/day-1-keynotes.md',
      [
        'Marta Kowalski · Marta Kowalski (Exec Dir, OpenMesh Foundation)',
        'Rui Tanaka · Rui Tanaka (Chief Architect, Hikari Cloud)',
        'Sofia Lindgren · Sofia Lindgren (Sr S/w eng, Azure)',
        'Tracing · ',
        'Kwame Mensah · Kwame Mensah (CTO, Tollgate)',
      ],
    ],
    [
      '2. a person heading right under the one title names its speaker',
      'speaker-forms-2019/json-schema.md',
      ['JSON Schema: your contract with the future · Rosa Lindholm'],
    ],
    [
      '4. the sub-headings of a talk with a speaker are sections of its notes, not talks',
      'sections-2025/accessibility-talks.md',
      ['Accessible Charts That Work · Lena Fischer', 'Designing Forms for Everyone · Omar Haddad'],
    ],
    [
      '5. "Title | Speaker (9am)", long speaker tails, topics before a colon, session labels off',
      'pipes-2014/day-1.md',
      [
        'Sorting Things Out · Dana Whitfield',
        'Service Meshes: A Field Guide · Kara Dunn',
        'Mesh Networking for Cities · Lew Tanner (VP/CTO Cloud Platform, Northwind Systems, Inc.)',
        'Teaching Rust: The Hard Parts · Mira Okafor',
        'Recursive Pipelines: Builds That Build Builds · ',
        'Refactoring a legacy billing module · ',
        'Small steps towards big systems · ',
      ],
    ],
    [
      '7. "##Title" with no space after the hashes is a heading, lower case and one word too',
      'nospace-2019/day-1.md',
      ['funneljoin() · Emily Rosen', 'Shiny in production · '],
    ],
    [
      '4. a file named for one talk that says its title again: every heading below is a section',
      'one-talk-2016/the-five-hard-questions.md',
      ['The Five Hard Questions · '],
    ],
    [
      '7. in a file whose headings have no space after the hashes, a one-word "#Title" is one too; a line of hashtags is not',
      'nospace-2019/day-2.md',
      ['Apps vs Sites · Bo Lee; Cy Dee', 'Flexbox · Eve Stone', 'Offline First · Ana Ruiz'],
    ],
    [
      'a talk named only by its file name keeps it as written, and its speaker',
      'file-names-2026/Keynote by Lina Moreau.md',
      ['Keynote by Lina Moreau · Lina Moreau'],
    ],
    [
      'a talk named by a slug file name',
      'file-names-2026/building-calm-dashboards.md',
      ['Building Calm Dashboards · '],
    ],
    [
      '9. talks listed as link bullets "[Title](url) by Name"; a list of links naming nobody stays notes',
      'link-bullets-2015/notes.md',
      [
        'Knots, Braids and Notation · Ines Carvalho',
        'Types as Proofs, Slowly · ',
        'Chemistry for Programmers · Tomas Lindqvist',
        'Live Coding Without Threads · Aroha Ngata',
      ],
    ],
    [
      '5. a bold session type under the title is no speaker',
      'sessions-fr-2019/jeudi.md',
      [
        'Les index partiels en pratique · ',
        'Débugger le navigateur · ',
        "Promesses et boucle d'événements · ",
      ],
    ],
    [
      '3. numbered headings that outline one talk (Background, Method, Results) are its sections; a quoted speaker line in full-width forms',
      'outlines-2024/edge-caching.md',
      ['Caching at the Edge · Ana Ruiz (Acme Engineering)'],
    ],
    [
      '3. an outline with an introduction and a conclusion stays one talk, with no speaker',
      'outlines-2024/service-meshes.md',
      ['Service Meshes Without Tears · '],
    ],
    [
      '2. a file named for one keynote: its speaker named above its title, the headings below are sections',
      'outlines-2024/keynote-2.md',
      ['Data Work in Production · Priya Raman (Northwind Labs)'],
    ],
    [
      "4. a day of '# Title - Name' talks: their lower-case sub-headings are sections, a handle under a quote is a signature",
      'signatures-2019/day-2.md',
      [
        'Building Teams That Last · Ana Ruiz',
        'Scaling Postgres · Bo Lee',
        'Design Systems at Scale · Cy Dee',
      ],
    ],
    [
      '4. "Event - Day 2" is the day, not a talk by "Event"; its sessions hold the talks',
      'eurocon-2023/day2.md',
      [
        'Rethinking the Web Platform · Ana Ruiz (Acme)',
        'Ten Years of Open Source · Bo Lee (Initech)',
        'Writing Fast Tests · Cy Dee (Globex)',
      ],
    ],
    [
      '2. a file writing "Name - Title" throughout: a two-name title and a lone first name follow its order',
      'dash-order-2018/lightning.md',
      ['Queues Explained · Bo Lee', 'Rust for Designers · Cy Dee', 'Wrap It Up · Zed'],
    ],
    [
      '2. a file writing "Title - Name" throughout: a lone surname after a double dash is the speaker',
      'dash-order-2018/day-1.md',
      ['Caches Everywhere · Ana Lopez', 'Typed SQL · Bo Lee', 'Failing Fast · Ruiz'],
    ],
    [
      'a talk named by its file name leaves out what orders the files: the day and the number',
      'sequence-2020/Day 2/Day 2 - 04 - Making Things Talk.md',
      ['Making Things Talk · '],
    ],
    [
      'a number in front of a file name orders it; before a plural it is part of the title',
      'sequence-2020/3_cross_pollinating_communities.md',
      ['Cross Pollinating Communities · '],
    ],
    [
      'a number before a plural in a file name is part of the title',
      'sequence-2020/10-things-i-learned-shipping-firmware.md',
      ['10 Things I Learned Shipping Firmware · '],
    ],
    [
      '2. "Title - Name - Workplace": the person and where they work at the end of a heading',
      'jobs-2015/day-1.md',
      [
        'hyperloglog · Ines Barros (Northwind Data)',
        'Bloom filters at scale · Omar Diallo (Globex Research)',
      ],
    ],
    [
      '5. a file that puts "Session - " before every title: a title that reads like a name is still the title',
      'sessions-2021/clean-code-days.md',
      [
        'Clean Tests · ',
        'Naming things for people who read code · ',
        'Refactoring legacy monoliths safely · ',
      ],
    ],
    [
      '10. "Lundi 18 avril : arrivée" is a day with a few words, its prose the day\'s note',
      'journal-fr-2022/2022-04-19-devoxx.md',
      ['Les tests qui durent · Claire Martin'],
    ],
    [
      'a one-talk file named with its speaker, whose notes name them too',
      'named-files-2016/failing-at-scale-rosa-lindqvist.md',
      ['Failing at Scale · Rosa Lindqvist'],
    ],
    [
      'a file named "<speaker> on <topic>", the speaker run together in a link of the notes',
      'named-files-2016/omar-haddad-on-observability.md',
      ['Traces, not logs · Omar Haddad'],
    ],
    [
      'words of a file name inside a longer capitalised phrase of the notes are no speaker',
      'named-files-2016/building-deep-learning-pipelines.md',
      ['Deep Learning Pipelines · '],
    ],
    [
      '1. two speakers on two lines under the title, each with where they work',
      'named-files-2016/captions.md',
      ['Captions at Scale · Lena Fischer (StreamCo); Tomas Berg (Google Accessibility)'],
    ],
    [
      '9. a talk whose notes open with its speaker ("Name\'s talk", "Name of Org", "Name on …")',
      'prose-speakers-2012/readme.md',
      [
        'Continuous Delivery · Rosa Lindqvist',
        'Django forms · Omar Diallo',
        'Testing and Django · Ines Barros',
      ],
    ],
    [
      '1. a keynote file that opens with its speaker alone on the first line: titled by the file name',
      'keynote-files-2016/day-1-keynote.md',
      ['Day 1 Keynote · Priya Raman'],
    ],
  ])('%s', (_, file, expected) => {
    expect(talksOf(file)).toEqual(expected);
  });

  it("2. the event's name before a colon (the folder says it) is no speaker", () => {
    const [talk, ...others] = result.bundle.talks.filter(
      (t) => t.source.file === 'agile-days/agile-days-time-management.md',
    );
    expect(others).toEqual([]);
    expect(talk!.title).toMatch(/Time management$/);
    expect(talk!.speakers).toEqual([]);
  });

  it('10. keeps the non-talk sections as day notes under their headings', () => {
    const headings = result.bundle.dayNotes
      .filter((note) => note.source.file === 'lunch-2022/day-1.md')
      .map((note) => note.heading);
    expect(headings).toEqual([
      'Lunch + hallway track',
      'Venue & travel',
      'Pause déjeuner',
      'À creuser',
      'Conclusion',
    ]);
  });

  it('10. a recap post titled for the event, about the venue and the talks in general, holds no talk', () => {
    expect(talksOf('recap-2018/brightcon.md')).toEqual([]);
    expect(talksOf('recap-2018/day-2.md')).toEqual(['Keynote: Ada Brandt · Ada Brandt']);
    const headings = result.bundle.dayNotes
      .filter((note) => note.source.file.startsWith('recap-2018/'))
      .map((note) => note.heading);
    expect(headings).toEqual(
      expect.arrayContaining([
        'About the event',
        "L'ambiance",
        'Sobre as palestras',
        'Welcoming',
        'Vendors',
      ]),
    );
  });

  it('11. takes the post title, date and tags from its Pelican header, not from the file name', () => {
    const talk = result.bundle.talks.find((t) => t.source.file === 'blog/2016-06-04-pycon.md')!;
    expect(talk.day.date).toBe('2016-06-04');
    expect(talk.tags).toContain('python');
    expect(talk.text).not.toContain('Title:');
  });

  it('12. one folder holding two events is two conferences', () => {
    const names = result.bundle.conferences
      .filter((conference) => conference.id.startsWith('odsc'))
      .map((conference) => `${conference.name} ${conference.year}`);
    expect(names.sort()).toEqual(['Odsc East 2015 2015', 'Odsc West 2016 2016']);
  });

  it('warns about readings that look wrong, with file:line and how to be explicit (not about a list item under a title, nor the sections of a talk)', () => {
    expect(
      result.issues.map(
        (issue) => `${issue.file}:${issue.line}: ${issue.severity}: ${issue.message}`,
      ),
    ).toEqual([
      'warnings-2020/day-1.md:1: warning: the talk "Caching at the edge" has no speaker, but "jane doe" under its title looks like a name: write "speaker: jane doe" if it is one',
      'warnings-2020/day-1.md:6: warning: the talk title "What I think about the state of frontend tooling after three…" is 19 words long: if it is a line of notes rather than a title, leave it plain (no "#", no bold), or give the file a "title:" in its front matter',
    ]);
  });
});
