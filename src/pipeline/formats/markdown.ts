/** Markdown notes (CommonMark and GFM): `.md` and `.markdown` files. */
import type { Root as HastRoot } from 'hast';
import type { Heading, Parent, PhrasingContent, Root as MdastRoot, RootContent } from 'mdast';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { findMarkdownHeadings } from './headings';
import { definitionsUsedIn, linksInTree, parseBoundedMarkdown, unsafeUrlsInTree } from './links';
import type { NotesFormat } from './types';

/** Headings inside a talk's notes start here, so they never outrank the page's own h1 and h2. */
const TOP_NOTE_HEADING = 3;

export const markdown = {
  name: 'markdown',
  extensions: ['.md', '.markdown'],
  findHeadings: findMarkdownHeadings,
  // `[Title][ref]` resolves in any section against the definitions anywhere in the file.
  withLinkDefinitions(body, definitions) {
    const used = definitionsUsedIn(body, definitions);
    return used.length === 0 ? body : `${body}\n\n${used.join('\n')}`;
  },
  toHtmlTree(body) {
    // A talk with no notes (a schedule's heading) needs no parser: most of a build's time.
    if (body.trim() === '') return { tree: { type: 'root', children: [] }, links: [] };
    // Parsed once for both the links and the HTML: markdown parsing is most of a build's time.
    const { tree: mdast, limited } = parseBoundedMarkdown(body);
    const links = linksInTree(mdast);
    const unsafeUrls = unsafeUrlsInTree(mdast);
    return { tree: markdownToHast(mdast), links, unsafeUrls, limited };
  },
} as const satisfies NotesFormat;

const markdownToRehype = unified().use(remarkRehype, { footnoteLabelTagName: 'h3' }).freeze();

function markdownToHast(mdast: MdastRoot): HastRoot {
  showSoftBreaks(mdast);
  shiftHeadings(mdast);
  return markdownToRehype.runSync(mdast);
}

/** Notes are written a thought per line: a line break inside a paragraph is meant as one. */
function showSoftBreaks(tree: MdastRoot): void {
  visit(tree, (node) => {
    if ('children' in node) {
      const parent = node as Parent;
      parent.children = parent.children.flatMap<RootContent>(splitAtLineEnds);
    }
  });
}

function splitAtLineEnds(node: RootContent): RootContent[] {
  if (node.type !== 'text' || !node.value.includes('\n')) return [node];
  const pieces: PhrasingContent[] = [];
  node.value.split(/[ \t]*\n[ \t]*/).forEach((line, index) => {
    if (index > 0) pieces.push({ type: 'break' });
    if (line) pieces.push({ type: 'text', value: line });
  });
  return pieces;
}

/** The shallowest heading in the notes becomes h3; the others keep their distance from it (h6 at most). */
function shiftHeadings(tree: MdastRoot): void {
  const headings: Heading[] = [];
  visit(tree, 'heading', (heading) => {
    headings.push(heading);
  });
  const shallowest = Math.min(...headings.map((heading) => heading.depth));
  for (const heading of headings) {
    heading.depth = Math.min(6, heading.depth - shallowest + TOP_NOTE_HEADING) as Heading['depth'];
  }
}
