/**
 * YAML reading with limits: configuration and plan files are trusted, but a mistake in one
 * (or a hostile copy) must give a clear error, never a hang or a stack trace. Every problem
 * carries its line and column, and a problem found later, by the reader of a value, can be
 * placed with `locate` from the path it names (`sources[2].columns.value`).
 */
import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';

type YamlLibrary = typeof import('yaml');
let library: YamlLibrary | undefined;
/**
 * The YAML library, loaded on first use: a run whose files are all in its memo never loads it.
 * Through `yaml-library.cjs`, bundled into one module at build.
 */
function yaml(): YamlLibrary {
  return (library ??= createRequire(import.meta.url)('./yaml-library.cjs') as YamlLibrary);
}

export interface YamlProblem {
  line?: number;
  column?: number;
  message: string;
}

export interface Position {
  line: number;
  column: number;
}

/** Where the setting a path names is: its value, or with `key`, its key (for an unknown key). */
export type Locate = (path: string, at?: 'key' | 'value') => Position | undefined;

export type YamlResult =
  | { ok: true; value: unknown; locate: Locate }
  | { ok: false; problems: string[]; located: YamlProblem[] };

/** Largest number of alias expansions accepted: stops "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;

/** Keys that would reach an object's prototype when the YAML becomes JavaScript objects. */
const REFUSED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The most YAML read from one file. Checking a map's keys for repeats takes time growing with the
 * square of their number, so a huge file would stall the run; a plan or configuration is a few
 * tens of KB.
 */
export const MAX_YAML_BYTES = 256 * 1024;

/**
 * Parsed YAML kept by its text, so an unchanged file read by the next run is not parsed again
 * (parsing the plan and configuration is most of what a run with nothing to do costs). Only
 * text that parsed without a problem is kept, as the value it gave.
 */
export interface YamlMemo {
  /** The value `text` parsed to, or undefined when it is not kept. */
  get(text: string): unknown;
  set(text: string, value: unknown): void;
}

export interface YamlOptions {
  /** Lines before the text in its file (front matter starts after its `---` line). */
  lineOffset?: number;
  /** The most text read (default `MAX_YAML_BYTES`). */
  maxBytes?: number;
  memo?: YamlMemo;
}

/** Whether a value is made only of what JSON holds exactly (so a memo can keep it as JSON). */
export function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > 100) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every((v) => isJsonValue(v, depth + 1));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value as object).every((v) => isJsonValue(v, depth + 1));
  }
  return false;
}

export function parseYaml(text: string, file: string, options: YamlOptions = {}): YamlResult {
  const offset = options.lineOffset ?? 0;
  const maxBytes = options.maxBytes ?? MAX_YAML_BYTES;
  if (text.length > maxBytes) {
    const message = `the YAML is ${Math.ceil(text.length / 1024)} KB, more than oba reads (${Math.round(maxBytes / 1024)} KB); split it or remove what is not needed`;
    return { ok: false, located: [{ message }], problems: [`${file}: ${message}`] };
  }
  const { memo, ...unmemoised } = options;
  if (memo) {
    const known = memo.get(text);
    if (known !== undefined) {
      // Where a setting is matters only when a later check finds a problem with it: the text is
      // parsed then, once.
      let parsed: YamlResult | undefined;
      const locate: Locate = (path, where) => {
        parsed ??= parseYaml(text, file, unmemoised);
        return parsed.ok ? parsed.locate(path, where) : undefined;
      };
      return { ok: true, value: known, locate };
    }
  }
  const { isScalar, LineCounter, parseDocument, visit } = yaml();
  const lineCounter = new LineCounter();
  const at = (pos: number): Position | undefined => {
    const p = lineCounter.linePos(pos);
    return p ? { line: p.line + offset, column: p.col } : undefined;
  };
  const fail = (located: YamlProblem[]): YamlResult => ({
    ok: false,
    located,
    problems: located.map((p) => `${p.line !== undefined ? `${file}:${p.line}:${p.column}` : file}: ${p.message}`),
  });
  const tooDeep = 'the YAML is nested too deeply to read; flatten it';
  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true, lineCounter });
  } catch (error) {
    if (error instanceof RangeError) return fail([{ message: tooDeep }]);
    throw error;
  }
  const syntax = doc.errors.map((e): YamlProblem => {
    // The library's own "at line 2, column 8:" counts from the text it was given, not the file.
    const text = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const message = /call stack/i.test(e.message) ? tooDeep : `${text}; fix the YAML syntax`;
    return { ...at(e.pos[0]), message };
  });
  if (syntax.length > 0) return fail(syntax);
  const refused: YamlProblem[] = [];
  try {
    visit(doc, {
      Pair(_, pair) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && REFUSED_KEYS.has(key)) {
          const range = (pair.key as Node).range;
          refused.push({
            ...(range ? at(range[0]) : {}),
            message: `a key named "${key}" is refused: in JavaScript it would reach every object's prototype, not set a value; rename or remove it`,
          });
        }
      },
    });
  } catch (error) {
    if (error instanceof RangeError) return fail([{ message: tooDeep }]);
    throw error;
  }
  if (refused.length > 0) return fail(refused);
  try {
    const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    if (memo && isJsonValue(value)) memo.set(text, value);
    return { ok: true, value, locate: (path, where) => locatePath(doc, path, at, where) };
  } catch (error) {
    if (error instanceof RangeError) return fail([{ message: tooDeep }]);
    const message = error instanceof Error ? error.message : String(error);
    return fail([{ message: `${message}; remove the repeated aliases` }]);
  }
}

/** `sources[2].columns.value` → ['sources', 2, 'columns', 'value']. */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const i of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]));
  }
  return out;
}

/**
 * Where the node a path names starts; for a path that goes further than the file (a missing
 * key), where its deepest existing part starts. A first segment the root lacks (`plan.title`
 * in a plan file) is skipped.
 */
function locatePath(doc: Document, path: string, at: (pos: number) => Position | undefined, where: 'key' | 'value' = 'value'): Position | undefined {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = doc.contents;
  let found: Node | undefined = node as Node | undefined;
  pathSegments(path).forEach((segment, i) => {
    if (node === undefined) return;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) {
        if (i > 0) node = undefined;
        return;
      }
      found = where === 'key' || !pair.value ? (pair.key as Node) : (pair.value as Node);
      node = pair.value ?? undefined;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) {
        node = undefined;
        return;
      }
      found = item;
      node = item;
    } else node = undefined;
  });
  const range = found?.range;
  return range ? at(range[0]) : undefined;
}

/** A problem message that starts with the path it is about (`areas[3].type: …`), placed in the file. */
export function locateProblem(message: string, locate: Locate | undefined): YamlProblem {
  const m = /^([^\s:]+): (.*)$/s.exec(message);
  if (!m || !locate) return { message };
  let path = m[1]!;
  const unknown = /^unknown (?:setting|field)(?: "([^"]+)")?/.exec(m[2]!);
  if (unknown?.[1] !== undefined) path = `${path}.${unknown[1]}`;
  const position = locate(path, unknown ? 'key' : 'value');
  // The position says where; the path's last field says which.
  const field = m[1]!.replace(/^.*\]\.?/, '');
  return { ...position, message: field ? `${field}: ${m[2]}` : m[2]! };
}
