/**
 * Notes → sanitized HTML and plain text. Notes are untrusted: raw HTML in them is shown as text,
 * never parsed, and the result still goes through an allow-list sanitizer (defence in depth).
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Heading, Parent, PhrasingContent, Root as MdastRoot, RootContent } from 'mdast';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Link } from '../../shared/bundle';
import {
  isSafeUrl,
  linkifyText,
  linksInText,
  linksInTree,
  parseNotesMarkdown,
  walk,
} from './links';

export interface RenderedNotes {
  /** Sanitized HTML fragment. */
  html: string;
  /** Plain text: blocks on their own lines, no markup, entities decoded. */
  text: string;
  /** The links in the notes, as `extractLinks` lists them. */
  links: Link[];
}

/** Headings inside a talk's notes start here, so they never outrank the page's own h1 and h2. */
const TOP_NOTE_HEADING = 3;

const EXTERNAL_REL = ['noopener', 'noreferrer', 'nofollow'];

/**
 * The only HTML that may reach a page. No element that runs code, loads another page or restyles
 * the site; no `style`, no event handlers, no free `class` (Tailwind utilities like `fixed inset-0`
 * are a restyle) and no free `id` (DOM clobbering). `img` is absent: images render as links.
 * Links: http, https and mailto, or relative. The ids and data attributes GFM footnotes need are
 * allowed only in the exact shapes remark-rehype makes.
 */
