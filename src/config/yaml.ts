/**
 * YAML reading with limits: configuration and plan files are trusted, but a mistake in one
 * (or a hostile copy) must give a clear error, never a hang or a stack trace.
 */
import { LineCounter, parseDocument } from 'yaml';

export type YamlResult = { ok: true; value: unknown } | { ok: false; problems: string[] };

/** Largest number of alias expansions accepted: stops "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;

export function parseYaml(text: string, file: string): YamlResult {
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true, lineCounter });
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, problems: [`${file}: the YAML is nested too deeply to read; flatten it`] };
    throw error;
  }
  const problems = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    const where = pos ? `${file}:${pos.line}:${pos.col}` : file;
    if (/call stack/i.test(e.message)) return `${where}: the YAML is nested too deeply to read; flatten it`;
    return `${where}: ${e.message.split('\n')[0]}; fix the YAML syntax`;
  });
  if (problems.length > 0) return { ok: false, problems };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, problems: [`${file}: the YAML is nested too deeply to read; flatten it`] };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [`${file}: ${message}; remove the repeated aliases`] };
  }
}
