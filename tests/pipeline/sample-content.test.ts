import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, Talk } from '../../src/shared/bundle';
import { compileNotes, type CompileResult } from '../../src/pipeline/compile';

let result: CompileResult;
let bundle: Bundle;
const talk = (title: string): Talk => {
  const found = bundle.talks.find((candidate) => candidate.title === title);
  if (!found) throw new Error(`no talk titled ${title}`);
  return found;
};

beforeAll(async () => {
  result = await compileNotes({ contentDir: 'content', now: new Date('2026-01-01T00:00:00Z') });
  bundle = result.bundle;
});

describe('the sample notes in content/', () => {
  it('compile without errors', () => {
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('yield exactly these talks, in this order', () => {
    const outline = bundle.talks.map((t) => [
      t.conference,
      t.day.label,
      t.track?.name ?? null,
      t.title,
      t.speakers.map((s) => s.name).join(', '),
    ]);
    expect(outline).toEqual([
      ['lca-2018', 'Day 2', 'Keynote', 'Opensoure drug discovery', 'Matthew Todd'],
      [
        'lca-2018',
        'Day 2',
        'Sysadmin miniconf',
        'Day 2 Operations with Containers: Myth vs. Reality',
        'Elizabeth K. Joseph',
      ],
      [
        'lca-2018',
        'Day 2',
        'Sysadmin miniconf',
        'Designing scalable production Kubernetes clusters on AWS',
        'Nick Young',
      ],
      [
        'lca-2018',
        'Day 2',
        'Sysadmin miniconf',
        'Becoming the Admiral: mastering Docker orchestration',
        'Alistair Chapman',
      ],
      ['lca-2018', 'Day 2', 'Sysadmin miniconf', 'Migrating to the cloud', 'Devdas Bhagat'],
      ['lca-2018', 'Day 2', 'Sysadmin miniconf', 'Puppet in the cloud', 'Jethro Carr'],
      [
        'lca-2018',
        'Day 2',
        'Sysadmin miniconf',
        'User Session Recording for the Enterprise',
        'Fraser Tweedale',
      ],
      [
        'lca-2018',
        'Day 2',
        'Sysadmin miniconf',
        'Monitoring All the Things! on your Linux system with the Elastic Stack',
        'Josh Rich',
      ],
      [
        'lca-2018',
        'Day 2',
        'Sysadmin miniconf',
        'Icinga 2 in a 24/7 Television Broadcast Environment',
        'Dave Kempe',
      ],
      ['lca-2018', 'Day 2', 'Sysadmin miniconf', 'Principles Of Good Monitoring', 'Troy Lea'],
      ['pycon-2015', 'Day 2', 'Keynote', 'Friday Keynote', 'Catherine Bracy'],
      ['pycon-2015', 'Day 2', null, 'Building Secure Systems', '@lvh'],
      ['pycon-2015', 'Day 2', null, 'Smart Services: Microservices', 'Frank Stratton'],
    ]);
  });

  it('knows the conferences: names, places, dates, newest first', () => {
    expect(
      bundle.conferences.map((c) => [c.id, c.name, c.year, c.location, c.days.map((d) => d.date)]),
    ).toEqual([
      ['lca-2018', 'linux.conf.au 2018', 2018, 'Sydney, Australia', ['2018-01-23']],
      ['pycon-2015', 'PyCon 2015', 2015, 'Montréal, Canada', ['2015-04-10']],
    ]);
  });

  it('reads affiliations and handles', () => {
    expect(talk('Friday Keynote').speakers).toEqual([
      { name: 'Catherine Bracy', affiliation: 'Code for America' },
    ]);
    expect(talk('Building Secure Systems').speakers).toEqual([{ name: '@lvh', handle: 'lvh' }]);
    expect(talk('Smart Services: Microservices').speakers).toEqual([
      { name: 'Frank Stratton', affiliation: 'Runscope' },
    ]);
  });

  it('marks the talk with no notes as empty', () => {
    expect(talk('Migrating to the cloud').text).toBe('');
  });

  it('keeps the PyCon opening paragraphs and the wrap-up as day notes', () => {
    const notes = bundle.dayNotes.filter((note) => note.conference === 'pycon-2015');
    expect(notes[0]!.text).toMatch(/^My second day at PyCon/);
    expect(notes[0]!.text).toContain('Oslo messaging');
    expect(notes.at(-1)).toMatchObject({ heading: 'Wrap up' });
    expect(notes.at(-1)!.text).toMatch(/^About now I’m still jet-lagging/);
  });

  it('tags the Kubernetes talk, repairs its mojibake and keeps "Service Meshes" inside it', () => {
    const kubernetes = talk('Designing scalable production Kubernetes clusters on AWS');
    expect(kubernetes.tags).toEqual(expect.arrayContaining(['kubernetes', 'aws', 'etcd']));
    expect(kubernetes.text).toContain('If you’re building a cloud native application');
    expect(kubernetes.text).not.toMatch(/â€|Ã/);
    expect(kubernetes.text).toContain('Service Meshes - What is this?');
    expect(result.issues).toContainEqual({
      severity: 'warning',
      file: 'lca-2018/day-2.md',
      line: 111,
      message: 'repaired mis-encoded text "youâ€™re" → "you’re"',
    });
  });

  it('tags the Elastic Stack talk', () => {
    expect(
      talk('Monitoring All the Things! on your Linux system with the Elastic Stack').tags,
    ).toEqual(expect.arrayContaining(['elasticsearch', 'kibana']));
  });

  it('collects links, bare and scheme-less', () => {
    const urls = (title: string) => talk(title).links.map((link) => link.url);
    expect(urls('Becoming the Admiral: mastering Docker orchestration')).toContain(
      'https://github.com/lirantal/dockly',
    );
    expect(urls('Opensoure drug discovery')).toContain('https://github.com/opensourcemalaria');
    expect(urls('User Session Recording for the Enterprise')).toContain(
      'https://scribery.github.io',
    );
    expect(talk('Opensoure drug discovery').html).toContain(
      'href="https://github.com/opensourcemalaria"',
    );
  });

  it('shows raw HTML-looking text in notes as text, not markup', () => {
    expect(talk('Becoming the Admiral: mastering Docker orchestration').text).toContain(
      'docker top <container name>',
    );
    expect(talk('Smart Services: Microservices').text).toContain('service://identity/<service>');
  });

  it('gives every talk a stable id under its conference', () => {
    expect(talk('Puppet in the cloud').id).toBe('lca-2018/puppet-in-the-cloud');
    expect(talk('Friday Keynote').id).toBe('pycon-2015/friday-keynote-catherine-bracy');
    expect(new Set(bundle.talks.map((t) => t.id)).size).toBe(bundle.talks.length);
  });

  it('records where each talk came from', () => {
    expect(talk('Puppet in the cloud').source).toEqual({
      file: 'lca-2018/day-2.md',
      startLine: 131,
      endLine: 143,
    });
  });

  it('builds a search index over the talks', () => {
    expect(result.searchIndex.lunrVersion).toBe('2.3.9');
    expect(JSON.stringify(result.searchIndex.index)).toContain('lca-2018/puppet-in-the-cloud');
  });
});
