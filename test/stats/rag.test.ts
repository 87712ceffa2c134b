import { describe, expect, it } from 'vitest';
import { ragRating } from '../../src/stats/rag.js';
import { expectStatsError } from './helpers.js';

// No national rule exists, so these are worked by hand from the stated rule.
describe('ragRating', () => {
  it('green at or better than expected, by polarity', () => {
    expect(ragRating({ actual: 50, expected: 50, polarity: 'higher' }).rag).toBe('green');
    expect(ragRating({ actual: 51, expected: 50, polarity: 'higher' }).rag).toBe('green');
    expect(ragRating({ actual: 49, expected: 50, polarity: 'lower' }).rag).toBe('green');
    expect(ragRating({ actual: 51, expected: 50, polarity: 'lower' }).rag).toBe('red');
  });

  it('amber within a percentage tolerance (10% of 50 = 5, ends included)', () => {
    const t = { percent: 10 } as const;
    expect(ragRating({ actual: 45, expected: 50, polarity: 'higher', tolerance: t }).rag).toBe('amber');
    expect(ragRating({ actual: 44.9, expected: 50, polarity: 'higher', tolerance: t }).rag).toBe('red');
    expect(ragRating({ actual: 55, expected: 50, polarity: 'lower', tolerance: t }).rag).toBe('amber');
    expect(ragRating({ actual: 55.1, expected: 50, polarity: 'lower', tolerance: t }).rag).toBe('red');
  });

  it('amber within an absolute tolerance', () => {
    expect(ragRating({ actual: 18, expected: 20, polarity: 'higher', tolerance: { absolute: 2 } }).rag).toBe('amber');
    expect(ragRating({ actual: 17.5, expected: 20, polarity: 'higher', tolerance: { absolute: 2 } }).rag).toBe('red');
  });

  it("amber when off target but improved on last year, with rule 'amber-if-improved'", () => {
    const base = { actual: 40, expected: 50, polarity: 'higher' as const, tolerance: { percent: 5 } };
    expect(ragRating({ ...base, improvedOnLastYear: true }).rag).toBe('red'); // rule off by default
    expect(ragRating({ ...base, improvedOnLastYear: true, rule: 'amber-if-improved' }).rag).toBe('amber');
    expect(ragRating({ ...base, improvedOnLastYear: false, rule: 'amber-if-improved' }).rag).toBe('red');
    expect(ragRating({ ...base, rule: 'amber-if-improved' }).rag).toBe('red');
  });

  it('states the rule in words', () => {
    expect(ragRating({ actual: 47, expected: 50, polarity: 'higher', tolerance: { percent: 10 } }).rule).toBe(
      'Green if at or above the expected value 50; amber if below it by no more than 10% of 50 (5); red otherwise.',
    );
    expect(
      ragRating({ actual: 12, expected: 10, polarity: 'lower', tolerance: { absolute: 1 }, rule: 'amber-if-improved', improvedOnLastYear: true })
        .rule,
    ).toBe(
      'Green if at or below the expected value 10; amber if above it by no more than 1, or above it but improved on the same period last year; red otherwise.',
    );
    expect(ragRating({ actual: 1, expected: 2, polarity: 'higher' }).rule).toBe(
      'Green if at or above the expected value 2; red otherwise (no amber band).',
    );
  });

  it("gives 'none' for polarity none", () => {
    expect(ragRating({ actual: 1, expected: 2, polarity: 'none' })).toEqual({
      rag: 'none',
      rule: 'No RAG rating: the indicator has no polarity (neither higher nor lower is better).',
    });
  });

  it('refuses bad input', () => {
    expectStatsError(() => ragRating({ actual: Number.NaN, expected: 1, polarity: 'higher' }), 'NOT_FINITE');
    expectStatsError(
      () => ragRating({ actual: 1, expected: 1, polarity: 'higher', tolerance: { percent: -5 } }),
      'OUT_OF_RANGE',
      'ragRating requires tolerance.percent ≥ 0, got -5',
    );
    // @ts-expect-error: runtime guard for untyped callers
    expectStatsError(() => ragRating({ actual: 1, expected: 1, polarity: 'higher', tolerance: { absolute: 1, percent: 1 } }), 'INVALID_OPTION');
    // @ts-expect-error: runtime guard for untyped callers
    expectStatsError(() => ragRating({ actual: 1, expected: 1, polarity: 'higher', rule: 'lenient' }), 'INVALID_OPTION');
  });
});
