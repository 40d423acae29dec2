/**
 * Notes → sanitized HTML and plain text, whatever their format. Notes are untrusted: raw HTML in them is shown as text,
 * never parsed, and the result still goes through an allow-list sanitizer (defence in depth).
 */
import type { Root as HastRoot, RootContent as HastContent } from 'hast';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Link } from '../../shared/bundle';
import type { LimitedLine } from './nesting';
import type { NotesFormat } from './types';
import { formatNamed, type FormatName } from './index';
import { isSafeUrl } from './links';

export interface RenderedNotes {
  /** Sanitized HTML fragment. */
  html: string;
  /** Plain text: blocks on their own lines, no markup, entities decoded. */
  text: string;
  /**
   * The links in the notes, in document order, one per URL (the first text wins). Only absolute
   * http, https and mailto URLs are listed: relative links and unsafe schemes are not.
   */
  links: Link[];
  /** Link targets left out because of their scheme (`javascript:`), for a warning. */
  unsafeUrls: string[];
  /** Lines of the body cut down past a limit (nesting.ts), for warnings. */
  limited: LimitedLine[];
  /** The local images of the notes (`![slide](img/slide-3.jpg)`), in document order. */
  images: NoteImage[];
}

/** A local image in notes: where it was written and the file it names. */
export interface NoteImage {
  /** As written (`img/slide-3.jpg`). */
  src: string;
  /**
   * The file, relative to the notes folder (`lca-2018/img/slide-3.jpg`); null when the path leaves
   * the folder, and the image is shown as its alt text.
   */
  path: string | null;
  /** 1-based, in the body. */
  line: number;
}

/** Where a local image's file is, from its `src` as written; null for a path outside the notes. */
export type ImagePath = (src: string) => string | null;

const EXTERNAL_REL = ['noopener', 'noreferrer', 'nofollow'];
const LAZY_IMAGE = { loading: 'lazy', decoding: 'async' };
/** What an `img` of the rendered notes holds until `images.ts` places it: the file's path, encoded. */
const IMAGE_REF = /^[\w\-.~%/]+$/;

/**
 * The only HTML that may reach a page. No element that runs code, loads another page or restyles
 * the site; no `style`, no event handlers, no free `class` (Tailwind utilities like `fixed inset-0`
 * are a restyle) and no free `id` (DOM clobbering). An `img` shows only a file beside the notes, by the
 * reference `imageRef` makes (other images render as links, links.ts); `images.ts` then points it at
 * the published copy.
 * Links: http, https and mailto, or relative. The ids and data attributes GFM footnotes need are
 * allowed only in the exact shapes remark-rehype makes.
 */
export const notesSanitizeSchema: SanitizeSchema = {
  tagNames: [
    'a',
    'img',
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
    img: [['src', IMAGE_REF], 'alt'],
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

/**
 * Renders a section's notes in their format. Pure: the same input always gives the same output.
 * `imagePath` finds a local image's file; without it, local images show as their alt text.
 */
export function renderNotes(
  body: string,
  format: FormatName,
  imagePath: ImagePath = () => null,
): RenderedNotes {
  const notes: ReturnType<NotesFormat['toHtmlTree']> = formatNamed(format).toHtmlTree(body);
  const { tree, links, unsafeUrls = [], limited = [] } = notes;
  const images = placeLocalImages(tree, imagePath);
  const safe = finishHtml.runSync(tree);
  const html = finishHtml.stringify(safe);
  return { html, text: toPlainText(safe), links, unsafeUrls, limited, images };
}

/**
 * How rendered notes refer to a local image's file (`lca-2018/img/slide%203.jpg`): each segment
 * percent-encoded, so the reference is written into the HTML as is and found there again.
 */
export const imageRef = (path: string): string =>
  path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');

/** The `src` remark-rehype wrote (percent-encoded), as the path it names, without query or hash. */
function writtenPath(src: string): string {
  const path = src.replace(/[?#].*$/s, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Every `img` now names its file by `imageRef`, or is its alt text when `imagePath` finds none. */
function placeLocalImages(tree: HastRoot, imagePath: ImagePath): NoteImage[] {
  const images: NoteImage[] = [];
  visit(tree, 'element', (element, index, parent) => {
    if (element.tagName !== 'img' || !parent || index === undefined) return;
    const src = String(element.properties.src ?? '');
    const alt = String(element.properties.alt ?? '');
    const path = imagePath(writtenPath(src));
    images.push({ src: writtenPath(src), path, line: element.position?.start.line ?? 1 });
    if (path === null) {
      parent.children[index] = { type: 'text', value: alt || writtenPath(src) };
      return;
    }
    element.properties = { src: imageRef(path), alt };
  });
  return images;
}

/** The links `renderNotes` would list, without the HTML. */
export const extractLinks = (body: string, format: FormatName): Link[] =>
  formatNamed(format).toHtmlTree(body).links;

const finishHtml = unified()
  .use(rehypeDropUnsafeUrls)
  .use(rehypeSanitize, notesSanitizeSchema)
  .use(rehypeFinishAttributes)
  .use(rehypeStringify)
  .freeze();

/** Defence in depth beside the sanitizer: it also catches schemes hidden by whitespace or controls. */
function rehypeDropUnsafeUrls() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (element) => {
      for (const key of ['href', 'src', 'cite', 'action', 'formAction', 'poster', 'xLinkHref']) {
        const value = element.properties[key];
        if (value !== undefined && !isSafeUrl(String(value))) delete element.properties[key];
      }
    });
  };
}

/**
 * External links get `rel`; images load when scrolled to; a class the sanitizer emptied is dropped
 * rather than left as `class=""`.
 */
function rehypeFinishAttributes() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (element) => {
      const className = element.properties.className;
      if (Array.isArray(className) && className.length === 0) delete element.properties.className;
      const href = element.properties.href;
      if (element.tagName === 'a' && typeof href === 'string' && /^https?:\/\//i.test(href)) {
        element.properties.rel = [...EXTERNAL_REL];
      }
      if (element.tagName === 'img') Object.assign(element.properties, LAZY_IMAGE);
    });
  };
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
