/**
 * The thin I/O shell of the data layer: reads a file from disk and hands its bytes to the pure
 * core (`ingestCsv` for the native format, `ingestSource` for a mapped published file). Input
 * files are only ever read, never written.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plan } from '../plan/types.js';
import type { DataIssue } from './types.js';
import { ingestCsv, type IngestOptions, type IngestResult } from './ingest.js';
import { error } from './issues.js';
import { ingestSource, type SourceSpec } from './sources.js';

/** Reads a file's bytes, or returns the FILE_NOT_FOUND / FILE_NOT_READABLE issue. */
export async function readBytes(path: string, shownAs: string = path): Promise<{ bytes: Uint8Array } | { issue: DataIssue }> {
  try {
    return { bytes: await readFile(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { issue: error('FILE_NOT_FOUND', shownAs, 0, `the file does not exist (looked for ${resolve(path)}); check the file name and folder`) };
    }
    if (code === 'EISDIR') {
      return { issue: error('FILE_NOT_READABLE', shownAs, 0, `this is a folder, not a file; give the CSV file inside it`) };
    }
    return {
      issue: error('FILE_NOT_READABLE', shownAs, 0, `the file cannot be read (${code ?? (e as Error).message}); check that it exists and that you may read it`),
    };
  }
}

/** Reads a native-format CSV file (`measure,area,period,value,…`). */
export async function readDataFile(path: string, plan: Plan, options: IngestOptions = {}): Promise<IngestResult> {
  const r = await readBytes(path);
  if ('issue' in r) return { observations: [], issues: [r.issue] };
  return ingestCsv(r.bytes, path, plan, options);
}

/** Reads a published file through its source mapping (its `path` is already resolved against the configuration). */
export async function readSourceFile(spec: SourceSpec, plan: Plan, options: IngestOptions = {}): Promise<IngestResult> {
  const r = await readBytes(spec.path);
  if ('issue' in r) return { observations: [], issues: [r.issue] };
  return ingestSource(spec, r.bytes, spec.path, plan, options);
}

/** Reads one data input: a path is a native-format file, a `SourceSpec` a mapped published file. */
export async function readDataInput(input: string | SourceSpec, plan: Plan, options: IngestOptions = {}): Promise<IngestResult> {
  return typeof input === 'string' ? readDataFile(input, plan, options) : readSourceFile(input, plan, options);
}

/**
 * Reads several inputs one after another and concatenates what they give. Each file is checked
 * on its own (duplicates, conflicts and gaps within the file); run `checkSeries` over the result
 * to check across files, where two vintages of one figure show as CONFLICTING_ROW.
 */
export async function readDataInputs(inputs: readonly (string | SourceSpec)[], plan: Plan, options: IngestOptions = {}): Promise<IngestResult> {
  const out: IngestResult = { observations: [], issues: [] };
  for (const input of inputs) {
    const r = await readDataInput(input, plan, options);
    out.observations.push(...r.observations);
    out.issues.push(...r.issues);
  }
  return out;
}
