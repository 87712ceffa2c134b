/** Text from the data never reaches a terminal as control codes: `oba show` and error messages make them visible. */
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/cli/terminal.js';
import { oba, tempFolder } from '../helpers/cli.js';

describe('control characters from the data', () => {
  it('are shown as escapes, never sent raw', () => {
    expect(terminalSafe('a\u001b]0;owned\u0007b\u009bc\u202eevil')).toBe('a\\x1b]0;owned\\x07b\\x9bc\\u{202e}evil');
    expect(terminalSafe('Leeds – 2013/14 ✓')).toBe('Leeds – 2013/14 ✓');
  });

  it('in the table `oba show` prints, and in the problems it reports', async () => {
    const root = tempFolder({
      'neet.csv': 'measure,area,period,value,numerator,denominator,status,note\nneet,Leeds,2012,8.1,,,,"\u001b[2J\u001b]0;title\u0007cleared"\nneet,"Lee\u001b[31mds",2013,7.9,,,,\n',
    });
    const run = await oba(['show', 'neet', '--area', 'Leeds', '--data', `${root}/neet.csv`]);
    const printed = run.stdout + run.stderr;
    expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(run.stdout).toContain('\\x1b[2J\\x1b]0;title\\x07cleared');
  });
});
