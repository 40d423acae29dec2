/** Plain-text notes: `.txt` files. */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { findTextHeadings } from './headings';
import { linkifyText, linksInText } from './links';
import type { NotesFormat } from './types';

export const plainText = {
  name: 'text',
  extensions: ['.txt'],
  findHeadings: findTextHeadings,
  // Plain text has no `[ref]` links to resolve.
  withLinkDefinitions: (body) => body,
  toHtmlTree: (body) => ({ tree: textToHast(body), links: linksInText(body) }),
} as const satisfies NotesFormat;

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
