import { describe, expect, it } from 'vitest';
import {
  looksLikeName,
  parseSpeakerLine,
  splitTitleAndSpeakers,
} from '../../src/pipeline/parse/speakers';

describe('splitTitleAndSpeakers', () => {
  it.each([
    ['Puppet in the cloud - Jethro Carr', 'Puppet in the cloud', [{ name: 'Jethro Carr' }]],
    [
      'Matthew Todd - Opensoure drug discovery',
      'Opensoure drug discovery',
      [{ name: 'Matthew Todd' }],
    ],
    [
      'Day 2 Operations with Containers: Myth vs. Reality - Elizabeth K. Joseph',
      'Day 2 Operations with Containers: Myth vs. Reality',
      [{ name: 'Elizabeth K. Joseph' }],
    ],
    [
      'Web3 - the Internet of Freedom - Jane Doe',
      'Web3 - the Internet of Freedom',
      [{ name: 'Jane Doe' }],
    ],
    ['Rust in production – Ana de la Cruz', 'Rust in production', [{ name: 'Ana de la Cruz' }]],
    ['Building Secure Systems, @lvh', 'Building Secure Systems', [{ name: '@lvh', handle: 'lvh' }]],
    [
      'Smart Services: Microservices, Frank Stratton, Runscope',
      'Smart Services: Microservices',
      [{ name: 'Frank Stratton', affiliation: 'Runscope' }],
    ],
    [
      'Friday Keynote: Catherine Bracy, Code for America',
      'Friday Keynote',
      [{ name: 'Catherine Bracy', affiliation: 'Code for America' }],
    ],
    ['Keynote: Jane Doe', 'Keynote', [{ name: 'Jane Doe' }]],
    ['Scaling Postgres (Jane Doe)', 'Scaling Postgres', [{ name: 'Jane Doe' }]],
    [
      'Scaling Postgres (Jane Doe, Red Hat)',
      'Scaling Postgres',
      [{ name: 'Jane Doe', affiliation: 'Red Hat' }],
    ],
    ['Scaling Postgres by Jane Doe', 'Scaling Postgres', [{ name: 'Jane Doe' }]],
    [
      'Pair programming - Jane Doe & John Smith',
      'Pair programming',
      [{ name: 'Jane Doe' }, { name: 'John Smith' }],
    ],
    [
      'Pair programming - Jane Doe, John Smith and Ada Lovelace',
      'Pair programming',
      [{ name: 'Jane Doe' }, { name: 'John Smith' }, { name: 'Ada Lovelace' }],
    ],
    [
      'Fuzzing everything - Jane Doe (@jdoe)',
      'Fuzzing everything',
      [{ name: 'Jane Doe', handle: 'jdoe' }],
    ],
  ])('%s', (line, title, speakers) => {
    expect(splitTitleAndSpeakers(line)).toEqual({ title, speakers });
  });

  it.each([
    'Service Meshes - What is this?',
    'Myth 1 - Containers will solve all of your problems',
    'Open innovation - problem is only publicdomain',
    'Local Free Web - find free internet access via text message based on bus stops.',
    'Stop Waiting for Permission - Medium post: Code for America hackathon particpant.',
    'Tools: How do you write a test for “security”?',
    'In the words of a former boss, “Technology will f*** you”.',
    'Misc Notes:',
    'Stand by Me',
    'Dokly - https://github.com/lirantal/dockly',
    'DR - Ensure this is tested',
    '',
  ])('finds no speaker in %j', (line) => {
    expect(splitTitleAndSpeakers(line)).toBeNull();
  });
});

describe('looksLikeName', () => {
  it.each([
    ['Elizabeth K. Joseph', true],
    ['Ana de la Cruz', true],
    ['@lvh', true],
    ['Jethro Carr', true],
    ['Runscope', false],
    ['Opensoure drug discovery', false],
    ['Puppet In The Cloud', false],
    ['Principles Of Good Monitoring', false],
    ['What is this?', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeName(text)).toBe(expected);
  });
});

describe('parseSpeakerLine', () => {
  it.each([
    ['speaker: Jane Doe', [{ name: 'Jane Doe' }]],
    ['Speakers: Jane Doe and John Smith', [{ name: 'Jane Doe' }, { name: 'John Smith' }]],
    ['**presenter:** Jane Doe', [{ name: 'Jane Doe' }]],
    ['- Jane Doe', [{ name: 'Jane Doe' }]],
    ['by @jdoe', [{ name: '@jdoe', handle: 'jdoe' }]],
    ['- backups', null],
    ['- host, container, application', null],
    ['Speaker notes were missing', null],
  ])('%s', (line, expected) => {
    expect(parseSpeakerLine(line)).toEqual(expected);
  });
});
