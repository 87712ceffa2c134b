import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan, PlanError } from '../../src/plan/parse-plan.js';

const bundled = readFileSync(new URL('../../data/plan.yaml', import.meta.url), 'utf8');

describe('the bundled plan', () => {
  const plan = parsePlan(bundled, 'data/plan.yaml');

  it('has the CYPP 2011-15 framework: 5 outcomes, 12 priorities, 17 key indicators, 3 obsessions', () => {
    expect(plan.outcomes).toHaveLength(5);
    expect(plan.outcomes.flatMap((o) => o.priorities)).toHaveLength(12);
    expect(plan.indicators.map((i) => i.number)).toEqual([...Array(17).keys()].map((i) => i + 1));
    expect(plan.indicators.filter((i) => i.obsession).map((i) => i.title)).toEqual([
      'Number of children looked after',
      'School attendance',
      'Percentage of young people NEET',
    ]);
  });

  it('gives indicators with several measures each of them', () => {
    const ids = (n: number) => plan.indicators[n - 1]!.measures.filter((m) => m.role === 'key').map((m) => m.id);
    expect(ids(3)).toEqual(['attendance-primary', 'attendance-secondary']);
    expect(ids(10)).toEqual(['short-breaks-children', 'short-breaks-satisfaction']);
    expect(ids(12)).toEqual(['fsm-uptake-primary', 'fsm-uptake-secondary']);
    expect(ids(17)).toEqual(['influence-school', 'influence-community']);
  });

  it('gives every obsession a frequent tracker measure', () => {
    for (const indicator of plan.indicators.filter((i) => i.obsession)) {
      const tracker = indicator.measures.find((m) => m.role === 'tracker');
      expect(tracker && ['weekly', 'monthly']).toContain(tracker?.frequency);
    }
  });

  it('normalises units, polarity and frequency', () => {
    const rate = plan.measures.find((m) => m.id === 'under-18-conceptions')!;
    expect(rate.unit).toEqual({ kind: 'rate', per: 1000 });
    expect(rate.polarity).toBe('lower');
    expect(rate.frequency).toBe('annual');
    expect(plan.measures.find((m) => m.id === 'looked-after-weekly')!.frequency).toBe('weekly');
  });

  it('lists the city, England and 25 clusters as areas', () => {
    expect(plan.areas.filter((a) => a.type === 'cluster')).toHaveLength(25);
    expect(plan.areas.map((a) => a.name)).toContain('England');
  });
});

describe('plan validation', () => {
  function problems(text: string): string[] {
    try {
      parsePlan(text, 'my-plan.yaml');
    } catch (error) {
      if (error instanceof PlanError) return error.problems;
      throw error;
    }
    throw new Error('expected the plan to be rejected');
  }

  it('lists every problem at once, each with where it is', () => {
    const text = bundled
      .replace('unit: count', 'unit: dozens')
      .replace('polarity: higher-is-better', 'polarity: up')
      .replace('id: neet-monthly', 'id: Neet Monthly');
    const found = problems(text);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^outcomes\[0\]\.priorities\[0\]\.indicators\[0\]\.measures\[0\]\.unit: expected one of count, percent/);
    expect(found.some((p) => p.includes('.polarity: expected one of higher-is-better, lower-is-better, no-judgement; got "up"'))).toBe(true);
    expect(found.some((p) => p.includes('"Neet Monthly" must be lower-case'))).toBe(true);
  });

  it('rejects a repeated measure id and a snapshot measure with no frequency', () => {
    const text = bundled.replace('id: looked-after-rate', 'id: looked-after').replace(/period: date\n(\s+)frequency: annual\n(\s+)decimals: 0\n(\s+)source: DfE, Characteristics/, 'period: date\n$1decimals: 0\n$3source: DfE, Characteristics');
    const found = problems(text);
    expect(found).toContain('outcomes[0].priorities[0].indicators[0].measures[1].id: "looked-after" is used by another measure');
    expect(found.some((p) => /measures\[0\]\.frequency: expected one of annual/.test(p))).toBe(true);
  });

  it('reports YAML syntax errors with a line number', () => {
    expect(problems('title: [unclosed\n')[0]).toMatch(/^my-plan\.yaml:\d+:\d+: /);
  });

  it('refuses alias bombs', () => {
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    expect(problems(bomb)[0]).toMatch(/alias/i);
  });

  it('refuses a file over 256 KB before parsing it', () => {
    const huge = `title: x\n# ${'padding '.repeat(33_000)}\n`;
    expect(huge.length).toBeGreaterThan(256 * 1024);
    expect(problems(huge)[0]).toMatch(/the YAML is \d+ KB, more than oba reads \(256 KB\)/);
  });
});
