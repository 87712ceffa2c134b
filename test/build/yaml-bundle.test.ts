/**
 * The build bundles the YAML library into one module (`npm run build`, see
 * src/config/yaml-library.cjs). It must read every document exactly as the package does: the
 * values, the errors and where they are.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Yaml = typeof import('yaml');

const require = createRequire(import.meta.url);
const bundleFile = new URL('../../dist/src/config/yaml-library.cjs', import.meta.url).pathname;

/** What a document reads as: its value, and each error's code, message and position. */
function reading(yaml: Yaml, text: string) {
  const doc = yaml.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  return { value: doc.errors.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined, errors: doc.errors.map((e) => [e.code, e.message, e.linePos]) };
}

describe('the bundled YAML library', () => {
  it('is built (npm run build), as one file saying what it holds and under which licence', () => {
    expect(existsSync(bundleFile), `${bundleFile} is missing: run npm run build`).toBe(true);
    const text = readFileSync(bundleFile, 'utf8');
    expect(text).not.toMatch(/require\(["']yaml/);
    expect(text.slice(0, 300)).toMatch(/yaml \d+\.\d+\.\d+ \(ISC; see node_modules\/yaml\/LICENSE\)/);
  });

  it('reads the bundled plan and configuration, and broken documents, exactly as the package does', () => {
    const bundled = require(bundleFile) as Yaml;
    const yaml = require('../../src/config/yaml-library.cjs') as Yaml;
    expect(bundled.parseDocument).not.toBe(yaml.parseDocument);
    const documents = [
      readFileSync(new URL('../../data/plan.yaml', import.meta.url), 'utf8'),
      readFileSync(new URL('../../data/oba.config.yaml', import.meta.url), 'utf8'),
      'a: 1\na: 2\n',
      'a: [1, 2\nb: 3\n',
      'base: &b { k: 1 }\nuse: *b\nlist:\n  - 2013/14\n  - 2015-03-31\n',
      '\t- tab\n',
    ];
    for (const text of documents) expect(reading(bundled, text)).toEqual(reading(yaml, text));
  });
});
