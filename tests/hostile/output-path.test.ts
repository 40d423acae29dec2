/** The one guard every writer goes through: nothing lands outside the output folder. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputPath } from '../../src/build/output-path';

const OUT = path.resolve('/srv/site/dist');

describe('outputPath', () => {
  it.each([
    ['index.html', `${OUT}/index.html`],
    ['talks/lca-2018/keynote/index.html', `${OUT}/talks/lca-2018/keynote/index.html`],
    ['data/talks/conf/..hidden.json', `${OUT}/data/talks/conf/..hidden.json`],
  ])('%s is written at %s', (file, expected) => {
    expect(outputPath(OUT, file)).toBe(expected);
  });

  it.each(['../x', '../../tmp/x/index.html', 'talks/../../x', '/etc/passwd', '', '.', 'a\0b'])(
    '%j is refused',
    (file) => {
      expect(() => outputPath(OUT, file)).toThrow(
        `lanyard: refused to write "${file}": it is not a file inside the output folder ${OUT}`,
      );
    },
  );
});
