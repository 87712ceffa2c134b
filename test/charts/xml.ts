/**
 * A small strict XML 1.0 well-formedness checker and tree builder, for tests (no dependencies).
 *
 * Checks: one root element; balanced, properly nested tags; attribute syntax, quoting and
 * uniqueness; no raw `<` in attribute values; only the five predefined entities and numeric
 * character references (which must name allowed characters); no `]]>` in text; comments without
 * `--`; CDATA sections; processing instructions; no characters XML forbids. DOCTYPEs are refused
 * (SVG output has none). Throws an Error saying what is wrong and at which offset.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | { text: string } | { comment: string };

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/; // eslint-disable-line no-control-regex
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function allowedCodePoint(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Decode entity and character references in `raw`, refusing any that are malformed. */
function decode(raw: string, at: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (match, body: string, offset: number) => {
    if (!match.endsWith(';')) throw new Error(`XML: '&' not starting a reference at offset ${at + offset}`);
    if (body in ENTITIES) return ENTITIES[body]!;
    const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
    if (!numeric) throw new Error(`XML: unknown entity &${body}; at offset ${at + offset}`);
    const cp = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2]!, 10);
    if (!allowedCodePoint(cp)) throw new Error(`XML: character reference to a forbidden character at offset ${at + offset}`);
    return String.fromCodePoint(cp);
  });
}

/** Parse `source` as a well-formed XML document; return its root element. */
export function parseXml(source: string): XmlElement {
  const bad = FORBIDDEN.exec(source);
  if (bad) throw new Error(`XML: forbidden character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} at offset ${bad.index}`);
  let i = 0;
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];

  const fail = (message: string): never => {
    throw new Error(`XML: ${message} at offset ${i}`);
  };
  const append = (node: XmlNode) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else if ('text' in node && node.text.trim() !== '') fail('text outside the root element');
  };

  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) fail('unterminated comment');
      const body = source.slice(i + 4, end);
      if (body.includes('--') || body.endsWith('-')) fail("'--' inside a comment");
      append({ comment: body });
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) fail('CDATA outside the root element');
      const end = source.indexOf(']]>', i + 9);
      if (end < 0) fail('unterminated CDATA section');
      append({ text: source.slice(i + 9, end) });
      i = end + 3;
    } else if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i + 2);
      if (end < 0) fail('unterminated processing instruction');
      const target = NAME.exec(source.slice(i + 2));
      if (!target) fail('processing instruction without a target');
      if (target![0].toLowerCase() === 'xml' && i !== 0) fail('XML declaration not at the start');
      i = end + 2;
    } else if (source.startsWith('<!', i)) {
      fail('DOCTYPE or other declaration (not expected in SVG output)');
    } else if (source.startsWith('</', i)) {
      const m = NAME.exec(source.slice(i + 2));
      if (!m) fail('end tag without a name');
      const name = m![0];
      let j = i + 2 + name.length;
      while (/\s/.test(source[j] ?? '')) j++;
      if (source[j] !== '>') fail(`malformed end tag </${name}`);
      const open = stack.pop();
      if (!open) fail(`end tag </${name}> with no open element`);
      if (open!.name !== name) fail(`end tag </${name}> does not match <${open!.name}>`);
      i = j + 1;
    } else if (source[i] === '<') {
      const m = NAME.exec(source.slice(i + 1));
      if (!m) fail("'<' not starting a tag");
      const element: XmlElement = { name: m![0], attributes: {}, children: [] };
      let j = i + 1 + element.name.length;
      let selfClosing = false;
      for (;;) {
        const space = /^\s*/.exec(source.slice(j))![0];
        j += space.length;
        if (source[j] === '>') {
          j += 1;
          break;
        }
        if (source.startsWith('/>', j)) {
          selfClosing = true;
          j += 2;
          break;
        }
        if (space.length === 0) fail(`no space before an attribute in <${element.name}>`);
        const attr = NAME.exec(source.slice(j));
        if (!attr) {
          i = j;
          fail(`malformed attribute in <${element.name}>`);
        }
        const attrName = attr![0];
        j += attrName.length;
        const eq = /^\s*=\s*/.exec(source.slice(j));
        if (!eq) {
          i = j;
          fail(`attribute ${attrName} without a value`);
        }
        j += eq![0].length;
        const quote = source[j];
        if (quote !== '"' && quote !== "'") {
          i = j;
          fail(`attribute ${attrName} value not quoted`);
        }
        const end = source.indexOf(quote!, j + 1);
        if (end < 0) fail(`unterminated value of attribute ${attrName}`);
        const raw = source.slice(j + 1, end);
        if (raw.includes('<')) {
          i = j;
          fail(`'<' in the value of attribute ${attrName}`);
        }
        if (attrName in element.attributes) fail(`duplicate attribute ${attrName} in <${element.name}>`);
        element.attributes[attrName] = decode(raw, j + 1);
        j = end + 1;
      }
      if (stack.length === 0) {
        if (root) fail('a second root element');
        root = element;
      } else {
        append(element);
      }
      if (!selfClosing) stack.push(element);
      i = j;
    } else {
      const end = source.indexOf('<', i);
      const raw = source.slice(i, end < 0 ? source.length : end);
      if (raw.includes(']]>')) fail("']]>' in text");
      append({ text: decode(raw, i) });
      i = end < 0 ? source.length : end;
    }
  }
  if (stack.length > 0) throw new Error(`XML: unclosed element <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error('XML: no root element');
  return root;
}

/** Every element in the tree, depth first. */
export function* elements(root: XmlElement): Generator<XmlElement> {
  yield root;
  for (const child of root.children) if ('name' in child) yield* elements(child);
}

/** The element children of `element`. */
export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((c): c is XmlElement => 'name' in c);
}

/** The concatenated text inside `element`. */
export function textOf(element: XmlElement): string {
  return element.children.map((c) => ('text' in c ? c.text : 'name' in c ? textOf(c) : '')).join('');
}
