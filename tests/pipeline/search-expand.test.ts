/** Prefix and typo expansion over the index's vocabulary (its token-set trie). */
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { completionsOf, nearTermsOf } from '../../src/shared/search/query';

const vocabulary = [
  'docker',
  'dockly',
  'do',
  'dog',
  'kubernet',
  'kibana',
  'elasticsearch',
  'falco',
  'flaco',
];
const TokenSetBuilder = (lunr.TokenSet as unknown as { Builder: new () => TrieBuilder }).Builder;
interface TrieBuilder {
  insert(term: string): void;
  finish(): void;
  root: unknown;
}
const builder = new TokenSetBuilder();
for (const term of [...vocabulary].sort()) builder.insert(term);
builder.finish();
const root = builder.root as Parameters<typeof completionsOf>[0];

describe('completionsOf', () => {
  it.each<[string, number, string[]]>([
    ['doc', 10, ['docker', 'dockly']],
    ['d', 10, ['do', 'dog', 'docker', 'dockly']],
    ['d', 2, ['do', 'dog']],
    ['do', 10, ['dog', 'docker', 'dockly']],
    ['kube', 10, ['kubernet']],
    ['zzz', 10, []],
    ['', 3, ['do', 'dog', 'falco']],
  ])('completionsOf(%j, cap %i)', (prefix, cap, expected) => {
    expect(completionsOf(root, prefix, cap)).toEqual(expected);
  });
});

describe('nearTermsOf', () => {
  it.each<[string, number, string[]]>([
    ['kubernets', 2, ['kubernet']],
    ['elastcsearch', 2, ['elasticsearch']],
    ['falco', 1, ['flaco']],
    ['flaco', 1, ['falco']],
    ['docker', 1, []],
    ['dockre', 1, ['docker']],
    ['dokcer', 1, ['docker']],
    ['kibanna', 1, ['kibana']],
    ['zzzzzz', 2, []],
  ])('nearTermsOf(%j, %i)', (word, distance, expected) => {
    expect(nearTermsOf(root, word, distance, 40).sort()).toEqual(expected.sort());
  });

  it('stops at the cap', () => {
    expect(nearTermsOf(root, 'dox', 2, 2)).toHaveLength(2);
  });
});
