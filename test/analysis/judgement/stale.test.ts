import { describe, expect, it } from 'vitest';
import { staleness } from '../../../src/analysis/judgement/stale.js';
import { parsePeriod } from '../../../src/data/period.js';

const period = (label: string, type: Parameters<typeof parsePeriod>[1]) => {
  const p = parsePeriod(label, type);
  if (!p.ok) throw new Error(p.reason);
  return p.period;
};

describe('staleness', () => {
  it('calls a value from before the plan stale', () => {
    expect(staleness(period('2010/11', 'academic-year'), { frequency: 'annual' }, '2011-09-01', undefined)).toMatchObject({ stale: true });
    expect(staleness(period('2011/12', 'academic-year'), { frequency: 'annual' }, '2011-09-01', undefined)).toEqual({ stale: false });
  });

  it('allows one reporting cycle and its publication lag before the data date', () => {
    // 2012/13 ended 31 August 2013; at 31 March 2015 that is 577 days: current. 2011/12 (943 days) is not.
    expect(staleness(period('2012/13', 'academic-year'), { frequency: 'annual' }, undefined, '2015-03-31').stale).toBe(false);
    expect(staleness(period('2011/12', 'academic-year'), { frequency: 'annual' }, undefined, '2015-03-31')).toMatchObject({ stale: true, reason: expect.stringMatching(/two years/) });
    expect(staleness(period('2015-01', 'month'), { frequency: 'monthly' }, undefined, '2015-03-31').stale).toBe(false);
    expect(staleness(period('2014-10', 'month'), { frequency: 'monthly' }, undefined, '2015-03-31').stale).toBe(true);
  });
});
