/** SHA-256 of several parts, each ended by a NUL so that ("ab", "c") and ("a", "bc") differ. */
import { createHash } from 'node:crypto';

export function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(typeof part === 'string' ? Buffer.from(part, 'utf8') : part);
    hash.update('\u0000');
  }
  return hash.digest('hex');
}
