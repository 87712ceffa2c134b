/** `oba list`: the plan as a tree, or as JSON. */
import type { Terminal } from '../terminal.js';
import { loadPlanOnly } from '../workspace.js';
import { counted, unitLabel } from '../../render/format.js';
import type { Measure, Plan } from '../../plan/types.js';

export interface ListOptions {
  config?: string;
  json?: boolean;
}

export async function list(options: ListOptions, terminal: Terminal, cwd: string): Promise<number> {
  const { plan } = loadPlanOnly(options.config, cwd);
  terminal.out(options.json ? JSON.stringify(planAsJson(plan), null, 2) : planAsTree(plan, terminal));
  return 0;
}

const POLARITY_WORDS = { higher: 'higher is better', lower: 'lower is better', none: 'no judgement' } as const;

function measureLine(m: Measure): string {
  const role = m.role === 'key' ? '' : m.role === 'tracker' ? ' · tracker' : ` · performance: ${m.quadrant}`;
  return `${m.id}: ${m.title} (${unitLabel(m.unit)}, ${POLARITY_WORDS[m.polarity]}, ${m.periodType}${m.periodType === 'date' ? ` ${m.frequency}` : ''}${role})`;
}

export function planAsTree(plan: Plan, terminal: Terminal): string {
  const c = terminal.colour;
  const lines = [c.bold(plan.title), `${plan.start} to ${plan.end} · ${counted(plan.outcomes.length, 'outcome')}, ${counted(plan.outcomes.flatMap((o) => o.priorities).length, 'priority', 'priorities')}, ${counted(plan.indicators.length, 'key indicator')}, ${counted(plan.measures.length, 'measure')}`, ''];
  for (const outcome of plan.outcomes) {
    lines.push(c.bold(`Outcome: ${outcome.title}`));
    for (const priority of outcome.priorities) {
      lines.push(`  Priority ${priority.number}. ${priority.title}`);
      for (const indicator of priority.indicators) {
        lines.push(`    ${String(indicator.number).padStart(2)}. ${indicator.title}${indicator.obsession ? c.yellow(' ★ obsession') : ''}`);
        for (const m of indicator.measures) lines.push(`          ${measureLine(m)}`);
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function planAsJson(plan: Plan) {
  return {
    title: plan.title,
    city: plan.city,
    start: plan.start,
    end: plan.end,
    outcomes: plan.outcomes.map((o) => ({
      id: o.id,
      title: o.title,
      priorities: o.priorities.map((p) => ({
        number: p.number,
        title: p.title,
        indicators: p.indicators.map((i) => i.number),
      })),
    })),
    priorities: plan.outcomes.flatMap((o) => o.priorities.map((p) => ({ number: p.number, title: p.title, outcome: o.id }))),
    indicators: plan.indicators.map((i) => ({
      number: i.number,
      title: i.title,
      outcome: i.outcome,
      priority: i.priority,
      obsession: i.obsession,
      measures: i.measures.map((m) => m.id),
    })),
    measures: plan.measures,
    areas: plan.areas,
  };
}
