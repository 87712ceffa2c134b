import { describe, expect, it } from 'vitest';
import { guessPeriodsPerYear, niceStep, PeriodLabels, periodAxis } from '../../src/charts/period-axis.js';
import { textWidth, vegaTextWidth, wrapText } from '../../src/charts/text-metrics.js';
import { layoutKey } from '../../src/charts/key.js';

describe('textWidth (Helvetica AFM advance widths)', () => {
  it('adds the advance widths, in 1/1000 em, times the font size', () => {
    // '2013': four digits of 556 → 2,224 / 1000 × 11 = 24.464.
    expect(textWidth('2013', 11)).toBeCloseTo(24.464, 10);
    // Bold 'Leeds': L 611 + e 556 + e 556 + d 611 + s 556 = 2,890 → × 15 / 1000 = 43.35.
    expect(textWidth('Leeds', 15, true)).toBeCloseTo(43.35, 10);
    // 'il' is narrow (222 + 222), 'WM' wide (944 + 833).
    expect(textWidth('il', 10)).toBeCloseTo(4.44, 10);
    expect(textWidth('WM', 10)).toBeCloseTo(17.77, 10);
  });

  it('measures vega text items: default 11px, bold by weight, capped at the limit', () => {
    expect(vegaTextWidth({ text: '2013' })).toBeCloseTo(24.464, 10);
    expect(vegaTextWidth({ text: 'Leeds', fontSize: 15, fontWeight: 'bold' })).toBeCloseTo(43.35, 10);
    expect(vegaTextWidth({ text: 'Leeds', fontSize: 15, fontWeight: 700 })).toBeCloseTo(43.35, 10);
    expect(vegaTextWidth({ text: 'a long label', limit: 20 })).toBe(20);
  });

  it('wraps at spaces to a width', () => {
    // 'aaa' is 3 × 556 × 10 / 1000 = 16.68px; two words and a space are 36.14px.
    expect(wrapText('aaa aaa aaa', 40, 10)).toEqual(['aaa aaa', 'aaa']);
    expect(wrapText('aaa aaa aaa', 17, 10)).toEqual(['aaa', 'aaa', 'aaa']);
  });

  it('breaks a word wider than the line between characters, never leaving a line too wide', () => {
    // 'a' is 5.56px at 10px: 'aa' (11.12px) fits in 14, 'aaa' (16.68px) does not; 'a b' is 13.9px.
    expect(wrapText('aaaaa b', 14, 10)).toEqual(['aa', 'aa', 'a b']);
    for (const line of wrapText('x'.repeat(200) + ' y', 100, 11)) expect(textWidth(line, 11)).toBeLessThanOrEqual(100);
  });
});

describe('period axis', () => {
  it('guesses the frequency from house-style labels', () => {
    expect(guessPeriodsPerYear('2013-W39')).toBe(52);
    expect(guessPeriodsPerYear('2013-Q2')).toBe(4);
    expect(guessPeriodsPerYear('2013-03')).toBe(12);
    expect(guessPeriodsPerYear('Mar 2013')).toBe(12);
    expect(guessPeriodsPerYear('2012/13')).toBe(1);
    expect(guessPeriodsPerYear('2013')).toBe(1);
    expect(guessPeriodsPerYear('term 2')).toBeUndefined();
  });

  it('picks the smallest natural step for the frequency', () => {
    expect(niceStep(1)).toBe(1);
    expect(niceStep(40.7, 52)).toBe(52);
    expect(niceStep(3.05, 12)).toBe(6);
    expect(niceStep(3, 1)).toBe(5);
    expect(niceStep(7, undefined)).toBe(10);
    expect(niceStep(1200, 52)).toBe(1560);
  });

  it('anchors ticks on the baseline period and pads the domain by half a period', () => {
    const periods = new PeriodLabels('test');
    for (let t = 2000; t <= 2030; t++) periods.add(t, String(t), `p${t}`);
    // 31 periods in 100px: 3.2px each; '2000' is 24.5px + 12px → 11.4 periods → step 20.
    const axis = periodAxis(periods, 100, 2012, 11);
    expect(axis.step).toBe(20);
    expect(axis.values).toEqual([2012]);
    expect(axis.domain).toEqual([1999.5, 2030.5]);
    const wide = periodAxis(periods, 2000, 2012, 11);
    expect(wide.step).toBe(1);
    expect(wide.values).toHaveLength(31);
  });

  it('refuses two labels for one period', () => {
    const periods = new PeriodLabels('test');
    periods.add(1, '2001', 'a');
    expect(() => periods.add(1, '2002', 'b')).toThrow(/test requires period 1 to have one label \("2001"\), got "2002"/);
  });
});

describe('key layout', () => {
  const entry = (label: string) => ({ label, glyphs: [] });
  it('uses as many columns (up to three) as fit, and a row per line', () => {
    const short = ['a', 'b', 'c', 'd', 'e'].map(entry);
    expect(layoutKey(short, 0, 560)).toMatchObject({ columns: 3, rows: 2, height: 36 });
    const long = ['x'.repeat(60), 'y'].map(entry);
    expect(layoutKey(long, 0, 300)).toMatchObject({ columns: 1, rows: 2 });
    // Footnotes add 6px and a 14px row each.
    expect(layoutKey(short, 2, 560).height).toBe(36 + 6 + 28);
  });
});
