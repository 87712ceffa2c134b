/**
 * Finding an installed Chromium, Chrome or Edge to print PDFs with: the `OBA_BROWSER` variable
 * (a path, or a command on the PATH) if set, else the usual names on the PATH and the usual
 * install paths of each system. Nothing is downloaded.
 */
import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CliError } from '../cli/errors.js';

export const BROWSER_VARIABLE = 'OBA_BROWSER';

const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable', 'chrome', 'msedge'];

function installPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return ['Google Chrome', 'Chromium', 'Microsoft Edge'].map((name) => `/Applications/${name}.app/Contents/MacOS/${name}`);
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string => !!r);
    return roots.flatMap((root) => [`${root}\\Google\\Chrome\\Application\\chrome.exe`, `${root}\\Microsoft\\Edge\\Application\\msedge.exe`, `${root}\\Chromium\\Application\\chrome.exe`]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/opt/google/chrome/chrome', '/usr/bin/microsoft-edge', '/opt/microsoft/msedge/msedge'];
}

export interface BrowserSearch {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Whether a path is a file (replaceable in tests). */
  isFile?: (path: string) => boolean;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(command: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, exists: (path: string) => boolean): string | undefined {
  const dirs = (env['PATH'] ?? '').split(platform === 'win32' ? ';' : delimiter).filter(Boolean);
  const names = platform === 'win32' && !/\.exe$/i.test(command) ? [command, `${command}.exe`] : [command];
  for (const dir of dirs) for (const name of names) if (exists(join(dir, name))) return join(dir, name);
  return undefined;
}

/**
 * The browser to print with, or undefined when none is installed. An `OBA_BROWSER` that names
 * nothing is an error, not a reason to look elsewhere: the user asked for that one.
 */
export function findBrowser(search: BrowserSearch = {}): string | undefined {
  const env = search.env ?? process.env;
  const platform = search.platform ?? process.platform;
  const exists = search.isFile ?? isFile;
  const named = env[BROWSER_VARIABLE]?.trim();
  if (named) {
    const found = /[\\/]/.test(named) ? (exists(named) ? named : undefined) : onPath(named, env, platform, exists);
    if (!found) throw new CliError(`${BROWSER_VARIABLE} is "${named}", which is not a file or a command on the PATH; set it to the path of Chromium, Chrome or Edge, or unset it`, 1);
    return found;
  }
  for (const command of COMMANDS) {
    const found = onPath(command, env, platform, exists);
    if (found) return found;
  }
  return installPaths(platform, env).find(exists);
}

/** What to say, on one line, when no browser is installed. */
export const NO_BROWSER_MESSAGE =
  '--format pdf needs Chromium, Chrome or Edge installed, and none was found: install one (on Debian or Ubuntu: apt-get install chromium) or set OBA_BROWSER to its path; --format html needs no browser';
