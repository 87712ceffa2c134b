/**
 * Reading a small text input whole (a template, a narrative): refused, with what to do, when it
 * is not a regular file (a FIFO would hang the run, a device never end), when it is a link to
 * nothing, or when it is larger than such a file could sensibly be.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { CliError } from '../cli/errors.js';
import { specialKind } from './hash.js';

export function readSmallText(file: string, maxBytes: number, what: string): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${file} is a link to a file that does not exist; delete the link or restore the ${what} it points to`, 1);
    throw new CliError(`cannot read the ${what} ${file} (${code ?? String(error)}); check that you may read it`, 1);
  }
  try {
    const stat = fstatSync(fd);
    const special = stat.isDirectory() ? 'a folder' : specialKind(stat);
    if (special) throw new CliError(`${file} is ${special}, not a ${what} file; move it out of the folder`, 1);
    if (stat.size > maxBytes) throw new CliError(`the ${what} ${file} is ${Math.ceil(stat.size / 1024)} KB, more than oba reads (${Math.round(maxBytes / 1024)} KB); shorten it`, 1);
    const bytes = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < bytes.length; length += n) n = readSync(fd, bytes, length, bytes.length - length, null);
    if (length > maxBytes) throw new CliError(`the ${what} ${file} is more than oba reads (${Math.round(maxBytes / 1024)} KB); shorten it`, 1);
    return bytes.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
