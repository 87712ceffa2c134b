/**
 * Writes files on a thread of their own, so that a build does not wait for the disk.
 *
 * Creating a file can block for most of a millisecond (measured 0.4–0.8 ms a file on a virtual
 * disk whose journal is busy, 0.05 ms on a quiet one): a pack of 1,000 files then costs its build
 * up to a second of the main thread. Node's asynchronous `writeFile` did not help: each file takes
 * three trips through the event loop (open, write, close), and a build drawing charts runs as one
 * long chain of promises that gives it none, so the files waited and most were written in the
 * foreground after all. This thread writes each file in one call and needs nothing from the main
 * thread but the message.
 */
import { Worker } from 'node:worker_threads';

/** The thread's code: write each file it is sent, and say how that went. CommonJS, run from source. */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { writeFileSync } = require('node:fs');
parentPort.on('message', ({ id, file, content }) => {
  try {
    writeFileSync(file, content);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code, errno: error && error.errno, syscall: error && error.syscall, path: error && error.path } });
  }
});
`;

/** What may wait to be written at once, in bytes (about: a string's length): past it, the caller writes the file itself, so memory stays bounded. */
export const MAX_QUEUED_BYTES = 32 * 1024 * 1024;

export interface WriterThread {
  /** Sends a file to be written; false (and nothing sent) when the queue is full: the caller then writes it itself. */
  write(file: string, content: string | Uint8Array): boolean;
  /** Resolves once every file sent is written; rejects with the first that failed (its own `code`, as node gives it). */
  settle(): Promise<void>;
  /** Whether files sent are not yet written. */
  busy(): boolean;
  /** Whether a file failed to be written. */
  failed(): boolean;
  /** Stops the thread (after `settle`; a file still queued may then not be written). */
  close(): void;
}

interface Reply {
  id: number;
  error?: { message: string; code?: string; errno?: number; syscall?: string; path?: string };
}

function asError(reply: NonNullable<Reply['error']>): Error {
  const error = new Error(reply.message) as NodeJS.ErrnoException;
  if (reply.code !== undefined) error.code = reply.code;
  if (reply.errno !== undefined) error.errno = reply.errno;
  if (reply.syscall !== undefined) error.syscall = reply.syscall;
  if (reply.path !== undefined) error.path = reply.path;
  return error;
}

export function startWriterThread(maxQueuedBytes = MAX_QUEUED_BYTES): WriterThread {
  const worker = new Worker(SOURCE, { eval: true });
  // Held only while files are on their way: an idle writer never keeps the process running.
  worker.unref();
  const pending = new Map<number, number>();
  let queuedBytes = 0;
  let nextId = 0;
  let failure: { error: unknown } | undefined;
  let waiting: (() => void)[] = [];
  const wake = () => {
    const waiters = waiting;
    waiting = [];
    waiters.forEach((resolve) => resolve());
  };
  const settled = () => {
    worker.unref();
    wake();
  };
  worker.on('message', (reply: Reply) => {
    const bytes = pending.get(reply.id);
    if (bytes === undefined) return;
    pending.delete(reply.id);
    queuedBytes -= bytes;
    if (reply.error) failure ??= { error: asError(reply.error) };
    if (pending.size === 0) settled();
  });
  worker.on('error', (error) => {
    failure ??= { error };
    pending.clear();
    queuedBytes = 0;
    settled();
  });
  worker.on('exit', () => {
    if (pending.size > 0) failure ??= { error: new Error('the thread writing the files stopped before they were all written') };
    pending.clear();
    queuedBytes = 0;
    settled();
  });
  return {
    write(file, content) {
      if (failure) throw failure.error;
      const bytes = typeof content === 'string' ? content.length : content.byteLength;
      if (pending.size > 0 && queuedBytes + bytes > maxQueuedBytes) return false;
      const id = nextId++;
      if (pending.size === 0) worker.ref();
      pending.set(id, bytes);
      queuedBytes += bytes;
      worker.postMessage({ id, file, content });
      return true;
    },
    async settle() {
      while (pending.size > 0) await new Promise<void>((resolve) => waiting.push(resolve));
      if (failure) throw failure.error;
    },
    busy: () => pending.size > 0,
    failed: () => failure !== undefined,
    close() {
      void worker.terminate();
    },
  };
}
