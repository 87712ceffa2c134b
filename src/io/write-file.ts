/**
 * Writing one file, in the foreground: whole, or atomically (under a temporary name, then renamed
 * into place). Content may come in parts, written one after another, so a large file is never
 * copied into one buffer.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file's content: text or bytes, or parts of them written one after another. */
export type FileContent = string | Uint8Array | readonly (string | Uint8Array)[];

export function contentParts(content: FileContent): readonly (string | Uint8Array)[] {
  return typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
}

function writeParts(fd: number, content: FileContent): void {
  for (const part of contentParts(content)) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  }
}

/** Writes a file, making its folder first. */
export function writeFileMakingFolder(file: string, content: FileContent): void {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  try {
    writeParts(fd, content);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes one file atomically: a temporary file in the same folder, then renamed into place.
 * `sync` flushes it first (for a file that must survive a power cut; pack files are made durable
 * once per pack instead, and cache entries carry a checksum). A write that fails leaves no
 * temporary file.
 */
export function writeFileAtomic(file: string, content: FileContent, options: { sync?: boolean } = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeParts(fd, content);
      if (options.sync !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The write's own failure is the one to report.
    }
    throw error;
  }
}
