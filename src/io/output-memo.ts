/**
 * What a rerun remembers of an output folder, so that finding it up to date need not read
 * every file (`.oba-cache/outputs/`): the files that matched the folder's manifest when last
 * checked, or that this oba wrote, each by its stat (device, inode, size, and modification and
 * change times to the nanosecond), as git's index remembers a work tree.
 *
 * A file whose stat is what was remembered has not been written since, with one exception git
 * calls "racily clean": a write in the same tick of the file system's clock as the remembered
 * one leaves the times unchanged. So a file is remembered only when both its times are before
 * the manifest's modification time: the manifest was written after the files, before this
 * check, so any later write to a file falls in a later tick and shows. The pack writer waits for
 * the clock to move on before it writes the manifest (`afterClockTick`), so every file it wrote is
 * older; a file that is not (on a file system with whole-second times, say) is simply read and
 * hashed every time.
 *
 * The memo is bound to the manifest's text and stat: a new manifest forgets everything. It is
 * only ever a speed-up: an entry that cannot be read or fails its checksum is dropped, and one
 * that cannot be written is not kept.
 */
import { readFileSync, statSync, type BigIntStats } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkedEntries, sha256 } from './cache.js';
import { parseManifest, PACK_MARKER, type Manifest } from './manifest.js';

const HEADER = 'oba-outputs v1 sha256=';

/** A file's identity and state as the file system gives them: any write to the file changes it, but for the race above. */
export function signature(s: BigIntStats): string {
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** Whether a file's last write and change are in an earlier clock tick than `stamp` (the manifest's modification time). */
export function settledBefore(file: Pick<BigIntStats, 'mtimeNs' | 'ctimeNs'>, stamp: bigint): boolean {
  return file.mtimeNs < stamp && file.ctimeNs < stamp;
}

/** What is remembered of one folder: its manifest, and the signature of each file that matched it. */
interface Remembered {
  manifest: string;
  files: Record<string, string>;
}

export interface OutputCheck {
  /** Whether every file the manifest lists is in the folder with its listed SHA-256. */
  matches: boolean;
  /** How many files had to be read to find out. */
  read: number;
}

export interface OutputMemo {
  /** Checks `out`'s files against its manifest, reading only those not remembered unchanged. */
  check(out: string, manifest: Manifest): OutputCheck;
  /** Remembers the files of a folder this run has just committed (their hashes are its manifest's). */
  remember(out: string): void;
}

/** The manifest's text and stat, bound together as what the memo of a folder belongs to; undefined when it cannot be read. */
function manifestBinding(out: string): { binding: string; stamp: bigint; text: string } | undefined {
  const file = join(out, PACK_MARKER);
  try {
    const stat = statSync(file, { bigint: true });
    const text = readFileSync(file, 'utf8');
    return { binding: `${sha256(text)} ${signature(stat)}`, stamp: stat.mtimeNs, text };
  } catch {
    return undefined;
  }
}

function statOf(file: string): BigIntStats | undefined {
  try {
    return statSync(file, { bigint: true });
  } catch {
    return undefined;
  }
}

export function openOutputMemo(cacheDir: string): OutputMemo {
  const entries = checkedEntries(join(cacheDir, 'outputs'), HEADER);
  const keyOf = (out: string) => sha256('outputs', resolve(out));
  const load = (out: string, binding: string): Record<string, string> => {
    try {
      const json = entries.get(keyOf(out));
      const stored = json === undefined ? undefined : (JSON.parse(json) as Remembered);
      return stored?.manifest === binding && typeof stored.files === 'object' && stored.files !== null ? stored.files : {};
    } catch {
      return {};
    }
  };
  const save = (out: string, binding: string, files: Record<string, string>) => {
    try {
      entries.set(keyOf(out), JSON.stringify({ manifest: binding, files } satisfies Remembered));
    } catch {
      // A cache folder that cannot be written: the next run reads the files again.
    }
  };
  return {
    check(out, manifest) {
      const bound = manifestBinding(out);
      const known = bound ? load(out, bound.binding) : {};
      const settled: Record<string, string> = {};
      let read = 0;
      for (const [path, hash] of manifest.files) {
        const file = join(out, path);
        // Taken before the file is read: a write after this falls in a later tick than a settled file's.
        const before = statOf(file);
        if (!before?.isFile()) return { matches: false, read };
        const seen = signature(before);
        if (Object.hasOwn(known, path) && known[path] === seen) {
          settled[path] = seen;
          continue;
        }
        read++;
        if (sha256(readFileSync(file)) !== hash) return { matches: false, read };
        if (bound && settledBefore(before, bound.stamp)) settled[path] = seen;
      }
      if (bound && read > 0) save(out, bound.binding, settled);
      return { matches: true, read };
    },
    remember(out) {
      const bound = manifestBinding(out);
      const manifest = bound && parseManifest(bound.text);
      if (!bound || !manifest || manifest === 'legacy') return;
      const settled: Record<string, string> = {};
      for (const path of manifest.files.keys()) {
        const stat = statOf(join(out, path));
        if (stat?.isFile() && settledBefore(stat, bound.stamp)) settled[path] = signature(stat);
      }
      save(out, bound.binding, settled);
    },
  };
}
