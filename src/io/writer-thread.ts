/**
 * Writes files on a thread of their own, so that a build does not wait for the disk.
 *
 * Creating a file or a folder can block for most of a millisecond (measured 0.4–0.8 ms a file on
 * a virtual disk whose journal is busy, 0.05 ms on a quiet one): a pack of 1,000 files then costs
 * its build up to a second of the main thread, and a national run with the cache on (8,000 files,
 * 500 folders) seven seconds. Node's asynchronous `writeFile` did not help: each file takes three
 * trips through the event loop (open, write, close), and a build drawing charts runs as one long
 * chain of promises that gives it none, so the files waited and most were written in the
 * foreground after all. This thread writes each file in one call, making its folder when it is
 * missing, and needs nothing from the main thread but the message. Files are sent in batches:
 * waking the thread for each file cost the main thread about as much as writing it.
 */
import { Worker } from 'node:worker_threads';
import { contentParts, writeFileAtomic, writeFileMakingFolder, type FileContent } from './write-file.js';

/**
 * The thread's code: write each file of a batch, and say which failed. CommonJS, run from source.
 * A file's content comes in parts, written one after another (a cache entry's header, then the
 * chart). An `atomic` file is written beside its name and renamed into place, so a reader never
 * finds it half-written; the temporary name carries the thread's id, so it never meets one the
 * main thread writes.
 */
const SOURCE = `
const { parentPort, threadId } = require('node:worker_threads');
const { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');
function openMakingFolder(file) {
  try {
    return openSync(file, 'w');
  } catch (error) {
    if (!error || error.code !== 'ENOENT') throw error;
    mkdirSync(dirname(file), { recursive: true });
    return openSync(file, 'w');
  }
}
function writeParts(file, parts) {
  const fd = openMakingFolder(file);
  try {
    for (const part of parts) {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    }
  } finally {
    closeSync(fd);
  }
}
function put({ file, parts, atomic }) {
  const target = atomic ? join(dirname(file), '.' + basename(file) + '.' + process.pid + '-' + threadId + '.tmp') : file;
  try {
    writeParts(target, parts);
    if (atomic) renameSync(target, file);
  } catch (error) {
    try {
      rmSync(target, { force: true });
    } catch {
      // The write's own failure is the one to report.
    }
    throw error;
  }
}
parentPort.on('message', (batch) => {
  const failed = [];
  for (const item of batch) {
    try {
      put(item);
    } catch (error) {
      failed.push({ id: item.id, message: String(error && error.message), code: error && error.code, errno: error && error.errno, syscall: error && error.syscall, path: error && error.path });
    }
  }
  parentPort.postMessage({ ids: batch.map((item) => item.id), failed });
});
`;

/** What may wait to be written at once, in bytes (about: a string's length): past it, the caller writes the file itself, so memory stays bounded. */
export const MAX_QUEUED_BYTES = 32 * 1024 * 1024;
/** A batch is sent when it holds this much, or at `settle`. */
const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 64;

export interface WriterThread {
  /**
   * Queues a file to be written (its folder made if missing); false, and nothing queued, when too
   * much is waiting: the caller then writes it itself. `atomic`: written under a temporary name
   * and renamed into place (for files read while the run goes on, such as cache entries).
   */
  write(file: string, content: FileContent, options?: { atomic?: boolean }): boolean;
  /** Resolves once every file queued is written; rejects with the first that failed (its own `code`, as node gives it). */
  settle(): Promise<void>;
  /** Whether files queued are not yet written. */
  busy(): boolean;
  /** Whether a file failed to be written. */
  failed(): boolean;
  /** Stops the thread (after `settle`: a file still queued may then not be written, and is not reported). */
  close(): void;
}

export interface WriterThreadOptions {
  maxQueuedBytes?: number;
  /**
   * Called with each file that failed, instead of the failure stopping the writer: for files that
   * are only a speed-up (cache entries), where one that cannot be written is no reason to stop.
   */
  onError?: (error: Error) => void;
  /** The thread's code (a test gives one that fails, to see the files still written). */
  threadSource?: string;
}

interface Failure {
  id: number;
  message: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
}

