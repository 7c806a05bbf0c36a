// The little XML the object stores speak (ListAllMyBucketsResult, ListPartsResult, Error...): elements,
// text and entities, no attributes kept, no namespaces resolved. Read into a tree; written from a tree.

export interface XmlNode {
  readonly name: string;
  readonly children: XmlNode[];
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) {
      return String.fromCodePoint(parseInt(e.slice(2), 16));
    }
    if (e.startsWith('#')) {
      return String.fromCodePoint(parseInt(e.slice(1), 10));
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The root element, or undefined when the text is not XML with one. */
export function parseXml(xml: string): XmlNode | undefined {
  const root: XmlNode = { name: '', children: [], text: '' };
  const stack: XmlNode[] = [root];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][^>]*>/g;
  let last = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const top = stack[stack.length - 1];
    if (!top) {
      return undefined;
    }
    top.text += decode(xml.slice(last, m.index));
    last = tag.lastIndex;
    if (m[5] !== undefined) {
      top.text += m[5];
    } else if (m[2] === undefined) {
      continue; // declaration or comment
    } else if (m[1]) {
      if (top.name !== m[2] || stack.length < 2) {
        return undefined;
      }
      stack.pop();
    } else {
      const node: XmlNode = { name: m[2], children: [], text: '' };
      top.children.push(node);
      if (!m[4]) {
        stack.push(node);
      }
    }
  }
  return stack.length === 1 ? root.children[0] : undefined;
}

/** The first child of that name. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** Every child of that name. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** The trimmed text of a child (a path of names), or undefined when it is absent. */
export function textOf(node: XmlNode | undefined, ...path: string[]): string | undefined {
  let n = node;
  for (const name of path) {
    n = child(n, name);
  }
  return n?.text.trim();
}

export type XmlValue = string | number | boolean | undefined | XmlTree | ReadonlyArray<XmlTree>;
export interface XmlTree {
  readonly [name: string]: XmlValue;
}

/** `<name>…</name>` from a tree: an array repeats the element, undefined leaves it out. */
export function buildXml(name: string, value: XmlValue): string {
  if (value === undefined) {
    return '';
  }
  if (Array.isArray(value)) {
    return (value as ReadonlyArray<XmlTree>).map((v) => buildXml(name, v)).join('');
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value as XmlTree)
      .map(([k, v]) => buildXml(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function xmlDocument(name: string, value: XmlTree): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${buildXml(name, value)}`;
}
