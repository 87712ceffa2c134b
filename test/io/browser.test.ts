import { describe, expect, it } from 'vitest';
import { findBrowser, NO_BROWSER_MESSAGE } from '../../src/io/browser.js';
import { CliError } from '../../src/cli/errors.js';

const only = (...files: string[]) => (path: string) => files.includes(path);

describe('finding a browser to print with', () => {
  it('takes OBA_BROWSER first, as a path or a command on the PATH', () => {
    const isFile = only('/opt/my/chrome', '/usr/bin/chromium', '/home/me/bin/edge');
    expect(findBrowser({ env: { OBA_BROWSER: '/opt/my/chrome', PATH: '/usr/bin' }, platform: 'linux', isFile })).toBe('/opt/my/chrome');
    expect(findBrowser({ env: { OBA_BROWSER: 'edge', PATH: '/usr/local/bin:/home/me/bin' }, platform: 'linux', isFile })).toBe('/home/me/bin/edge');
  });

  it('refuses an OBA_BROWSER that names nothing rather than using another browser', () => {
    const search = { env: { OBA_BROWSER: '/nowhere/chrome' }, platform: 'linux' as const, isFile: only('/usr/bin/chromium') };
    expect(() => findBrowser(search)).toThrow(CliError);
    expect(() => findBrowser(search)).toThrow(/OBA_BROWSER is "\/nowhere\/chrome", which is not a file/);
  });

  it('looks for the usual commands on the PATH, then the usual install paths of each system', () => {
    expect(findBrowser({ env: { PATH: '/a:/b' }, platform: 'linux', isFile: only('/b/google-chrome', '/usr/bin/chromium') })).toBe('/b/google-chrome');
    expect(findBrowser({ env: { PATH: '/a' }, platform: 'linux', isFile: only('/opt/google/chrome/chrome') })).toBe('/opt/google/chrome/chrome');
    expect(findBrowser({ env: {}, platform: 'darwin', isFile: only('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge') })).toBe('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    expect(findBrowser({ env: { PROGRAMFILES: 'C:\\Program Files' }, platform: 'win32', isFile: only('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe') })).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
  });

  it('finds none when none is installed, and the message says how to get one in one line', () => {
    expect(findBrowser({ env: { PATH: '/usr/bin' }, platform: 'linux', isFile: () => false })).toBeUndefined();
    expect(NO_BROWSER_MESSAGE).not.toContain('\n');
    expect(NO_BROWSER_MESSAGE).toMatch(/apt-get install chromium/);
    expect(NO_BROWSER_MESSAGE).toMatch(/OBA_BROWSER/);
    expect(NO_BROWSER_MESSAGE).toMatch(/--format html needs no browser/);
  });
});
