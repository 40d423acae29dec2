/**
 * Links in notes: one URL detector shared by `links[]` on a talk and by the rendered HTML, so a
 * reader never sees a link in the page that the bundle does not list (or the other way round).
 */
import { capTreeDepth, limitNesting, type LimitedLine } from './nesting';
import type { Link as MdLink, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Link } from '../../shared/bundle';

/** A URL found in plain text: where it sits, what was written, and the absolute URL it means. */
export interface UrlMatch {
  start: number;
  end: number;
  /** As written ("github.com/opensourcemalaria"). */
  text: string;
  /** Absolute ("https://github.com/opensourcemalaria"). */
  url: string;
}

/** Either literal text or a detected link: what `linkifyText` cuts a string into. */
export type TextPiece =
  { kind: 'text'; value: string } | { kind: 'link'; value: string; url: string };

/**
 * Top-level domains a scheme-less host may end in. An allow-list, not the IANA list: real notes are
 * full of `file.py`, `README.md`, `install.sh`, `current_app.name`, `main.rs`, and every one of
 * those endings is also a country or generic TLD. A host written with `www.` or a scheme needs none.
 */
const SCHEMELESS_TLDS = new Set([
  'com',
  'org',
  'net',
  'edu',
  'gov',
  'mil',
  'int',
  'io',
  'dev',
  'co',
  'me',
  'ai',
  'info',
  'biz',
  'tech',
  'xyz',
  'cloud',
  'page',
  'site',
  'blog',
  'online',
  'tv',
  'fm',
  'ly',
  'gg',
  'uk',
  'us',
  'ca',
  'au',
  'nz',
  'de',
  'fr',
  'eu',
  'nl',
  'be',
  'ch',
  'at',
  'se',
  'fi',
  'dk',
  'ie',
  'jp',
  'cn',
  'br',
  'ru',
  'cz',
  'mx',
  'za',
  'sg',
  'hk',
  'kr',
  'tw',
  'systems',
  'codes',
  'tools',
  'software',
  'rocks',
  'ninja',
  'news',
  'space',
  'works',
  'wiki',
  'science',
  'academy',
  'network',
  'zone',
  'social',
  'foundation',
  'community',
  'engineering',
  'solutions',
]);

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Candidates only; `acceptHost` decides. A scheme URL runs to whitespace or a character that
 * cannot be in a written URL; a scheme-less one must start with a host (letters, digits, hyphens,
 * dots), so `current_app.name` never starts a candidate at `app`.
 */
const CANDIDATE =
  /\b(?:(?<scheme>[Hh][Tt][Tt][Pp][Ss]?:\/\/)[^\s<>"`]+|(?<host>(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,63})(?<rest>(?::\d{1,5})?(?:[/?#][^\s<>"`]*)?))/g;

/** Characters that end a sentence around a URL rather than belong to it. */
const TRAILING_PUNCTUATION = /[.,:;!?'"*_~]$/;
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Every URL in a run of plain text, in order. */
export function findUrls(text: string): UrlMatch[] {
  const matches: UrlMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index;
    const before = start > 0 ? text[start - 1] : '';
    const written = trimTrailing(m[0]);
    const match = m.groups?.scheme
      ? acceptSchemeUrl(written)
      : acceptSchemelessUrl(written, m.groups?.host ?? '', before ?? '', text[start + m[0].length]);
    if (match)
      matches.push({ start, end: start + written.length, text: written, url: normalizeUrl(match) });
  }
  return matches;
}

/** Cuts text into literal pieces and link pieces, using `findUrls`. */
export function linkifyText(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of findUrls(text)) {
    if (match.start > at) pieces.push({ kind: 'text', value: text.slice(at, match.start) });
    pieces.push({ kind: 'link', value: match.text, url: match.url });
    at = match.end;
  }
  if (at < text.length) pieces.push({ kind: 'text', value: text.slice(at) });
  return pieces;
}

function trimTrailing(candidate: string): string {
  let url = candidate;
  for (;;) {
    const last = url.at(-1) ?? '';
    const opener = CLOSERS[last];
    if (TRAILING_PUNCTUATION.test(last)) url = url.slice(0, -1);
    else if (opener && count(url, opener) < count(url, last)) url = url.slice(0, -1);
    else return url;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function acceptSchemeUrl(written: string): string | undefined {
  const colon = written.indexOf(':');
  const afterSlashes = written.slice(colon + 3);
  // "http://" followed by nothing, or by a path only, names no host.
  if (!/^[^/?#\s]/.test(afterSlashes)) return undefined;
  return written.slice(0, colon).toLowerCase() + written.slice(colon);
}

function acceptSchemelessUrl(
  written: string,
  host: string,
  before: string,
  after: string | undefined,
): string | undefined {
  // Part of a path (/etc/foo.com), an e-mail address, a longer dotted name or a word.
  if (/[\w.@/:\\]/.test(before)) return undefined;
  // `ASP.NETcore`, `github.comx`: the TLD must end the host.
  if (after !== undefined && written.length === host.length && /\w/.test(after)) return undefined;
  if (!isPlausibleHost(host.replace(/\.$/, ''))) return undefined;
  return `https://${host.toLowerCase()}${written.slice(host.length)}`;
}

/** A host that notes mean as a web address: valid labels, and a TLD from the allow-list (or `www.`). */
export function isPlausibleHost(host: string): boolean {
  const labels = host.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label))) {
    return false;
  }
  const tld = labels.at(-1) ?? '';
  // Upper-case endings are names (ASP.NET, Node.JS), not hosts people type.
  if (tld !== tld.toLowerCase()) return false;
  if (labels[0]?.toLowerCase() === 'www' && labels.length >= 3) return /^[a-z]{2,63}$/.test(tld);
  return SCHEMELESS_TLDS.has(tld);
}

