/**
 * The thin I/O shell of the data layer: streams a file from disk into the core (`ingestCsvStream`
 * for the native format, `ingestSourceStream` for a mapped published file), a chunk at a time,
 * so reading a large file holds the observations it gives, not the file. Input files are only
 * ever read, never written.
 */
import { createReadStream, statSync } from 'node:fs';
import { specialKind } from '../io/hash.js';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { Plan } from '../plan/types.js';
import type { DataIssue } from './types.js';
import { ingestCsvStream, type IngestOptions, type IngestResult } from './ingest.js';
import { error } from './issues.js';
import { ingestSourceStream, type SourceSpec } from './sources.js';

/**
 * Chunk size of file reads: 1 MB, so a large file passes through the stream and the parser in a
 * few chunks (with 64 KB chunks the per-chunk work cost about a tenth of the ingest), while what
 * is held at once stays bounded.
 */
const CHUNK_BYTES = 1024 * 1024;

/** The FILE_NOT_FOUND / FILE_NOT_READABLE issue for an error opening or reading a file. */
function fileIssue(e: unknown, path: string, shownAs: string): DataIssue {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return error('FILE_NOT_FOUND', shownAs, 0, `the file does not exist (looked for ${resolve(path)}); check the file name and folder`);
  }
  if (code === 'EISDIR') {
    return error('FILE_NOT_READABLE', shownAs, 0, `this is a folder, not a file; give the CSV file inside it`);
  }
  return error('FILE_NOT_READABLE', shownAs, 0, `the file cannot be read (${code ?? (e as Error).message}); check that it exists and that you may read it`);
}

/** An error from the file system (opening or reading), as opposed to a fault in the program. */
function isFileSystemError(e: unknown): boolean {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).syscall === 'string';
}

/**
 * Streams a file into `ingest`. A file that cannot be opened or read (missing, a folder, no
 * permission, an I/O error part-way) gives its FILE_NOT_FOUND / FILE_NOT_READABLE issue alone.
 */
async function ingestFile(path: string, ingest: (stream: Readable) => Promise<IngestResult>): Promise<IngestResult> {
  // A FIFO would hang the run and a device never end: only regular files are read.
  let special: string | undefined;
  try {
    special = specialKind(statSync(path));
  } catch (e) {
    return { observations: [], issues: [fileIssue(e, path, path)] };
  }
  if (special) return { observations: [], issues: [error('FILE_NOT_READABLE', path, 0, `this is ${special}, not a data file; give a CSV file`)] };
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    return await ingest(stream);
  } catch (e) {
    if (isFileSystemError(e)) return { observations: [], issues: [fileIssue(e, path, path)] };
    throw e;
  } finally {
    stream.destroy();
  }
}

/** Reads a file's bytes, or returns the FILE_NOT_FOUND / FILE_NOT_READABLE issue. */
export async function readBytes(path: string, shownAs: string = path): Promise<{ bytes: Uint8Array } | { issue: DataIssue }> {
  try {
    return { bytes: await readFile(path) };
  } catch (e) {
    return { issue: fileIssue(e, path, shownAs) };
  }
}

/** Reads a native-format CSV file (`measure,area,period,value,…`), streaming it. */
export async function readDataFile(path: string, plan: Plan, options: IngestOptions = {}): Promise<IngestResult> {
  return ingestFile(path, (stream) => ingestCsvStream(stream, path, plan, options));
}

/** Reads a published file through its source mapping (its `path` is already resolved against the configuration), streaming it. */
export async function readSourceFile(spec: SourceSpec, plan: Plan, options: IngestOptions = {}): Promise<IngestResult> {
  return ingestFile(spec.path, (stream) => ingestSourceStream(spec, stream, spec.path, plan, options));
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
    // One at a time: spreading a large file's observations into push() would overflow the stack.
    for (const o of r.observations) out.observations.push(o);
    for (const i of r.issues) out.issues.push(i);
  }
  return out;
}
