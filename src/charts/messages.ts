/**
 * Every word the charts write, in one place, so the wording is consistent and tests can refer to it.
 */
import { MISSING_WORDS, STATUS_WORDS } from '../render/format.js';

/** `0.95` → `95`, `0.975` → `97.5`, `0.8` → `80`. */
export function levelPercent(level: number): string {
  return String(Math.round(level * 1000) / 10);
}

function wordsFor(table: Record<string, string>, code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, code) ? table[code] : undefined;
}

export const CHART_TEXT = {
  actual: 'actual',
  forecast: (level: number) => `forecast if nothing changes (${levelPercent(level)}% interval)`,
  trajectory: 'trajectory to target',
  target: (value: string, period: string, kind = 'target') => `${kind}: ${value} by ${period}`,
  /** Beside the star. */
  targetLabel: (value: string, kind = 'target') => `${kind} ${value}`,
  /** Beside the vertical rule. */
  baselineRule: (period: string) => `baseline frozen ${period}`,
  baselineKey: (period: string) => `baseline frozen ${period}`,
  /** A key entry for points with a status flag: `[p] provisional`. */
  flagged: (code: string) => {
    const words = wordsFor(STATUS_WORDS, code);
    return words ? `[${code}] ${words}` : `[${code}] see notes`;
  },
  /** The key entry for gaps: `gap: no value ([c] suppressed)`. */
  gap: (codes: readonly string[]) => {
    if (codes.length === 0) return 'gap: no value';
    const reasons = codes.map((code) => {
      const words = wordsFor(MISSING_WORDS, code);
      return words ? `[${code}] ${words}` : `[${code}]`;
    });
    return `gap: no value (${reasons.join(', ')})`;
  },
  /** Hollow diamonds on dashed lines. */
  illustrative: '◇ illustrative, not a published figure',
  /** A dense line drawn without points: only the dash shows. */
  illustrativeDashed: 'dashed: illustrative, not a published figure',
  breakInSeries: 'break in series',
  /** The value axis title when the axis does not start at zero. */
  axisCut: (unit: string, start: string) => `${unit} (axis starts at ${start})`,
  spcCommon: 'common cause variation',
  spcImprovement: 'special cause: improvement',
  spcConcern: 'special cause: concern',
  spcNeutral: 'special cause: neither better nor worse',
  spcMean: (value: string) => `mean (${value})`,
  spcLimits: (lower: string, upper: string) => `process limits (${lower} and ${upper})`,
} as const;