/** The URL a written link target means: scheme-less hosts get https://, everything else is kept. */
export function toAbsoluteUrl(target: string): string {
  const trimmed = target.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || /^[/#?.]/.test(trimmed)) return normalizeUrl(trimmed);
  const [match] = findUrls(trimmed);
  return match && match.start === 0 && match.end === trimmed.length
    ? match.url
    : normalizeUrl(trimmed);
}

/**
 * Percent-encodes what a URL may not hold as written, exactly as remark-rehype does for `href`
 * (micromark's `normalizeUri`), so that `links[]` and the page's hrefs are the same strings.
 * Idempotent: valid `%XX` sequences are kept.
 */
export function normalizeUrl(url: string): string {
  let result = '';
  for (let index = 0; index < url.length; index++) {
    const char = url.charAt(index);
    const code = url.charCodeAt(index);
    if (char === '%' && /^[\dA-Za-z]{2}$/.test(url.slice(index + 1, index + 3))) {
      result += url.slice(index, index + 3);
      index += 2;
    } else if (code < 128) {
      result += /[!#$&-;=?-Z_a-z~]/.test(char) ? char : encodeURIComponent(char);
    } else if (code >= 0xd800 && code < 0xe000) {
      const pair = url.slice(index, index + 2);
      const isPair = isSurrogatePair(pair);
      result += encodeURIComponent(isPair ? pair : '\ufffd');
      if (isPair) index++;
    } else {
      result += encodeURIComponent(char);
    }
  }
  return result;
}

function isSurrogatePair(pair: string): boolean {
  const high = pair.charCodeAt(0);
  const low = pair.charCodeAt(1);
  return high >= 0xd800 && high < 0xdc00 && low >= 0xdc00 && low < 0xe000;
}

/**
 * The scheme of a URL as a browser would read it: browsers drop ASCII whitespace and control
 * characters inside it (`java\tscript:`), and some decode entities before they parse. `undefined`
 * for a relative URL.
 */
export function urlScheme(url: string): string | undefined {
  const decoded = url
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) =>
      String.fromCodePoint(parseInt(hex, 16) % 0x110000),
    )
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec) % 0x110000))
    .replace(/&colon;?/gi, ':')
    .replace(/&tab;?|&newline;?/gi, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(decoded);
  if (match) return match[1]?.toLowerCase();
  // A colon before any / ? # still makes browsers see a scheme-like prefix; treat it as one.
  const colon = decoded.indexOf(':');
  const firstDelimiter = decoded.search(/[/?#]/);
  if (colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter))
    return decoded.slice(0, colon).toLowerCase();
  return undefined;
}

/** True for relative URLs and http, https and mailto ones: what a link in notes may point at. */
export function isSafeUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || SAFE_SCHEMES.has(scheme);
}

/**
 * True for a path relative to the notes (`img/slide.png`, `../shared/a.png`): no scheme, and not
 * rooted at the site (`/x`), another host (`//x`) or the page itself (`#x`, `?x`).
 */
