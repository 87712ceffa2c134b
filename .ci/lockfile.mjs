#!/usr/bin/env node
// Checks the lockfile (what `npm ci` installs, verifying each hash as it does), offline: every
// package is pinned by a sha512 integrity hash, and its licence (the lockfile's SPDX
// expression) is on the allow-list below. A package that is not fails the run, naming it; add a
// licence here only after reading it.
// Usage: node .ci/lockfile.mjs [package-lock.json]
import { readFileSync } from 'node:fs';

const ALLOWED = new Set([
  'MIT', 'ISC', '0BSD', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', 'BSL-1.0', 'Zlib', 'Unlicense',
  'CC0-1.0', 'CC-BY-4.0', 'BlueOak-1.0.0', 'PSF-2.0', 'Python-2.0',
  // Weak copyleft, per file: fine to use unmodified (the packages are used as published).
  'MPL-2.0',
]);

/** Whether an SPDX expression is allowed: AND needs every part, OR any one. */
function allowed(expression) {
  const tokens = expression.replace(/[()]/g, (p) => ` ${p} `).trim().split(/\s+/);
  let at = 0;
  const term = () => {
    if (tokens[at] === '(') {
      at++;
      const value = or();
      at++; // ')'
      return value;
    }
    return ALLOWED.has(tokens[at++]);
  };
  const and = () => {
    let value = term();
    while (tokens[at] === 'AND') {
      at++;
      value = term() && value;
    }
    return value;
  };
  const or = () => {
    let value = and();
    while (tokens[at] === 'OR') {
      at++;
      value = and() || value;
    }
    return value;
  };
  const value = or();
  return value && at === tokens.length;
}

const file = process.argv[2] ?? new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const refused = [];
const unpinned = [];
for (const [path, pkg] of Object.entries(lock.packages)) {
  if (path === '') continue;
  const name = `${path.replace(/^.*node_modules\//, '')}@${pkg.version}`;
  if (!/^sha512-[A-Za-z0-9+/]+=*$/.test(pkg.integrity ?? '')) unpinned.push(`${name}: ${pkg.integrity ?? 'no integrity hash'}`);
  const licence = typeof pkg.license === 'string' ? pkg.license : undefined;
  if (!licence || !allowed(licence)) refused.push(`${name}: ${licence ?? 'no licence given'}`);
}
if (unpinned.length > 0) console.error(`Packages not pinned by a sha512 integrity hash:\n  ${unpinned.join('\n  ')}`);
if (refused.length > 0) console.error(`Licences not on the allow-list (.ci/lockfile.mjs):\n  ${refused.join('\n  ')}`);
if (unpinned.length + refused.length > 0) process.exit(1);
console.log(`Lockfile: all ${Object.keys(lock.packages).length - 1} packages pinned by sha512 integrity hashes, under allowed licences.`);
