import { readFileSync } from 'node:fs';
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
});
