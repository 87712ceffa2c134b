/**
 * `--format pdf` on a machine with no browser: one line saying how to get one, exit 1, and
 * nothing written. (The browser search itself is tested in test/io/browser.test.ts.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { oba, tempFolder } from '../helpers/cli.js';
import { bundledConfigFile } from '../../src/config/config.js';

vi.mock('../../src/io/browser.js', async (original) => ({ ...(await original<typeof import('../../src/io/browser.js')>()), findBrowser: () => undefined }));

describe('--format pdf without a browser', () => {
  it.each([
    ['report', []],
    ['sheet', ['--cluster', 'Seacroft']],
    ['tracker', []],
  ])('oba %s exits 1 with one line saying how to install one, and writes nothing', async (command, args) => {
    const out = join(tempFolder(), 'out');
    const run = await oba([command, ...args, '--config', bundledConfigFile(), '--format', 'md,pdf', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'oba: --format pdf needs Chromium, Chrome or Edge installed, and none was found: install one (on Debian or Ubuntu: apt-get install chromium) or set OBA_BROWSER to its path; --format html needs no browser',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('still writes HTML, which needs no browser', async () => {
    const out = join(tempFolder(), 'out');
    const run = await oba(['tracker', '--format', 'html', '--out', out, '--quiet']);
    expect(run.code).toBe(0);
    expect(existsSync(join(out, 'tracker.html'))).toBe(true);
  });
});