export function isLocalPath(url: string): boolean {
  const trimmed = url.trim();
  return trimmed !== '' && urlScheme(trimmed) === undefined && !/^[/\\#?]/.test(trimmed);
}

/** True for absolute http, https and mailto URLs: what may be listed in a talk's `links[]`. */
export function isListableUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return (
    scheme !== undefined &&
    SAFE_SCHEMES.has(scheme) &&
    (scheme === 'mailto' || /^https?:\/\/[^/?#\s]/i.test(url))
  );
}

/**
 * Remark plugin: the notes' link rules on a markdown tree, shared by rendering and the links list.
 * Raw HTML becomes literal text (notes are untrusted, and `docker top <container name>` is prose);
 * remote images become links (a request to another origin, which the CSP forbids), and images
 * of a file beside the notes (`img/slide-3.jpg`) stay images, for `render.ts` to place;
 * GFM's own literal autolinks are undone so that `findUrls` alone decides what a bare URL is;
 * scheme-less link targets (`[x](github.com/y)`) get https://.
 */
export function remarkLinks() {
  return (tree: Root, file: { value?: unknown }) => {
    const source = typeof file.value === 'string' ? file.value : '';
    rewriteChildren(tree, source, false);
  };
}

function rewriteChildren(parent: Parent, source: string, insideLink: boolean): void {
  const rewritten: RootContent[] = [];
  for (const child of parent.children) {
    for (const node of rewriteNode(child, parent, source, insideLink))
      appendMerged(rewritten, node);
  }
  parent.children = insideLink || !hasText(rewritten) ? rewritten : rewritten.flatMap(linkifyNode);
}

function rewriteNode(
  node: RootContent,
  parent: Parent,
  source: string,
  insideLink: boolean,
): RootContent[] {
  switch (node.type) {
    case 'html':
      return [
        isFlowParent(parent)
          ? { type: 'paragraph', children: [literal(node.value)] }
          : literal(node.value),
      ];
    case 'image':
      if (isLocalPath(toAbsoluteUrl(node.url))) return [node];
      return [
        {
          type: 'link',
          url: toAbsoluteUrl(node.url),
          title: node.title,
          children: [literal(node.alt || node.url)],
        },
      ];
    case 'imageReference':
      return [
        {
          type: 'linkReference',
          identifier: node.identifier,
          label: node.label,
          referenceType: node.referenceType,
          children: [literal(node.alt ?? node.label ?? '')],
        },
      ];
    case 'link':
      if (isLiteralAutolink(node, source))
        return rewriteLiteralAutolink(node, parent, source, insideLink);
      node.url = toAbsoluteUrl(node.url);
      rewriteChildren(node, source, true);
      return [node];
    case 'linkReference':
      rewriteChildren(node, source, true);
      return [node];
    case 'definition':
      node.url = toAbsoluteUrl(node.url);
      return [node];
    default:
      if ('children' in node) rewriteChildren(node, source, insideLink);
      return [node];
  }
}

function rewriteLiteralAutolink(
  node: MdLink,
  parent: Parent,
  source: string,
  insideLink: boolean,
): RootContent[] {
  return node.children.flatMap((child) => rewriteNode(child, parent, source, insideLink));
}

/** GFM links bare URLs itself; an author's link starts with `[` or `<` in the source. */
function isLiteralAutolink(node: MdLink, source: string): boolean {
  const offset = node.position?.start.offset;
  if (offset === undefined) return true;
  const first = source[offset];
  return first !== '[' && first !== '<';
}

function isFlowParent(parent: Parent): boolean {
  return ['root', 'blockquote', 'listItem', 'footnoteDefinition'].includes(parent.type);
}

function literal(value: string): PhrasingContent & { type: 'text' } {
  return { type: 'text', value };
}

function appendMerged(nodes: RootContent[], node: RootContent): void {
  const last = nodes.at(-1);
  if (last?.type === 'text' && node.type === 'text') last.value += node.value;
  else nodes.push(node);
}

function hasText(nodes: RootContent[]): boolean {
  return nodes.some((node) => node.type === 'text');
}

function linkifyNode(node: RootContent): RootContent[] {
  if (node.type !== 'text') return [node];
  return linkifyText(node.value).map((piece) =>
    piece.kind === 'text'
      ? literal(piece.value)
      : { type: 'link', url: piece.url, title: null, children: [literal(piece.value)] },
  );
}

const markdownLinks = unified().use(remarkParse).use(remarkGfm).use(remarkLinks).freeze();

/**
 * Parses notes markdown and applies the link rules: the tree both the links list and rendering
 * use, with markdown past any real note's limits cut down (nesting.ts), and the lines of `body`
 * where that happened, for a warning.
 */
export function parseBoundedMarkdown(body: string): { tree: Root; limited: LimitedLine[] } {
  const bounded = limitNesting(body);
  const limited = [...bounded.limited];
  // A long note is parsed in parts (nesting.ts); each part gets the definitions it refers to.
  const definitions =
    bounded.documents.length > 1
      ? bounded.text.split('\n').filter((line) => DEFINITION_LINE.test(line))
      : [];
  const trees = bounded.documents.map(({ text, firstLine }) => {
    const used = definitionsUsedIn(text, definitions);
    const source = used.length === 0 ? text : `${text}\n\n${used.join('\n')}`;
    const parsed = markdownLinks.parse(source);
    for (const line of capTreeDepth(parsed)) {
      limited.push({ line: bounded.lineOf(firstLine + line - 1), limit: 'nesting' });
    }
    return markdownLinks.runSync(parsed, source) as Root;
  });
  const tree: Root =
    trees.length === 1 ? trees[0]! : { type: 'root', children: trees.flatMap((t) => t.children) };
  return { tree, limited };
}

/** A link reference or footnote definition line: `[label]: …`. */
const DEFINITION_LINE = /^ {0,3}\[[^\]]+\]:/;

/** A reference label as markdown compares them: case and runs of spaces do not count. */
const normalizeLabel = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** The first definition of each label in a list of definitions, made once per list. */
const definitionsByLabel = new WeakMap<readonly string[], Map<string, string>>();

/**
 * The definitions (`[label]: url` lines) that `text` can refer to (`[text][label]`, `[label]`,
 * `[^note]`): only those, so a note of many sections or parts and many definitions renders in
 * time linear in its size.
 */
export function definitionsUsedIn(text: string, definitions: readonly string[]): string[] {
  if (definitions.length === 0) return [];
  let byLabel = definitionsByLabel.get(definitions);
  if (!byLabel) {
    byLabel = new Map();
    for (const definition of definitions) {
      const label = normalizeLabel(/^\s*\[([^\]]*)\]/.exec(definition)?.[1] ?? '');
      // The first definition of a label is the one markdown uses.
      if (!byLabel.has(label)) byLabel.set(label, definition);
    }
    definitionsByLabel.set(definitions, byLabel);
  }
  const used = new Set<string>();
  for (const [, label] of text.matchAll(/\[([^[\]]+)\]/g)) {
    const definition = byLabel.get(normalizeLabel(label!));
    if (definition !== undefined) used.add(definition);
  }
  return [...used];
}