export const notesSanitizeSchema: SanitizeSchema = {
  tagNames: [
    'a',
    'blockquote',
    'br',
    'code',
    'del',
    'em',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'input',
    'li',
    'ol',
    'p',
    'pre',
    'section',
    'strong',
    'sup',
    'table',
    'tbody',
    'td',
    'th',
    'thead',
    'tr',
    'ul',
  ],
  attributes: {
    a: [
      'href',
      'title',
      ['id', /^user-content-fnref-[\w-]+$/],
      'dataFootnoteRef',
      'dataFootnoteBackref',
    ],
    code: [['className', /^language-[\w+#.-]+$/]],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    li: [
      ['id', /^user-content-fn-[\w-]+$/],
      ['className', 'task-list-item'],
    ],
    ol: ['start', ['className', 'contains-task-list']],
    ul: [['className', 'contains-task-list']],
    section: ['dataFootnotes'],
    td: [['align', 'left', 'center', 'right']],
    th: [['align', 'left', 'center', 'right']],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  protocols: { href: ['http', 'https', 'mailto'] },
  ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tr: ['table'] },
  // Ids are allowed only in remark-rehype's own prefixed shapes above; never re-prefix them.
  clobber: [],
  clobberPrefix: '',
  strip: [
    'script',
    'style',
    'template',
    'textarea',
    'title',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
  ],
  allowComments: false,
  allowDoctypes: false,
};

/** Renders a section's notes. Pure: the same input always gives the same output. */
export function renderNotes(body: string, format: 'markdown' | 'text'): RenderedNotes {
  let tree: HastRoot;
  let links: Link[];
  if (format === 'markdown') {
    // Parsed once for both the links and the HTML: markdown parsing is most of a build's time.
    const mdast = parseNotesMarkdown(body);
    links = linksInTree(mdast);
    tree = markdownToHast(mdast);
  } else {
    links = linksInText(body);
    tree = textToHast(body);
  }
  const safe = finishHtml.runSync(tree);
  return { html: finishHtml.stringify(safe), text: toPlainText(safe), links };
}

const finishHtml = unified()
  .use(rehypeDropUnsafeUrls)
  .use(rehypeSanitize, notesSanitizeSchema)
  .use(rehypeExternalLinkRel)
  .use(rehypeStringify)
  .freeze();

const markdownToRehype = unified().use(remarkRehype, { footnoteLabelTagName: 'h3' }).freeze();

function markdownToHast(mdast: MdastRoot): HastRoot {
  showSoftBreaks(mdast);
  shiftHeadings(mdast);
  return markdownToRehype.runSync(mdast);
}

/** Notes are written a thought per line: a line break inside a paragraph is meant as one. */
function showSoftBreaks(tree: MdastRoot): void {
  walk(tree, (node) => {
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
  walk(tree, (node) => {
    if (node.type === 'heading') headings.push(node);
  });
  const shallowest = Math.min(...headings.map((heading) => heading.depth));
  for (const heading of headings) {
    heading.depth = Math.min(6, heading.depth - shallowest + TOP_NOTE_HEADING) as Heading['depth'];
  }
}

/** Defence in depth beside the sanitizer: it also catches schemes hidden by whitespace or controls. */
function rehypeDropUnsafeUrls() {
  return (tree: HastRoot) => {
    visitElements(tree, (element) => {
      for (const key of ['href', 'src', 'cite', 'action', 'formAction', 'poster', 'xLinkHref']) {
        const value = element.properties[key];
        if (value !== undefined && !isSafeUrl(String(value))) delete element.properties[key];
      }
    });
  };
}

/** External links get `rel`; a class the sanitizer emptied is dropped rather than left as `class=""`. */
function rehypeExternalLinkRel() {
  return (tree: HastRoot) => {
    visitElements(tree, (element) => {
      const className = element.properties.className;
      if (Array.isArray(className) && className.length === 0) delete element.properties.className;
      const href = element.properties.href;
      if (element.tagName === 'a' && typeof href === 'string' && /^https?:\/\//i.test(href)) {
        element.properties.rel = [...EXTERNAL_REL];
      }
    });
  };
}

function visitElements(node: HastRoot | HastContent, visit: (element: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) visitElements(child, visit);
}

// --- Plain-text notes (.txt) --------------------------------------------------------------------

/** A bullet as people type them in text files: `•` (space optional), or `*`, `-`, `+` and a space. */
const BULLET = /^(?<indent>[ \t]*)(?:•[ \t]*|[*+-][ \t]+)(?<text>\S.*)$/;

interface OpenList {
  indent: number;
  list: Element;
}

/**
 * A .txt file is not markdown: blank lines separate paragraphs, lines keep their breaks, bullet
 * lines become (nested) lists by indentation, and nothing else is markup.
 */
export function textToHast(body: string): HastRoot {
  const root: HastRoot = { type: 'root', children: [] };
  let lists: OpenList[] = [];
  let paragraph: Element | undefined;
  let inItem = false;
  for (const rawLine of body.split('\n')) {
    const line = rawLine.replace(/\s+$/, '');
    const bullet = BULLET.exec(line);
    if (!line) {
      paragraph = undefined;
      inItem = false;
    } else if (bullet) {
      paragraph = undefined;
      inItem = true;
      lists = addListItem(
        root,
        lists,
        measureIndent(bullet.groups?.indent ?? ''),
        bullet.groups?.text ?? '',
      );
    } else if (inItem && measureIndent(line) > 0) {
      // An indented line right after a bullet wraps that bullet's text.
      continueListItem(lists, line.trim());
    } else {
      lists = [];
      inItem = false;
      paragraph = addParagraphLine(root, paragraph, line.trim());
    }
  }
  return root;
}

function measureIndent(whitespace: string): number {
  return (/^[ \t]*/.exec(whitespace)?.[0] ?? '').replace(/\t/g, '    ').length;
}

function addListItem(root: HastRoot, lists: OpenList[], indent: number, text: string): OpenList[] {
  const open = [...lists];
  while (open.length > 0 && (open.at(-1)?.indent ?? 0) > indent) open.pop();
  const item = element('li', linkifiedLine(text));
  const top = open.at(-1);
  if (top && top.indent === indent) {
    top.list.children.push(item);
    return open;
  }
  const list = element('ul', [item]);
  const parentItem = top?.list.children.at(-1);
  if (parentItem?.type === 'element') parentItem.children.push(list);
  else root.children.push(list);
  return [...open, { indent, list }];
}

function continueListItem(lists: OpenList[], text: string): void {
  const item = lists.at(-1)?.list.children.at(-1);
  if (item?.type === 'element') item.children.push(element('br', []), ...linkifiedLine(text));
}

function addParagraphLine(root: HastRoot, paragraph: Element | undefined, text: string): Element {
  if (paragraph) {
    paragraph.children.push(element('br', []), ...linkifiedLine(text));
    return paragraph;
  }
  const created = element('p', linkifiedLine(text));
  root.children.push(created);
  return created;
}

function linkifiedLine(text: string): ElementContent[] {
  return linkifyText(text).map((piece) =>
    piece.kind === 'text'
      ? { type: 'text', value: piece.value }
      : element('a', [{ type: 'text', value: piece.value }], { href: piece.url }),
  );
}

function element(
  tagName: string,
  children: ElementContent[],
  properties: Element['properties'] = {},
): Element {
  return { type: 'element', tagName, properties, children };
}

// --- Plain text out -----------------------------------------------------------------------------

/** Elements whose whitespace-only text is source formatting, not content. */
const CONTAINER_TAGS = new Set([
  'ul',
  'ol',
  'table',
  'thead',
  'tbody',
  'tr',
  'section',
  'blockquote',
]);

const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'table',
  'thead',
  'tbody',
  'tr',
  'hr',
  'section',
  'div',
]);

/** Text for search and excerpts: one line per block or line break, no markup. */
export function toPlainText(tree: HastRoot): string {
  const parts: string[] = [];
  collectText(tree, parts);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .filter((line) => line.trim() !== '')
    .join('\n');
}

function collectText(node: HastRoot | HastContent, parts: string[], container = true): void {
  if (node.type === 'text' && !(container && node.value.trim() === '')) parts.push(node.value);
  if (node.type !== 'element' && node.type !== 'root') return;
  if (node.type === 'element' && node.tagName === 'br') parts.push('\n');
  const isBlock = node.type === 'element' && BLOCK_TAGS.has(node.tagName);
  const isContainer = node.type === 'root' || CONTAINER_TAGS.has(node.tagName);
  if (isBlock) parts.push('\n');
  node.children.forEach((child, index) => {
    const isCell = child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th');
    if (isCell && index > 0 && parts.at(-1) !== '\n') parts.push(' ');
    collectText(child, parts, isContainer);
  });
  if (isBlock) parts.push('\n');
}
