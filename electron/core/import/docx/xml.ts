/**
 * A small, strict XML reader for the parts of a .docx: elements, attributes, text, CDATA; comments and
 * processing instructions skipped. No DTD: a part declaring one was refused when the archive opened
 * (import/docx/zip.ts: entity-expansion and external-entity tricks), and only the five predefined entities and character
 * references are decoded. Element names keep their prefix; the WordprocessingML prefix, whatever a file
 * calls it, is renamed `w:` so readers can match `w:p`, `w:tbl`, … (Strict OOXML uses another namespace).
 */

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text directly inside the element (concatenated); whitespace-only text between elements is dropped. */
  text: string;
}

const WORD_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
/** Deeper than any Word document nests; deeper input would only be an attack on the readers' recursion. */
const MAX_DEPTH = 256;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export class XmlError extends Error {}

function unescape(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z][\w.-]*);|&/g, (m, e: string | undefined) => {
    if (e === undefined) throw new XmlError('a bare "&"');
    if (e.startsWith('#')) {
      const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) throw new XmlError(`bad character reference ${m}`);
      return String.fromCodePoint(code);
    }
    const v = PREDEFINED[e];
    if (v === undefined) throw new XmlError(`undeclared entity ${m}`);
    return v;
  });
}

// One token at a time, anchored (sticky): a tag, a comment, a PI, CDATA, a declaration, text, or a stray "<".
const TOKEN =
  /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|(<!)|([^<]+)|(<)/y;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses a whole part into a tree under a `#root` node; throws XmlError when it is not well-formed. */
export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  let wordPrefix: string | null = null;
  const rename = (name: string): string => {
    if (wordPrefix === null || wordPrefix === 'w') return name;
    const colon = name.indexOf(':');
    if (colon < 0) return wordPrefix === '' ? `w:${name}` : name;
    return name.slice(0, colon) === wordPrefix ? `w:${name.slice(colon + 1)}` : name;
  };
  let pos = 0;
  while (pos < xml.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(xml);
    if (!m) throw new XmlError(`unreadable text at ${pos}`);
    pos = TOKEN.lastIndex;
    const [, closing, rawName, attrText, selfClosing, cdata, declaration, text, stray] = m;
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      if (top.name.endsWith(':t') || top.name === 't' || /\S/.test(text)) top.text += unescape(text);
      continue;
    }
    if (cdata !== undefined) {
      top.text += cdata;
      continue;
    }
    if (declaration !== undefined) throw new XmlError('a declaration (<!…>) outside CDATA');
    if (stray !== undefined) throw new XmlError(`a stray "<" at ${pos - 1}`);
    if (rawName === undefined) continue; // comment or processing instruction
    if (closing) {
      if (top.name !== rename(rawName)) throw new XmlError(`</${rawName}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    if (attrText) {
      ATTR.lastIndex = 0;
      let a: RegExpExecArray | null;
      while ((a = ATTR.exec(attrText))) attrs[a[1]] = unescape(a[2] ?? a[3] ?? '');
    }
    if (stack.length === 1 && wordPrefix === null) {
      // The root element declares the namespaces: find what this file calls WordprocessingML.
      for (const [k, v] of Object.entries(attrs)) {
        if (WORD_NAMESPACES.has(v) && (k === 'xmlns' || k.startsWith('xmlns:'))) wordPrefix = k === 'xmlns' ? '' : k.slice(6);
      }
      if (wordPrefix === null) wordPrefix = 'w';
    }
    if (wordPrefix !== 'w') {
      // Attributes too: `ns0:val` → `w:val` (unprefixed attributes belong to no namespace and stay as they are).
      for (const k of Object.keys(attrs)) {
        if (k.includes(':') && !k.startsWith('xmlns')) {
          const renamed = rename(k);
          if (renamed !== k) {
            attrs[renamed] = attrs[k];
            delete attrs[k];
          }
        }
      }
    }
    const node: XmlNode = { name: rename(rawName), attrs, children: [], text: '' };
    top.children.push(node);
    if (!selfClosing) {
      stack.push(node);
      if (stack.length > MAX_DEPTH) throw new XmlError(`nested deeper than ${MAX_DEPTH} levels`);
    }
  }
  if (stack.length !== 1) throw new XmlError(`<${stack[stack.length - 1].name}> is not closed`);
  if (root.children.length === 0) throw new XmlError('no root element');
  return root;
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (!node) return undefined;
  for (const c of node.children) if (c.name === name) return c;
  return undefined;
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** `w:val` and friends; a WordprocessingML attribute may be written with or without its prefix. */
export function attr(node: XmlNode | undefined, name: string): string | undefined {
  if (!node) return undefined;
  return node.attrs[name] ?? node.attrs[name.replace(/^w:/, '')];
}
