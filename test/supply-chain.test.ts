import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolder } from './helpers/cli.js';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, { hasInstallScript?: boolean; resolved?: string; integrity?: string; dev?: boolean }>;
};
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string>; engines: { node: string } };
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('supply chain', () => {
  it('installs no dependency that runs an install script', () => {
    const scripted = Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([name]) => name);
    expect(scripted).toEqual([]);
  });

  it('pins every installed package by integrity hash in the committed lockfile', () => {
    const missing = Object.entries(lock.packages)
      .filter(([name, p]) => name !== '' && !p.integrity)
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('justifies every runtime dependency in the README', () => {
    for (const name of Object.keys(manifest.dependencies)) {
      const mentioned = readme.includes(name) || (name.startsWith('@stdlib/') && readme.includes('@stdlib/stats-base-dists-'));
      expect(mentioned, name).toBe(true);
    }
  });

  it('declares the Node versions it runs on', () => {
    expect(manifest.engines.node).toBe('>=20.19');
  });

  it('passes the lockfile check CI runs, which refuses an unpinned package or a licence off the allow-list', () => {
    const script = new URL('../.ci/lockfile.mjs', import.meta.url).pathname;
    const ours = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(ours.stderr).toBe('');
    expect(ours.status).toBe(0);
    const doctored = structuredClone(lock) as typeof lock & { packages: Record<string, { license?: string; version?: string }> };
    doctored.packages['node_modules/copyleft'] = { version: '1.0.0', license: 'GPL-3.0-only', integrity: 'sha512-AAAA' };
    doctored.packages['node_modules/either'] = { version: '1.0.0', license: '(GPL-2.0 OR MIT)', integrity: 'sha512-AAAA' };
    doctored.packages['node_modules/both'] = { version: '1.0.0', license: '(MIT AND AGPL-3.0)', integrity: 'sha512-AAAA' };
    doctored.packages['node_modules/loose'] = { version: '1.0.0', license: 'MIT' };
    const file = join(tempFolder(), 'package-lock.json');
    writeFileSync(file, JSON.stringify(doctored));
    const refused = spawnSync(process.execPath, [script, file], { encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('copyleft@1.0.0: GPL-3.0-only');
    expect(refused.stderr).toContain('both@1.0.0: (MIT AND AGPL-3.0)');
    expect(refused.stderr).not.toContain('either@');
    expect(refused.stderr).toMatch(/not pinned by a sha512 integrity hash:\n  loose@1\.0\.0: no integrity hash/);
  });
});