/**
 * The links in parsed markdown notes, in document order, one per URL (the first text wins). Only
 * absolute http, https and mailto URLs are listed: relative links and unsafe schemes are not.
 */
export function linksInTree(tree: Root): Link[] {
  return listable(collectMarkdownLinks(tree));
}

/** Link targets in a markdown tree that rendering drops (`javascript:`, `data:`…), in order. */
export function unsafeUrlsInTree(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, (node) => {
    if ((node.type === 'link' || node.type === 'definition') && !isSafeUrl(node.url))
      found.push(node.url);
  });
  return [...new Set(found)];
}

/** What a warning says about a URL that is left out. */
export const unsafeUrlMessage = (url: string, what: string): string =>
  `${what} "${url.length > 60 ? `${url.slice(0, 60)}…` : url}" left out: only http(s), mailto and relative URLs are kept`;

/** `linksInTree` for plain-text notes. */
export function linksInText(body: string): Link[] {
  return listable(collectTextLinks(body));
}

const listable = (found: Link[]): Link[] =>
  dedupeByUrl(found.filter((link) => isListableUrl(link.url)));

function collectTextLinks(body: string): Link[] {
  return findUrls(body).map((match) => ({ url: match.url, text: match.text }));
}

function collectMarkdownLinks(tree: Root): Link[] {
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  });
  const links: Link[] = [];
  visit(tree, (node) => {
    const url =
      node.type === 'link'
        ? node.url
        : node.type === 'linkReference'
          ? definitions.get(node.identifier)
          : undefined;
    if (url === undefined || (node.type !== 'link' && node.type !== 'linkReference')) return;
    links.push({ url, text: toString(node).trim() || url });
  });
  return links;
}

function dedupeByUrl(links: Link[]): Link[] {
  const seen = new Set<string>();
  return links.filter((link) => !seen.has(link.url) && seen.add(link.url));
}
