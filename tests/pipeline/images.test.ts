import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { compileNotes } from '../../src/pipeline/compile';
import { noteImagePath } from '../../src/pipeline/enrich/images';
import { renderNotes } from '../../src/pipeline/formats/render';

const now = new Date('2026-01-01T00:00:00Z');
const FIXTURE = 'tests/fixtures/images';
const SLIDE = 'devconf-2021/img/slide-3.jpg';

describe('images in notes (tests/fixtures/images)', async () => {
  const result = await compileNotes({ contentDir: FIXTURE, now, base: '/notes/', workers: 0 });
  const talk = (slug: string) => result.bundle.talks.find((t) => t.id === `devconf-2021/${slug}`)!;
  const slideBytes = new Uint8Array(await readFile(`${FIXTURE}/${SLIDE}`));

  it('copies a local image once, under a name hashed from its bytes, with its size', () => {
    expect(
      result.media.map(({ fileName, contentType, width, height }) => [
        fileName,
        contentType,
        width,
        height,
      ]),
    ).toEqual([
      [expect.stringMatching(/^data\/media\/slide-3-[0-9a-f]{10}\.jpg$/), 'image/jpeg', 480, 270],
    ]);
    expect(result.media[0]!.bytes).toEqual(slideBytes);
  });

  it('shows it in the talk, under the base path, lazily, with its alt text and size', () => {
    const src = `/notes/${result.media[0]!.fileName}`;
    expect(talk('caching-at-the-edge').html).toContain(
      `<p><img src="${src}" alt="Slide 3: caches everywhere" loading="lazy" decoding="async" width="480" height="270"></p>`,
    );
    // The same file by another path is the same copy.
    expect(talk('whiteboard-session').html).toContain(
      `<img src="${src}" alt="Slide 3 again" loading="lazy" decoding="async" width="480" height="270">`,
    );
  });

  it('keeps a remote image a link, as the CSP allows no other origin', () => {
    expect(talk('caching-at-the-edge').html).toContain(
      '<a href="https://example.org/logo.png" rel="noopener noreferrer nofollow">DevConf logo</a>',
    );
  });

  it('warns with file:line for each image it does not show, and shows its alt text', () => {
    const warnings = result.issues.map((i) => `${i.severity} ${i.file}:${i.line}: ${i.message}`);
    expect(warnings).toEqual([
      'warning devconf-2021/day-1.md:21: image "img/whiteboard.png" is not shown (not found): its alt text is',
      'warning devconf-2021/day-1.md:23: image "img/diagram.svg" is not shown (not an image the site shows (PNG, JPEG, GIF, WebP or AVIF)): its alt text is',
      'warning devconf-2021/day-1.md:25: image "../../../etc/passwd.png" is not shown (outside the notes folder): its alt text is',
      'warning devconf-2021/day-1.md:27: image "img/fake.png" is not shown (not a readable image): its alt text is',
    ]);
    const html = talk('whiteboard-session').html;
    expect(html).toContain('<p>the whiteboard</p>');
    expect(html).toContain('<p>a diagram</p>');
    expect(html).toContain('<p>the password file</p>');
    expect(html).not.toMatch(/<img[^>]*(whiteboard|diagram|passwd|fake)/);
  });

  it('lists an image no note names among the files not read, and not the others', () => {
    expect(result.skipped.map((entry) => entry.path)).toEqual(['devconf-2021/img/unused.jpg']);
  });
});

describe('an image path is read relative to its note, and never leaves the notes', () => {
  it.each([
    ['lca-2018/day-2.md', 'img/slide.png', 'lca-2018/img/slide.png'],
    ['lca-2018/day-2.md', './img/../slide.png', 'lca-2018/slide.png'],
    ['lca-2018/day-2.md', '../shared/logo.png', 'shared/logo.png'],
    ['day-2.md', 'slide.png', 'slide.png'],
    ['lca-2018/day-2.md', '../../outside.png', null],
    ['lca-2018/day-2.md', '..\\..\\outside.png', null],
  ])('%s: %s → %s', (note, src, path) => {
    expect(noteImagePath(note)(src)).toBe(path);
  });

  it('renders without a resolver as alt text, and a rooted or remote src never as an image', () => {
    expect(renderNotes('![alt text](img/a.png)', 'markdown').html).toBe('<p>alt text</p>');
    expect(renderNotes('![x](/etc/a.png) ![y](//evil.example/a.png)', 'markdown').html).toBe(
      '<p><a href="/etc/a.png">x</a> <a href="//evil.example/a.png">y</a></p>',
    );
  });
});
