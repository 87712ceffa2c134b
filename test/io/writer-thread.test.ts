import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWriterThread } from '../../src/io/writer-thread.js';
import { tempFolder } from '../helpers/cli.js';

describe('the writer thread', () => {
  it('writes text and bytes exactly as sent, and is idle once settled', async () => {
    const root = tempFolder();
    const writer = startWriterThread();
    try {
      const bytes = Uint8Array.from([0, 255, 10, 13, 128]);
      expect(writer.write(join(root, 'a.md'), 'Ünïcödé ≥ 95%\n')).toBe(true);
      expect(writer.write(join(root, 'b.bin'), bytes)).toBe(true);
      await writer.settle();
      expect(writer.busy()).toBe(false);
      expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('Ünïcödé ≥ 95%\n');
      expect([...readFileSync(join(root, 'b.bin'))]).toEqual([...bytes]);
    } finally {
      writer.close();
    }
  });

  it('makes a missing folder; an atomic file arrives whole under its name, in parts, with nothing left beside it', async () => {
    const root = tempFolder();
    const writer = startWriterThread();
    try {
      writer.write(join(root, 'a', 'b', 'plain.md'), 'plain');
      writer.write(join(root, 'c', 'entry'), ['head\n', Uint8Array.from([0x62, 0x6f, 0x64, 0x79])], { atomic: true });
      await writer.settle();
      expect(readFileSync(join(root, 'a', 'b', 'plain.md'), 'utf8')).toBe('plain');
      expect(readFileSync(join(root, 'c', 'entry'), 'utf8')).toBe('head\nbody');
      expect(readdirSync(join(root, 'c'))).toEqual(['entry']);
    } finally {
      writer.close();
    }
  });

  it('refuses a file past its queue while others wait, so the caller writes it and memory stays bounded', async () => {
    const root = tempFolder();
    const writer = startWriterThread({ maxQueuedBytes: 100 });
    try {
      // The first file is always taken, however large; the next would pass 100 bytes queued.
      expect(writer.write(join(root, 'big.md'), 'x'.repeat(150))).toBe(true);
      expect(writer.write(join(root, 'next.md'), 'y')).toBe(false);
      await writer.settle();
      expect(writer.write(join(root, 'next.md'), 'y')).toBe(true);
      await writer.settle();
      expect(readFileSync(join(root, 'next.md'), 'utf8')).toBe('y');
    } finally {
      writer.close();
    }
  });

  it('gives the failure back as node does (its code and path), and takes nothing more', async () => {
    const root = tempFolder();
    mkdirSync(join(root, 'clash.md'));
    const writer = startWriterThread();
    try {
      writer.write(join(root, 'clash.md'), 'x');
      await expect(writer.settle()).rejects.toMatchObject({ code: 'EISDIR', syscall: 'open', path: join(root, 'clash.md') });
      expect(writer.failed()).toBe(true);
      expect(() => writer.write(join(root, 'later.md'), 'x')).toThrow(/EISDIR/);
      // An atomic write that fails leaves no temporary file behind.
      const quiet = startWriterThread({ onError: () => {} });
      quiet.write(join(root, 'clash.md'), 'x', { atomic: true });
      await quiet.settle();
      quiet.close();
      expect(readdirSync(root)).toEqual(['clash.md']);
    } finally {
      writer.close();
    }
  });

  it('writes the files itself when the thread cannot start or stops before writing them, and leaves later ones to the caller', async () => {
    for (const threadSource of [
      "throw new Error('no thread today');",
      // Takes the first batch, then ends without writing it or answering.
      "require('node:worker_threads').parentPort.once('message', () => process.exit(0));",
    ]) {
      const root = tempFolder();
      const errors: Error[] = [];
      const writer = startWriterThread({ threadSource, onError: (e) => errors.push(e) });
      try {
        expect(writer.write(join(root, 'a', 'plain.md'), 'plain')).toBe(true);
        expect(writer.write(join(root, 'b', 'entry'), ['head\n', Uint8Array.from([0x62, 0x6f, 0x64, 0x79])], { atomic: true })).toBe(true);
        await writer.settle();
        expect(readFileSync(join(root, 'a', 'plain.md'), 'utf8')).toBe('plain');
        expect(readFileSync(join(root, 'b', 'entry'), 'utf8')).toBe('head\nbody');
        expect(readdirSync(join(root, 'b'))).toEqual(['entry']);
        expect(errors).toEqual([]);
        expect(writer.failed()).toBe(false);
        // The thread is gone: the caller writes from now on.
        expect(writer.write(join(root, 'later.md'), 'x')).toBe(false);
        expect(writer.busy()).toBe(false);
      } finally {
        writer.close();
      }
    }
  });

  it('reports a file it cannot write itself, once the thread is gone, as the thread would have', async () => {
    const root = tempFolder();
    mkdirSync(join(root, 'clash.md'));
    const writer = startWriterThread({ threadSource: "throw new Error('no thread today');" });
    try {
      writer.write(join(root, 'clash.md'), 'x');
      await expect(writer.settle()).rejects.toMatchObject({ code: 'EISDIR', path: join(root, 'clash.md') });
    } finally {
      writer.close();
    }
  });
});