function asError(failure: Failure): Error {
  const error = new Error(failure.message) as NodeJS.ErrnoException;
  if (failure.code !== undefined) error.code = failure.code;
  if (failure.errno !== undefined) error.errno = failure.errno;
  if (failure.syscall !== undefined) error.syscall = failure.syscall;
  if (failure.path !== undefined) error.path = failure.path;
  return error;
}

const sizeOf = (part: string | Uint8Array) => (typeof part === 'string' ? part.length : part.byteLength);

interface Queued {
  id: number;
  file: string;
  parts: readonly (string | Uint8Array)[];
  atomic: boolean;
  bytes: number;
}

/**
 * A writer thread. If the thread cannot be started, or stops before it has written what it was
 * given (a system out of threads or memory), those files are written here instead, and so is
 * every later one (`write` gives false): the files are never lost to the thread.
 */
export function startWriterThread(options: WriterThreadOptions = {}): WriterThread {
  const maxQueuedBytes = options.maxQueuedBytes ?? MAX_QUEUED_BYTES;
  // Kept until the thread says it has written them, so they can be written here if it cannot.
  const pending = new Map<number, Queued>();
  let queuedBytes = 0;
  let nextId = 0;
  let batch: Omit<Queued, 'bytes'>[] = [];
  let batchBytes = 0;
  let failure: { error: unknown } | undefined;
  let waiting: (() => void)[] = [];
  let worker: Worker | undefined;
  const settled = () => {
    worker?.unref();
    const waiters = waiting;
    waiting = [];
    waiters.forEach((resolve) => resolve());
  };
  const failedFile = (error: Error) => {
    if (options.onError) options.onError(error);
    else failure ??= { error };
  };
  const writeHere = ({ file, parts, atomic }: Queued) => {
    try {
      if (atomic) writeFileAtomic(file, parts, { sync: false });
      else writeFileMakingFolder(file, parts);
    } catch (error) {
      failedFile(error instanceof Error ? error : new Error(String(error)));
    }
  };
  // The thread gone: what it had not written is written here, in order, and later files are left
  // to the caller (`write` gives false). `close` stops it on purpose, with nothing pending.
  let stopped = false;
  const stop = (rescue: boolean) => {
    if (stopped) return;
    stopped = true;
    if (rescue) [...pending.values()].sort((a, b) => a.id - b.id).forEach(writeHere);
    pending.clear();
    batch = [];
    queuedBytes = 0;
    settled();
  };
  try {
    worker = new Worker(options.threadSource ?? SOURCE, { eval: true });
  } catch {
    stop(false);
  }
  if (worker) {
    // Held only while files are on their way: an idle writer never keeps the process running.
    worker.unref();
    worker.on('message', (reply: { ids: number[]; failed: Failure[] }) => {
      for (const id of reply.ids) {
        queuedBytes -= pending.get(id)?.bytes ?? 0;
        pending.delete(id);
      }
      reply.failed.forEach((f) => failedFile(asError(f)));
      if (pending.size === 0) settled();
    });
    worker.on('error', () => stop(true));
    worker.on('exit', () => stop(true));
  }
  const send = () => {
    if (batch.length === 0 || !worker) return;
    worker.postMessage(batch);
    batch = [];
    batchBytes = 0;
  };
  return {
    write(file, content, how = {}) {
      if (failure) throw failure.error;
      if (stopped || !worker) return false;
      const parts = contentParts(content);
      const bytes = parts.reduce((sum, part) => sum + sizeOf(part), 0);
      if (pending.size > 0 && queuedBytes + bytes > maxQueuedBytes) return false;
      const id = nextId++;
      if (pending.size === 0) worker.ref();
      const item = { id, file, parts, atomic: how.atomic === true };
      pending.set(id, { ...item, bytes });
      queuedBytes += bytes;
      batch.push(item);
      batchBytes += bytes;
      if (batchBytes >= BATCH_BYTES || batch.length >= BATCH_FILES) send();
      return true;
    },
    async settle() {
      send();
      while (pending.size > 0) await new Promise<void>((resolve) => waiting.push(resolve));
      if (failure) throw failure.error;
    },
    busy: () => pending.size > 0,
    failed: () => failure !== undefined,
    close() {
      stop(false);
      void worker?.terminate();
    },
  };
}
