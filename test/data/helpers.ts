/**
 * Test helpers for the data layer: the bundled plan, and files from data/real/.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlan } from '../../src/plan/parse-plan.js';
import type { Plan } from '../../src/plan/types.js';
import type { DataIssue, Observation } from '../../src/data/types.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REAL = join(ROOT, 'data', 'real');

let cached: Plan | undefined;

/** The bundled plan (data/plan.yaml), parsed by the real plan parser. */
export function bundledPlan(): Plan {
  if (!cached) {
    const file = join(ROOT, 'data', 'plan.yaml');
    cached = parsePlan(readFileSync(file, 'utf8'), file);
  }
  return cached;
}

/** Bytes of a string, as a file on disk would hold them. */
export const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

/** Issues reduced to what tests compare: severity, code, line (and column if any). */
export function brief(issues: readonly DataIssue[]): string[] {
  return issues.map((i) => `${i.severity} ${i.code} ${i.file}:${i.line}${i.column !== undefined ? `:${i.column}` : ''}`);
}

/** The observation for a measure, area and period label, or undefined. */
export function find(observations: readonly Observation[], measure: string, area: string, period: string): Observation | undefined {
  return observations.find((o) => o.measure === measure && o.area === area && o.period.label === period);
}

export const errorsOf = (issues: readonly DataIssue[]) => issues.filter((i) => i.severity === 'error');
