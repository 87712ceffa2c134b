import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { it } from 'vitest';
import { readabilityProblems } from './svg-layout.js';
it('try', () => {
  const files = execSync('find /tmp/cx2 -name "*.svg"').toString().trim().split('\n');
  const counts = new Map<string, number>();
  let bad = 0;
  for (const f of files) {
    const problems = readabilityProblems(readFileSync(f, 'utf8'));
    if (problems.length) { bad++; if (bad < 15) console.log(f, problems); }
    for (const p of problems) { const k = p.replace(/"[^"]*"/g, '""').replace(/[\d.]+/g, 'N'); counts.set(k, (counts.get(k) ?? 0) + 1); }
  }
  console.log(bad, 'of', files.length, [...counts].sort((a, b) => b[1] - a[1]).slice(0, 20));
}, 60000);
