/** The RAG rating in words: whose target it is goes inside the rating's own brackets, once. */
import { describe, expect, it } from 'vitest';
import { ragSentence, ragText } from '../../src/report/words.js';

const target = (source: string | null, curveTurning: boolean | null = true) => ({ period: '2015-03-31', value: 1250, description: '1,250 by 2015-03-31', source, curveTurning });

describe('ragText', () => {
  it('says whose target it is, without brackets inside brackets', () => {
    expect(ragText('green', target('Children and Families Partnership'))).toBe('● green (Children and Families Partnership target)');
    expect(ragText('red', target('CYPP 2011-15', false))).toBe('■ red (CYPP 2011-15 target, not curve-turning)');
  });

  it('marks an example target as one, and says nothing of a target whose source is not given', () => {
    expect(ragText('amber', target('example'))).toBe('▲ amber (example target)');
    expect(ragText('green', target(null))).toBe('● green');
    // Not rated, with a target (stale, no trajectory value yet), or for want of one.
    expect(ragText('none', target('CYPP 2011-15'))).toBe('○ not rated');
    expect(ragText('none')).toBe('○ no target');
  });
});

describe('ragSentence', () => {
  it('gives the rating and its rule as a sentence of its own, or why there is no rating', () => {
    const rule = 'green at or below the trajectory (1,250 for this period); red otherwise';
    expect(ragSentence({ rag: { rag: 'green', rule }, target: target('CYPP 2011-15') })).toBe(`● green (CYPP 2011-15 target). The rule: ${rule}`);
    expect(ragSentence({ rag: { rag: 'none', rule: 'stale, as the latest value, in 2017, is from before the plan began on 1 April 2023' }, target: target('CYPP 2011-15') })).toBe(
      '○ not rated: stale, as the latest value, in 2017, is from before the plan began on 1 April 2023',
    );
    expect(ragSentence({ rag: { rag: 'none', rule: 'no target set, so no trajectory to judge against' }, target: null })).toBe('○ not rated: no target set, so no trajectory to judge against');
  });
});
