/**
 * Reads and validates the plan file. Every problem is collected and reported at once,
 * each naming where in the file it is (`outcomes[1].priorities[0].indicators[2].measures[0].unit`).
 */
import { AREA_TYPES } from './types.js';
import { PERIOD_TYPES } from '../data/period.js';
import type {
  Area,
  AreaType,
  Frequency,
  Indicator,
  Measure,
  MeasureRole,
  Outcome,
  PeriodType,
  Plan,
  Polarity,
  Priority,
  Quadrant,
  Unit,
} from './types.js';
import { parseYaml, type YamlMemo } from '../config/yaml.js';
import { InputProblems, placeProblems, type Problem } from '../config/problems.js';

export class PlanError extends InputProblems {
  constructor(
    readonly file: string,
    /** The messages as found, each starting with where in the plan it is. */
    readonly problems: string[],
    located: Problem[] = placeProblems(file, problems),
  ) {
    super(located.map((p) => ({ code: 'PLAN' as const, ...p })), 'the plan');
    this.name = 'PlanError';
  }
}

const UNITS: Record<string, Unit> = {
  count: { kind: 'count' },
  percent: { kind: 'percent' },
  'rate-per-1000': { kind: 'rate', per: 1000 },
  'rate-per-10000': { kind: 'rate', per: 10000 },
  'rate-per-100000': { kind: 'rate', per: 100000 },
};
const POLARITIES: Record<string, Polarity> = {
  'higher-is-better': 'higher',
  'lower-is-better': 'lower',
  'no-judgement': 'none',
};
const FREQUENCIES: readonly Frequency[] = ['annual', 'quarterly', 'monthly', 'weekly'];
const IMPLIED_FREQUENCY: Record<Exclude<PeriodType, 'date'>, Frequency> = {
  'calendar-year': 'annual',
  'academic-year': 'annual',
  'financial-year': 'annual',
  quarter: 'quarterly',
  month: 'monthly',
  week: 'weekly',
};
const ROLES: readonly MeasureRole[] = ['key', 'tracker', 'performance'];
const QUADRANTS: readonly Quadrant[] = ['how-much', 'how-well', 'better-off'];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Raw = Record<string, unknown>;

/** Collects problems while reading fields of a raw YAML object. */
class Reader {
  readonly problems: string[] = [];

  obj(value: unknown, where: string): Raw | undefined {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Raw;
    this.problems.push(`${where}: expected a mapping (key: value lines), got ${describe(value)}`);
    return undefined;
  }

  list(raw: Raw, key: string, where: string): unknown[] {
    const value = raw[key];
    if (Array.isArray(value)) return value;
    this.problems.push(`${where}.${key}: expected a list, got ${describe(value)}`);
    return [];
  }

  string(raw: Raw, key: string, where: string, required = true): string | undefined {
    const value = raw[key];
    if (value === undefined || value === null) {
      if (required) this.problems.push(`${where}.${key}: missing; add it`);
      return undefined;
    }
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number') return String(value);
    this.problems.push(`${where}.${key}: expected text, got ${describe(value)}`);
    return undefined;
  }

  integer(raw: Raw, key: string, where: string, min: number, max: number, fallback?: number): number | undefined {
    const value = raw[key];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    this.problems.push(`${where}.${key}: expected a whole number from ${min} to ${max}, got ${describe(value)}`);
    return undefined;
  }

  oneOf<T extends string>(raw: Raw, key: string, where: string, allowed: readonly T[], fallback?: T): T | undefined {
    const value = raw[key];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${where}.${key}: expected one of ${allowed.join(', ')}; got ${describe(value)}`);
    return undefined;
  }

  boolean(raw: Raw, key: string, where: string): boolean {
    const value = raw[key];
    if (value === undefined) return false;
    if (typeof value === 'boolean') return value;
    this.problems.push(`${where}.${key}: expected true or false, got ${describe(value)}`);
    return false;
  }

  date(raw: Raw, key: string, where: string): string | undefined {
    const value = raw[key];
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : undefined;
    if (text && ISO_DATE.test(text) && !Number.isNaN(Date.parse(text))) return text;
    this.problems.push(`${where}.${key}: expected a date written YYYY-MM-DD, got ${describe(value)}`);
    return undefined;
  }

  unknownKeys(raw: Raw, allowed: readonly string[], where: string): void {
    for (const key of Object.keys(raw)) {
      if (!allowed.includes(key)) this.problems.push(`${where}: unknown field "${key}"; allowed fields are ${allowed.join(', ')}`);
    }
  }
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * Parses plan YAML text. Throws `PlanError` listing every problem; never returns a half-valid plan.
 */
export function parsePlan(text: string, file: string, memo?: YamlMemo): Plan {
  const parsed = parseYaml(text, file, memo ? { memo } : {});
  if (!parsed.ok) throw new PlanError(file, parsed.problems, parsed.located.map((p) => ({ file, ...p })));
  const fail = (problems: string[]) => new PlanError(file, problems, placeProblems(file, problems, parsed.locate));
  const r = new Reader();
  const root = r.obj(parsed.value, 'plan');
  if (!root) throw fail(r.problems);
  r.unknownKeys(root, ['title', 'city', 'start', 'end', 'outcomes', 'areas'], 'plan');

  const title = r.string(root, 'title', 'plan') ?? '';
  const city = r.string(root, 'city', 'plan') ?? '';
  const start = r.date(root, 'start', 'plan') ?? '';
  const end = r.date(root, 'end', 'plan') ?? '';
  if (start && end && start >= end) r.problems.push(`plan.end: ${end} is not after plan.start ${start}`);

  const outcomes: Outcome[] = [];
  const indicators: Indicator[] = [];
  const measures: Measure[] = [];
  const seenOutcome = new Set<string>();
  const seenPriority = new Set<number>();
  const seenIndicator = new Set<number>();
  const seenMeasure = new Set<string>();

  r.list(root, 'outcomes', 'plan').forEach((rawOutcome, oi) => {
    const ow = `outcomes[${oi}]`;
    const o = r.obj(rawOutcome, ow);
    if (!o) return;
    r.unknownKeys(o, ['id', 'title', 'priorities'], ow);
    const id = r.string(o, 'id', ow) ?? `outcome-${oi + 1}`;
    if (!SLUG.test(id)) r.problems.push(`${ow}.id: "${id}" must be lower-case letters, digits and hyphens`);
    if (seenOutcome.has(id)) r.problems.push(`${ow}.id: "${id}" is used by another outcome`);
    seenOutcome.add(id);
    const outcome: Outcome = { id, title: r.string(o, 'title', ow) ?? '', priorities: [] };

    r.list(o, 'priorities', ow).forEach((rawPriority, pi) => {
      const pw = `${ow}.priorities[${pi}]`;
      const p = r.obj(rawPriority, pw);
      if (!p) return;
      r.unknownKeys(p, ['number', 'title', 'indicators'], pw);
      const number = r.integer(p, 'number', pw, 1, 999) ?? 0;
      if (seenPriority.has(number)) r.problems.push(`${pw}.number: priority ${number} appears twice`);
      seenPriority.add(number);
      const priority: Priority = { number, title: r.string(p, 'title', pw) ?? '', outcome: id, indicators: [] };

      r.list(p, 'indicators', pw).forEach((rawIndicator, ii) => {
        const iw = `${pw}.indicators[${ii}]`;
        const ind = r.obj(rawIndicator, iw);
        if (!ind) return;
        r.unknownKeys(ind, ['number', 'title', 'obsession', 'measures'], iw);
        const inum = r.integer(ind, 'number', iw, 1, 999) ?? 0;
        if (seenIndicator.has(inum)) r.problems.push(`${iw}.number: indicator ${inum} appears twice`);
        seenIndicator.add(inum);
        const indicator: Indicator = {
          number: inum,
          title: r.string(ind, 'title', iw) ?? '',
          outcome: id,
          priority: number,
          obsession: r.boolean(ind, 'obsession', iw),
          measures: [],
        };
        r.list(ind, 'measures', iw).forEach((rawMeasure, mi) => {
          const measure = readMeasure(r, rawMeasure, `${iw}.measures[${mi}]`, inum);
          if (!measure) return;
          if (seenMeasure.has(measure.id)) r.problems.push(`${iw}.measures[${mi}].id: "${measure.id}" is used by another measure`);
          seenMeasure.add(measure.id);
          indicator.measures.push(measure);
        });
        if (!indicator.measures.some((m) => m.role === 'key')) {
          r.problems.push(`${iw}: indicator ${inum} has no key measure; give at least one measure role: key (the default)`);
        }
        priority.indicators.push(indicator);
        indicators.push(indicator);
      });
      outcome.priorities.push(priority);
    });
    outcomes.push(outcome);
  });

  const areas = readAreas(r, root);
  if (city && !areas.some((a) => a.name === city && a.type === 'city')) {
    r.problems.push(`plan.city: "${city}" must also be listed under areas with type: city`);
  }
  if (r.problems.length > 0) throw fail(r.problems);

  indicators.sort((a, b) => a.number - b.number);
  for (const indicator of indicators) measures.push(...indicator.measures);
  return { title, city, start, end, outcomes, areas, measures, indicators };
}

function readMeasure(r: Reader, raw: unknown, where: string, indicator: number): Measure | undefined {
  const m = r.obj(raw, where);
  if (!m) return undefined;
  r.unknownKeys(
    m,
    ['id', 'title', 'role', 'quadrant', 'unit', 'polarity', 'period', 'frequency', 'decimals', 'source', 'definition'],
    where,
  );
  const id = r.string(m, 'id', where) ?? '';
  if (id && !SLUG.test(id)) r.problems.push(`${where}.id: "${id}" must be lower-case letters, digits and hyphens`);
  const unitName = r.oneOf(m, 'unit', where, Object.keys(UNITS));
  const polarityName = r.oneOf(m, 'polarity', where, Object.keys(POLARITIES));
  const periodType = r.oneOf(m, 'period', where, PERIOD_TYPES);
  const role = r.oneOf(m, 'role', where, ROLES, 'key');
  let quadrant: Quadrant | undefined;
  if (role === 'performance') quadrant = r.oneOf(m, 'quadrant', where, QUADRANTS);
  else if (m['quadrant'] !== undefined) r.problems.push(`${where}.quadrant: only performance measures have a quadrant`);

  let frequency: Frequency | undefined;
  if (periodType === 'date') {
    frequency = r.oneOf(m, 'frequency', where, FREQUENCIES);
  } else if (periodType) {
    frequency = IMPLIED_FREQUENCY[periodType];
    if (m['frequency'] !== undefined && m['frequency'] !== frequency) {
      r.problems.push(`${where}.frequency: a ${periodType} measure is ${frequency}; remove frequency or set it to ${frequency}`);
    }
  }
  const decimals = r.integer(m, 'decimals', where, 0, 6, 0);
  const source = r.string(m, 'source', where) ?? '';
  const definition = r.string(m, 'definition', where, false);
  if (!unitName || !polarityName || !periodType || !frequency || !role || decimals === undefined) return undefined;
  const measure: Measure = {
    id,
    title: r.string(m, 'title', where) ?? '',
    indicator,
    role,
    unit: UNITS[unitName]!,
    polarity: POLARITIES[polarityName]!,
    periodType,
    frequency,
    decimals,
    source,
  };
  if (quadrant) measure.quadrant = quadrant;
  if (definition) measure.definition = definition;
  return measure;
}

function readAreas(r: Reader, root: Raw): Area[] {
  const areas: Area[] = [];
  const seen = new Map<string, string>();
  r.list(root, 'areas', 'plan').forEach((rawArea, ai) => {
    const aw = `areas[${ai}]`;
    const a = r.obj(rawArea, aw);
    if (!a) return;
    r.unknownKeys(a, ['name', 'type', 'code', 'aliases'], aw);
    const name = r.string(a, 'name', aw);
    const type = r.oneOf(a, 'type', aw, AREA_TYPES);
    const code = r.string(a, 'code', aw, false);
    const aliases: string[] = [];
    if (a['aliases'] !== undefined) {
      for (const [i, alias] of r.list(a, 'aliases', aw).entries()) {
        if (typeof alias === 'string' || typeof alias === 'number') aliases.push(String(alias).trim());
        else r.problems.push(`${aw}.aliases[${i}]: expected text, got ${describe(alias)}`);
      }
    }
    if (!name || !type) return;
    for (const key of [name, ...(code ? [code] : []), ...aliases]) {
      const k = key.toLowerCase();
      const other = seen.get(k);
      if (other !== undefined && other !== name) r.problems.push(`${aw}: "${key}" already names the area "${other}"`);
      seen.set(k, name);
    }
    const area: Area = { name, type, aliases };
    if (code) area.code = code;
    areas.push(area);
  });
  return areas;
}


