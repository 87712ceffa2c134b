/**
 * Generates the bundled Leeds dataset: one tidy CSV per measure of the plan under `data/series/`,
 * in the native format (`measure,area,period,value,numerator,denominator,status,note`). Annual
 * measures run from 2004 (2004/05; 31 March 2004) to 2015 (2014/15; 31 March 2015), so that a
 * baseline frozen when the plan was agreed (April 2011) has six to eight years behind it; the
 * weekly and monthly trackers run from January 2006, five whole years before it.
 *
 * REAL published figures are used wherever they exist (each row notes `real: <source>`; see
 * `data-gen/specs.ts`, `data-gen/performance.ts` and data/README.md). Everything else is
 * ILLUSTRATIVE (note `illustrative`), drawn by a seeded generator (mulberry32, seed `DATA_SEED`)
 * around guide values that follow what Leeds' own reports say happened, with the noise real
 * figures have: binomial sampling error for percentages, Poisson for counts and rates, a design
 * effect for surveys, and year-to-year variation of the process itself. The 25 clusters reconcile
 * exactly with the city: cluster counts sum to the Leeds count; cluster numerators and
 * denominators sum to the Leeds numerator and denominator.
 *
 * The core (`generateSeries`, `generateDataset`) is pure: the same plan and seed give
 * byte-identical files on every run and every machine. The thin `main` writes the files:
 *
 *     npm run build && node dist/src/tools/generate-data.js [--out data/series] [--authorities-out data/authorities] [--plan data/plan.yaml]
 */
import { writeFileAtomic } from '../io/write-file.js';
import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Area, Measure, Plan } from '../plan/types.js';
import { parsePlan } from '../plan/parse-plan.js';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  academicYearOf,
  civilFromDays,
  daysFromCivil,
  isoWeekOf,
  isoWeekOneMonday,
  isoWeeksInYear,
  pad2,
  schoolDaysInWeek,
  splitYearLabel,
  weekLabel,
} from './data-gen/calendar.js';
import { clusterProfile, clusterSize, type ClusterProfile } from './data-gen/clusters.js';
import { apportion, calibrateLogitShift, formatScaled, logit, parseScaled, pchip, ratioScaled, roundScaled, sigmoid } from './data-gen/numbers.js';
import { Rng } from './data-gen/random.js';
import { AUTHORITY_ALIASES, AUTHORITY_TABLE, CLASHING_LA_CODES } from './data-gen/authorities.js';
import { SFR } from './data-gen/sources.js';
import {
  GENERATION_FIRST,
  SESSIONS_PRIMARY,
  SESSIONS_SECONDARY,
  SPECS,
  type ClusterSpec,
  type MeasureSpec,
  type RealFigure,
  type SeriesSpec,
  type Status,
} from './data-gen/specs.js';

/** The seed of the committed dataset (the day the Children's Trust Board agreed the CYPP 2011-15). */
export const DATA_SEED = 20110401;

export const HEADER = 'measure,area,period,value,numerator,denominator,status,note';

/** First and last year covered by annual measures (2004 is 2004/05 and 31 March 2004). */
export const FIRST_YEAR = 2004;
export const LAST_YEAR = 2015;
/** The weekly and monthly trackers start in January of this year: five whole years before April 2011. */
export const TRACKER_FIRST_YEAR = 2006;

export type Marker = 'c' | 'x' | 'z';

/** One observation as generated, before suppression is applied in the CSV. */
export interface Cell {
  area: string;
  period: string;
  /** The value as a whole number of units of 10^-decimals, or null with a marker. */
  value: number | null;
  marker?: Marker;
  numerator?: number;
  denominator?: number;
  status?: Status;
  note: string;
  /** Shown as `c` (count or numerator 1–5 in a published cluster figure); the generated figures are kept here. */
  suppressed?: boolean;
}

export interface SeriesTable {
  measure: Measure;
  /** The measure's periods, oldest first. */
  periods: string[];
  /** Rows in file order: areas in plan order, then periods. */
  cells: Cell[];
}

const ILLUSTRATIVE = 'illustrative';
const HOLIDAY_NOTE = 'illustrative term dates: a school holiday week';

// ---------------------------------------------------------------------------------------------
// Periods

interface WeekInfo {
  label: string;
  monday: number;
}

function weeksCovered(): WeekInfo[] {
  const out: WeekInfo[] = [];
  for (let year = TRACKER_FIRST_YEAR; year <= LAST_YEAR; year++) {
    const first = isoWeekOneMonday(year);
    for (let w = 1; w <= isoWeeksInYear(year); w++) out.push({ label: weekLabel(year, w), monday: first + (w - 1) * 7 });
  }
  return out;
}

/**
 * The canonical labels of a measure's periods at its natural frequency: annual measures 2004 to
 * 2015 (or from the first period its spec gives), weekly and monthly ones January 2006 to
 * December 2015.
 */
export function periodsOf(measure: Measure): string[] {
  const spec = SPECS[measure.id]?.periods ?? {};
  let out: string[] = [];
  switch (measure.periodType) {
    case 'calendar-year':
      for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) out.push(String(y));
      break;
    case 'academic-year':
    case 'financial-year':
      for (let y = FIRST_YEAR; y < LAST_YEAR; y++) out.push(splitYearLabel(y));
      break;
    case 'quarter':
      for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) for (let q = 1; q <= 4; q++) out.push(`${y}-Q${q}`);
      break;
    case 'month':
      for (let y = TRACKER_FIRST_YEAR; y <= LAST_YEAR; y++) for (let m = 1; m <= 12; m++) out.push(`${y}-${pad2(m)}`);
      break;
    case 'week':
      out = weeksCovered().map((w) => w.label);
      break;
    case 'date': {
      if (measure.frequency !== 'annual') throw new Error(`${measure.id}: the generator makes annual snapshot dates only`);
      const day = spec.snapshot ?? '03-31';
      for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) out.push(`${y}-${day}`);
      out = [...out, ...(spec.extra ?? [])].sort();
      break;
    }
  }
  if (spec.first) {
    const i = out.indexOf(spec.first);
    if (i < 0) throw new Error(`${measure.id}: the first period ${spec.first} is not one of its periods`);
    out = out.slice(i);
  }
  return out;
}

/** The year a period ends in: how periods of different types are matched (2010/11 and 31 March 2011 both end in 2011). */
function endYear(label: string): number {
  const split = /^(\d{4})\/\d{2}$/.exec(label);
  return split ? Number(split[1]) + 1 : Number(label.slice(0, 4));
}

/** A monotone curve through guide points given by period label, over the positions of `periods`. */
function curveThrough(periods: readonly string[], knots: Readonly<Record<string, number>>, where: string): (k: number) => number {
  const points = Object.entries(knots)
    .map(([label, value]): [number, number] => {
      const k = periods.indexOf(label);
      if (k < 0) throw new Error(`${where}: the guide period ${label} is not one of the measure's periods`);
      return [k, value];
    })
    .sort((a, b) => a[0] - b[0]);
  if (points.length === 0) return () => Number.NaN;
  if (points.length === 1) return () => points[0]![1];
  const f = pchip(points.map((p) => p[0]), points.map((p) => p[1]));
  return (k) => f(k);
}

/** The guide of a series: its own guide points and its real figures (real figures take precedence). */
function guideOf(periods: readonly string[], s: SeriesSpec, where: string): (k: number) => number {
  const knots: Record<string, number> = { ...(s.guide ?? {}) };
  for (const [label, real] of Object.entries(s.real ?? {})) {
    if (real.value !== 'c' && real.value !== 'x' && periods.includes(label)) knots[label] = Number(real.precise ?? real.value);
  }
  return curveThrough(periods, knots, where);
}

// ---------------------------------------------------------------------------------------------
// The generator

type AreaRole = 'leeds' | 'england' | 'region' | 'neighbours';
const ROLES: readonly AreaRole[] = ['leeds', 'england', 'region', 'neighbours'];

class Generator {
  private readonly cells = new Map<string, Map<string, Cell[]>>();
  private readonly measures = new Map<string, Measure>();
  private readonly leeds: string;
  private readonly roleArea: Record<AreaRole, Area | undefined>;
  private readonly clusters: Area[];
  private readonly profiles: ClusterProfile[];

  constructor(
    private readonly plan: Plan,
    private readonly seed: number,
  ) {
    for (const m of plan.measures) this.measures.set(m.id, m);
    const byType = (type: Area['type']) => plan.areas.find((a) => a.type === type);
    const city = plan.areas.find((a) => a.name === plan.city && a.type === 'city');
    if (!city) throw new Error(`the plan has no city area named ${plan.city}`);
    this.leeds = city.name;
    this.roleArea = { leeds: city, england: byType('national'), region: byType('region'), neighbours: byType('comparator') };
    this.clusters = plan.areas.filter((a) => a.type === 'cluster');
    this.profiles = this.clusters.map((c) => clusterProfile(c.name));
    for (const m of plan.measures) {
      if (!SPECS[m.id]) throw new Error(`no generator spec for measure "${m.id}": add one to src/tools/data-gen/specs.ts or performance.ts`);
    }
    for (const id of GENERATION_FIRST) {
      if (!this.measures.has(id)) throw new Error(`the generator needs measure "${id}", which the plan does not have`);
    }
  }

  run(): SeriesTable[] {
    const order = [...GENERATION_FIRST, ...this.plan.measures.map((m) => m.id).filter((id) => !GENERATION_FIRST.includes(id))];
    for (const id of order) this.generate(id);
    this.applySuppression();
    return this.plan.measures.map((measure) => {
      const periods = periodsOf(measure);
      const byArea = this.cells.get(measure.id) ?? new Map<string, Cell[]>();
      const cells: Cell[] = [];
      for (const area of this.plan.areas) {
        const series = byArea.get(area.name);
        if (series) cells.push(...series);
      }
      const status = SPECS[measure.id]?.status ?? {};
      for (const cell of cells) {
        const s = status[cell.period];
        if (s && cell.marker !== 'z') cell.status = s;
      }
      return { measure, periods, cells };
    });
  }

  // --- storage -----------------------------------------------------------------------------

  private measure(id: string): Measure {
    const m = this.measures.get(id);
    if (!m) throw new Error(`unknown measure ${id}`);
    return m;
  }

  private put(id: string, area: string, series: Cell[]): void {
    let byArea = this.cells.get(id);
    if (!byArea) this.cells.set(id, (byArea = new Map()));
    byArea.set(area, series);
  }

  private has(id: string, area: string): boolean {
    return this.cells.get(id)?.has(area) ?? false;
  }

  private get(id: string, area: string): Cell[] {
    const series = this.cells.get(id)?.get(area);
    if (!series) throw new Error(`${id}: no series for ${area} yet (check GENERATION_FIRST in specs.ts)`);
    return series;
  }

  /** The cell of another measure for the same area whose period ends in the same year. */
  private cellFor(id: string, area: string, period: string): Cell {
    const cells = this.get(id, area);
    const cell = cells.find((c) => c.period === period) ?? cells.find((c) => endYear(c.period) === endYear(period));
    if (!cell) throw new Error(`${id} ${area}: no period ending in ${endYear(period)} (for ${period})`);
    return cell;
  }

  private rng(key: string): Rng {
    return new Rng(this.seed, key);
  }

  private mult(measure: Measure): number {
    return measure.unit.kind === 'percent' ? 100 : measure.unit.kind === 'rate' ? measure.unit.per : 1;
  }

  // --- dispatch ------------------------------------------------------------------------------

  private generate(id: string): void {
    const spec = SPECS[id]!;
    const measure = this.measure(id);
    switch (id) {
      case 'looked-after':
        this.annualAreas(measure, spec);
        return; // clusters come with the weekly tracker
      case 'looked-after-weekly':
        this.lookedAfterWeekly(measure, spec);
        return;
      case 'attendance-weekly':
        this.attendanceWeekly(measure, spec);
        return;
      case 'neet-monthly':
        this.neetMonthly(measure, spec);
        return;
      case 'neet':
        this.neetAnnual(measure, spec);
        return;
      case 'neet-not-known':
        this.notKnownMonthly(measure, spec);
        return;
      case 'fsm-not-taken':
        this.fsmNotTaken(measure);
        return;
      default:
        this.annualAreas(measure, spec);
        if (spec.clusters) this.annualClusters(measure, spec.clusters);
    }
  }

  // --- annual series for the city and comparators ---------------------------------------------

  private annualAreas(measure: Measure, spec: MeasureSpec): void {
    for (const role of ROLES) {
      const s = spec[role];
      const area = this.roleArea[role];
      if (!s || !area) continue;
      this.put(measure.id, area.name, this.annualSeries(measure, area.name, s));
    }
  }

  private annualSeries(measure: Measure, area: string, s: SeriesSpec): Cell[] {
    const periods = periodsOf(measure);
    const rng = this.rng(`${measure.id}/${area}/annual`);
    const dec = measure.decimals;
    const mult = this.mult(measure);
    const guide = guideOf(periods, s, `${measure.id} ${area}`);
    const denGuide = s.den ? curveThrough(periods, s.den, `${measure.id} ${area} denominators`) : undefined;
    const cells = periods.map((period, k): Cell => {
      // Two draws a period whatever the period holds, so one figure never shifts another's noise.
      const z = rng.normal();
      const zd = rng.normal();
      const real = s.real?.[period];
      const where = `${measure.id} ${area} ${period}`;
      const g = (): number => {
        const v = guide(k);
        if (!Number.isFinite(v)) throw new Error(`${where}: no real figure and no guide value`);
        return v;
      };
      if (real?.value === 'c' || real?.value === 'x') {
        return { area, period, value: null, marker: real.value, note: real.note };
      }
      if (measure.unit.kind === 'count') {
        if (real) return { area, period, value: parseScaled(real.value, dec), note: real.note };
        const lambda = g();
        const sd = Math.sqrt((s.dispersion ?? 1) * lambda + ((s.process ?? 0) * lambda) ** 2);
        const x = Math.max(0, lambda + sd * z);
        const r = s.round ?? 1;
        const value = dec === 0 ? Math.round(x / r) * r : roundScaled(x, dec);
        return { area, period, value, note: ILLUSTRATIVE };
      }
      if (s.valueOnly || real?.valueOnly) {
        const value = real ? parseScaled(real.value, dec) : roundScaled(g() + (s.process ?? 0) * z, dec);
        return { area, period, value, note: real ? real.note : ILLUSTRATIVE };
      }
      // Numerator and denominator.
      let num: number | undefined = s.numFrom ? this.countOf(this.cellFor(s.numFrom, area, period), s.numFrom) : undefined;
      let den: number;
      if (real?.den !== undefined) den = real.den;
      else if (s.denFrom) den = this.denOf(this.cellFor(s.denFrom, area, period), s.denFrom);
      else if (real?.num !== undefined && !s.numFrom) den = 0; // derived below from the published rate
      else if (real?.denNear !== undefined) den = real.denNear; // refined below
      else {
        const guideDen = denGuide?.(k);
        if (guideDen === undefined || !Number.isFinite(guideDen) || guideDen <= 0) throw new Error(`${where}: no denominator guide`);
        const r = s.denRound ?? 1;
        den = Math.max(1, Math.round((guideDen * (1 + (s.denNoise ?? 0.005) * zd)) / r) * r);
      }
      if (real) {
        const shown = parseScaled(real.value, dec);
        if (real.num !== undefined && den === 0) {
          num = real.num;
          den = findDenominator(num, shown, dec, mult, where);
        } else if (real.num !== undefined) {
          num = real.num;
        } else if (num === undefined) {
          const fit = real.denNear !== undefined ? fitNear(real, dec, mult, where) : { num: findNumerator(den, real, dec, mult, where), den };
          num = fit.num;
          den = fit.den;
        }
        const value = ratioScaled(num, den, mult, dec);
        if (value !== shown) throw new Error(`${where}: ${num}/${den} shows ${formatScaled(value, dec)}, not the real ${real.value}`);
        return { area, period, value, numerator: num, denominator: den, note: real.note };
      }
      if (num === undefined) num = drawNumerator(measure, g(), den, s, z);
      return { area, period, value: ratioScaled(num, den, mult, dec), numerator: num, denominator: den, note: ILLUSTRATIVE };
    });
    this.applyPins(measure, area, s, periods, cells);
    return cells;
  }

  /** Illustrative figures made to say exactly what a Leeds report says of them. */
  private applyPins(measure: Measure, area: string, s: SeriesSpec, periods: readonly string[], cells: Cell[]): void {
    const dec = measure.decimals;
    const mult = this.mult(measure);
    for (const [period, pin] of Object.entries(s.pins ?? {})) {
      const where = `${measure.id} ${area} ${period}`;
      const cell = cells[periods.indexOf(period)];
      if (!cell) throw new Error(`${where}: a pin on a period the measure does not have`);
      if (!pin.note.startsWith(ILLUSTRATIVE)) throw new Error(`${where}: a pinned figure is illustrative; its note must say so`);
      let shown: number | undefined;
      if ('num' in pin) {
        if (measure.unit.kind === 'count') shown = pin.num * 10 ** dec;
        else {
          cell.numerator = pin.num;
          cell.value = ratioScaled(pin.num, cell.denominator!, mult, dec);
        }
      } else if ('value' in pin) {
        shown = parseScaled(pin.value, dec);
      } else {
        const from = cells[periods.indexOf(pin.from)];
        if (!from || from.value === null) throw new Error(`${where}: the pin's period ${pin.from} has no value`);
        if ('add' in pin) shown = from.value + roundScaled(pin.add, dec);
        else if (measure.unit.kind === 'count' && dec === 0) {
          const r = s.round ?? 1;
          shown = Math.round((from.value * pin.times) / r) * r;
        } else shown = Math.round(from.value * pin.times);
      }
      if (shown !== undefined) {
        if (cell.denominator !== undefined && measure.unit.kind !== 'count') {
          cell.numerator = findNumerator(cell.denominator, { value: formatScaled(shown, dec), note: pin.note }, dec, mult, where);
        }
        cell.value = shown;
      }
      cell.note = pin.note;
    }
  }

  /** The count a count measure's cell holds. */
  private countOf(cell: Cell, id: string): number {
    if (cell.value === null || this.measure(id).unit.kind !== 'count') throw new Error(`${id} ${cell.area} ${cell.period}: no count`);
    return cell.value;
  }

  /** A denominator: that of a ratio measure, or the value of a count measure (re-referrals ÷ referrals). */
  private denOf(cell: Cell, id: string): number {
    const den = this.measure(id).unit.kind === 'count' ? cell.value : cell.denominator;
    if (den === undefined || den === null) throw new Error(`${id} ${cell.area} ${cell.period}: no denominator`);
    return den;
  }

  // --- clusters ------------------------------------------------------------------------------

  /** Per-cluster effects over time: a lasting own effect plus a slowly wandering AR(1) part. */
  private clusterEffects(key: string, steps: number, c: ClusterSpec, phi: number): number[][] {
    const rng = this.rng(`${key}/cluster-effects`);
    return this.clusters.map(() => {
      const own = (c.staticSd ?? 0.12) * rng.normal();
      const out: number[] = [];
      let a = 0;
      for (let t = 0; t < steps; t++) {
        a = phi * a + (c.stepSd ?? 0.06) * rng.normal();
        out.push(own + a);
      }
      return out;
    });
  }

  /** Splits one city observation over the clusters; `years` since the start of FIRST_YEAR. */
  private splitCity(measure: Measure, city: Cell, c: ClusterSpec, years: number, effects: number[], clusterDens?: number[]): Cell[] {
    const dec = measure.decimals;
    const mult = this.mult(measure);
    const sizes = this.profiles.map((p) => clusterSize(p, years));
    const make = (i: number, extra: Partial<Cell>): Cell => ({
      area: this.clusters[i]!.name,
      period: city.period,
      value: null,
      note: ILLUSTRATIVE,
      ...extra,
    });
    if (city.value === null) {
      return this.clusters.map((_, i) => make(i, { marker: city.marker ?? 'x', note: city.note }));
    }
    if (measure.unit.kind === 'count') {
      const weights = this.profiles.map((p, i) => sizes[i]! * Math.exp(c.beta * p.deprivation + effects[i]!));
      return apportion(city.value, weights).map((v, i) => make(i, { value: v }));
    }
    const num = city.numerator;
    const den = city.denominator;
    if (num === undefined || den === undefined) throw new Error(`${measure.id} ${city.period}: the city has no numerator/denominator to split`);
    const dens = clusterDens ?? apportion(den, this.profiles.map((p, i) => sizes[i]! * Math.exp((c.gamma ?? 0) * p.deprivation)));
    let weights: number[];
    if (measure.unit.kind === 'percent') {
      const base = logit(num / den);
      const bases = this.profiles.map((p, i) => base + c.beta * p.deprivation + effects[i]!);
      const shift = calibrateLogitShift(dens, bases, num);
      weights = dens.map((d, i) => d * sigmoid(bases[i]! + shift));
    } else {
      weights = dens.map((d, i) => d * Math.exp(c.beta * this.profiles[i]!.deprivation + effects[i]!));
    }
    const nums = apportion(num, weights);
    return nums.map((n, i) => {
      const d = dens[i]!;
      if (d <= 0 || n > d) throw new Error(`${measure.id} ${city.period} ${this.clusters[i]!.name}: numerator ${n} over denominator ${d}`);
      return make(i, { value: ratioScaled(n, d, mult, dec), numerator: n, denominator: d });
    });
  }

  private putClusters(id: string, perPeriod: Cell[][]): void {
    this.clusters.forEach((cluster, i) => this.put(id, cluster.name, perPeriod.map((cells) => cells[i]!)));
  }

  /** Years since the start of FIRST_YEAR to the middle of an annual period (a snapshot: to its date). */
  private yearsAt(measure: Measure, period: string): number {
    if (measure.periodType === 'date') {
      const [y, m] = period.split('-').map(Number) as [number, number];
      return y - FIRST_YEAR + (m - 1) / 12;
    }
    const start = Number(period.slice(0, 4)) - FIRST_YEAR;
    return start + (measure.periodType === 'calendar-year' ? 0.5 : measure.periodType === 'financial-year' ? 0.75 : 0.67);
  }

  private annualClusters(measure: Measure, c: ClusterSpec): void {
    const city = this.get(measure.id, this.leeds);
    const effects = this.clusterEffects(measure.id, city.length, c, 0.6);
    const perPeriod = city.map((cell, k) => {
      const years = this.yearsAt(measure, cell.period);
      const fx = effects.map((e) => e[k]!);
      if (measure.id === 'looked-after-rate') {
        // Numerators: the clusters' children looked after at 31 March; populations apportioned.
        const counts = this.clusters.map((cl) => this.countOf(this.cellFor('looked-after', cl.name, cell.period), 'looked-after'));
        const sizes = this.profiles.map((p) => clusterSize(p, years));
        const dens = apportion(cell.denominator!, sizes);
        return counts.map((n, i): Cell => ({
          area: this.clusters[i]!.name,
          period: cell.period,
          value: ratioScaled(n, dens[i]!, this.mult(measure), measure.decimals),
          numerator: n,
          denominator: dens[i]!,
          note: ILLUSTRATIVE,
        }));
      }
      const shared = c.denFrom ? this.clusters.map((cl) => this.denOf(this.cellFor(c.denFrom!, cl.name, cell.period), c.denFrom!)) : undefined;
      return this.splitCity(measure, cell, c, years, fx, shared);
    });
    this.putClusters(measure.id, perPeriod);
  }

  // --- children looked after: the weekly tracker ------------------------------------------------

  private lookedAfterWeekly(measure: Measure, spec: MeasureSpec): void {
    if (measure.periodType !== 'week') throw new Error(`${measure.id}: expected a weekly measure`);
    const weeks = weeksCovered();
    const index = new Map(weeks.map((w, i) => [w.label, i]));
    const at = (label: string): number => {
      const i = index.get(label);
      if (i === undefined) throw new Error(`week ${label} is outside the range`);
      return i;
    };
    const weekOfMarch = (period: string): string => {
      const w = isoWeekOf(daysFromCivil(Number(period.slice(0, 4)), 3, 31));
      return weekLabel(w.year, w.week);
    };
    const rng = this.rng(`${measure.id}/Leeds/path`);
    const annual = this.get('looked-after', this.leeds);
    const knots = new Map<number, { value: number; note: string }>();
    // The 31 March figures, at the week containing 31 March.
    for (const cell of annual) {
      if (index.has(weekOfMarch(cell.period))) knots.set(at(weekOfMarch(cell.period)), { value: cell.value!, note: cell.note });
    }
    for (const [label, real] of Object.entries(spec.leeds.real ?? {})) {
      knots.set(at(label), { value: parseScaled(real.value, 0), note: real.note });
    }
    // Illustrative shape: January 2006 between the March 2005 and March 2006 figures; at most 1,358
    // on 1 November 2009 and above 1,373 from late November 2009 until March 2013 (both March and
    // June 2013 were "lower than at any point since November 2009"), rising to March 2010; the end
    // of 2015 heading for the 1,226 of March 2016.
    const march = (y: number) => annual.find((c) => c.period === `${y}-03-31`)!.value!;
    knots.set(at(`${TRACKER_FIRST_YEAR}-W01`), {
      value: Math.round(march(TRACKER_FIRST_YEAR - 1) + 0.75 * (march(TRACKER_FIRST_YEAR) - march(TRACKER_FIRST_YEAR - 1)) + 3 * rng.normal()),
      note: ILLUSTRATIVE,
    });
    knots.set(at('2009-W44'), { value: 1356, note: ILLUSTRATIVE });
    knots.set(at('2009-W47'), { value: 1375, note: ILLUSTRATIVE });
    knots.set(at(weeks[weeks.length - 1]!.label), { value: Math.round(1232 + 4 * rng.normal()), note: ILLUSTRATIVE });
    const xs = [...knots.keys()].sort((a, b) => a - b);
    const curve = pchip(xs, xs.map((x) => knots.get(x)!.value));
    // Week-to-week noise: a Brownian bridge between consecutive knots, zero at the knots.
    const noise = new Array<number>(weeks.length).fill(0);
    for (let s = 0; s < xs.length - 1; s++) {
      const a = xs[s]!;
      const b = xs[s + 1]!;
      const walk: number[] = [0];
      for (let j = a + 1; j <= b; j++) walk.push(walk[walk.length - 1]! + 1.8 * rng.normal());
      const end = walk[walk.length - 1]!;
      for (let j = a; j <= b; j++) noise[j] = walk[j - a]! - ((j - a) / (b - a)) * end;
    }
    const bounds: [string, string, number, number][] = [
      // "lower than at any point since November 2009" (March 2013, 1,373) and June 2013 (1,358)
      ['2009-W48', '2013-W12', 1374, Infinity],
      ['2013-W14', '2013-W25', 1359, Infinity],
      // the peak: 1,475 at 31 March 2012 (press: "peaked at 1,474 in March")
      [weeks[0]!.label, weeks[weeks.length - 1]!.label, 0, 1475],
    ];
    const values = weeks.map((_, i) => {
      const knot = knots.get(i);
      if (knot) return knot.value;
      let low = -Infinity;
      let high = Infinity;
      for (const [from, to, lo, hi] of bounds) {
        if (i >= at(from) && i <= at(to)) {
          low = Math.max(low, lo);
          high = Math.min(high, hi);
        }
      }
      // Noise that would cross a bound is reflected back off it (reflected Brownian motion), so the
      // path never sits flat on the bound.
      let x = curve(i) + noise[i]!;
      if (x > high - 0.5) x = 2 * (high - 0.5) - x;
      if (x < low - 0.5) x = 2 * (low - 0.5) - x;
      return Math.min(high, Math.max(low, Math.round(x)));
    });
    const leeds: Cell[] = weeks.map((w, i) => {
      const knot = knots.get(i);
      const real = knot && knot.note !== ILLUSTRATIVE;
      return { area: this.leeds, period: w.label, value: values[i]!, note: real ? knot.note : ILLUSTRATIVE };
    });
    this.put(measure.id, this.leeds, leeds);

    const c = spec.clusters!;
    const effects = this.clusterEffects(measure.id, weeks.length, c, 0.98);
    const sinceStart = (monday: number) => (monday - daysFromCivil(FIRST_YEAR, 1, 1)) / 365.25;
    const perWeek = leeds.map((cell, i) => this.splitCity(measure, cell, c, sinceStart(weeks[i]!.monday), effects.map((e) => e[i]!)));
    this.putClusters(measure.id, perWeek);

    // The annual 31 March clusters: those of the weekly tracker at the week containing 31 March;
    // before the tracker starts, the city figure split the same way.
    const lookedAfter = this.measure('looked-after');
    const early = this.clusterEffects('looked-after', annual.length, SPECS['looked-after']!.clusters!, 0.6);
    const annualClusters = annual.map((cell, k) => {
      const label = weekOfMarch(cell.period);
      if (!index.has(label)) return this.splitCity(lookedAfter, cell, SPECS['looked-after']!.clusters!, this.yearsAt(lookedAfter, cell.period), early.map((e) => e[k]!));
      const i = at(label);
      if (values[i] !== cell.value) throw new Error(`looked-after ${cell.period}: weekly ${values[i]} ≠ annual ${cell.value}`);
      return perWeek[i]!.map((wc): Cell => ({ area: wc.area, period: cell.period, value: wc.value, note: ILLUSTRATIVE }));
    });
    this.putClusters('looked-after', annualClusters);
  }

  // --- attendance: the weekly tracker ---------------------------------------------------------

  private attendanceWeekly(measure: Measure, spec: MeasureSpec): void {
    if (measure.periodType !== 'week' || measure.unit.kind !== 'percent') throw new Error(`${measure.id}: expected a weekly percentage`);
    const weeks = weeksCovered();
    const rng = this.rng(`${measure.id}/Leeds/path`);
    const primary = this.get('attendance-primary', this.leeds);
    const secondary = this.get('attendance-secondary', this.leeds);
    // Per academic year (2004/05 … 2015/16): pupils on roll and the combined attendance rate.
    const years = primary.map((p, k) => {
      const s = secondary[k]!;
      return {
        pupils: p.denominator! / SESSIONS_PRIMARY + s.denominator! / SESSIONS_SECONDARY,
        rate: (100 * (p.numerator! + s.numerator!)) / (p.denominator! + s.denominator!),
      };
    });
    const last = years[years.length - 1]!;
    years.push({ pupils: last.pupils * 1.01, rate: last.rate + 0.05 }); // autumn 2015 (2015/16)
    // Seasonal pattern by month (illness in winter, a strong start in September, end-of-term dips),
    // and a few illustrative shocks: snow in February 2009, January and December 2010, January and
    // March 2013; norovirus in December 2012.
    const seasonal = [-0.3, -0.4, -0.1, 0.1, 0.2, 0.0, -0.6, 0, 0.9, 0.3, 0.1, -0.5];
    const shocks: Record<string, number> = {
      '2009-W06': -3.5,
      '2010-W01': -6.0,
      '2010-W02': -2.0,
      '2010-W48': -4.0,
      '2010-W49': -2.5,
      '2012-W50': -1.2,
      '2013-W03': -1.5,
      '2013-W12': -1.0,
    };
    const info = weeks.map((w) => ({ days: schoolDaysInWeek(w.monday), ay: academicYearOf(w.monday + 3) - FIRST_YEAR }));
    let ar = 0;
    const raw = weeks.map((w, i) => {
      ar = 0.5 * ar + 0.25 * rng.normal();
      const zd = rng.normal();
      const { days, ay } = info[i]!;
      if (days === 0) return undefined;
      const month = civilFromDays(w.monday + 3).month;
      const nextDays = i + 1 < weeks.length ? schoolDaysInWeek(weeks[i + 1]!.monday) : 5;
      const endOfTerm = nextDays === 0 ? (month === 7 ? -1.2 : -0.6) : 0;
      const partial = days <= 2 ? 0.4 : 0;
      const pupils = years[ay]!.pupils;
      return {
        den: Math.round(pupils * 2 * days * (1 + 0.002 * zd)),
        p: seasonal[month - 1]! + (shocks[w.label] ?? 0) + endOfTerm + partial + ar,
      };
    });
    // Centre each academic year on its combined annual rate (session-weighted).
    const shift = years.map((y, ay) => {
      let sum = 0;
      let dens = 0;
      raw.forEach((r, i) => {
        if (r && info[i]!.ay === ay) {
          sum += r.den * r.p;
          dens += r.den;
        }
      });
      return dens > 0 ? y.rate - sum / dens : 0;
    });
    const leeds: Cell[] = weeks.map((w, i) => {
      const r = raw[i];
      if (!r) return { area: this.leeds, period: w.label, value: null, marker: 'z', note: HOLIDAY_NOTE };
      const p = Math.min(99, r.p + shift[info[i]!.ay]!);
      const num = Math.round((p * r.den) / 100);
      return { area: this.leeds, period: w.label, value: ratioScaled(num, r.den, 100, measure.decimals), numerator: num, denominator: r.den, note: ILLUSTRATIVE };
    });
    this.put(measure.id, this.leeds, leeds);
    const c = spec.clusters!;
    const effects = this.clusterEffects(measure.id, weeks.length, c, 0.7);
    this.putClusters(
      measure.id,
      leeds.map((cell, i) =>
        this.splitCity(measure, cell, c, (weeks[i]!.monday - daysFromCivil(FIRST_YEAR, 1, 1)) / 365.25, effects.map((e) => e[i]!)).map(
          (cc) => (cc.marker === 'z' ? { ...cc, note: HOLIDAY_NOTE } : cc),
        ),
      ),
    );
  }

  // --- NEET: the monthly tracker and the annual November–January average ----------------------

  /** Monthly cells from January 2006 to January 2016 (the last one feeds the 2015 annual average only). */
  private neetMonths: { city: Cell[]; clusters: Cell[][] } | undefined;

  private neetMonthly(measure: Measure, spec: MeasureSpec): void {
    if (measure.periodType !== 'month' || measure.unit.kind !== 'percent') throw new Error(`${measure.id}: expected a monthly percentage`);
    const dec = measure.decimals;
    const neet = this.measure('neet');
    const annualSpec = SPECS['neet']!.leeds;
    const annualPeriods = periodsOf(neet);
    const months = monthsFrom(TRACKER_FIRST_YEAR, LAST_YEAR + 1);
    const monthIndex = (year: number, month: number) => (year - TRACKER_FIRST_YEAR) * 12 + (month - 1);
    const rng = this.rng(`${measure.id}/Leeds/path`);
    // The years before the tracker: drawn on their own, like any annual series.
    const direct = this.annualSeries(neet, this.leeds, annualSpec);
    // Trend through the annual figures (real) or guides, placed at each December.
    const annualGuide = guideOf(annualPeriods, annualSpec, 'neet Leeds');
    const guides: [number, number][] = annualPeriods.map((label, k) => {
      const y = Number(label);
      const value = y < TRACKER_FIRST_YEAR ? direct[k]!.value! / 10 ** neet.decimals : annualGuide(k);
      return [monthIndex(y, 12), value];
    });
    const trend = pchip(guides.map((g) => g[0]), guides.map((g) => g[1]));
    const seasonal = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.3, 0.2, 0.1, -0.2, -0.35, -0.15];
    let ar = 0;
    const p = months.map((m, i) => {
      ar = 0.6 * ar + 0.12 * rng.normal();
      return trend(i) + seasonal[m.month - 1]! + 0.15 + ar;
    });
    const dens = cohortDens(months, spec.leeds, rng, `${measure.id} Leeds`);
    const realAt = new Map<number, RealFigure>();
    for (const [label, real] of Object.entries(spec.leeds.real ?? {})) {
      const i = months.findIndex((m) => m.label === label);
      if (i < 0) throw new Error(`${measure.id}: real month ${label} is outside the range`);
      realAt.set(i, real);
    }
    bendThrough(p, realAt);
    // Real annual figures: shift the free months of November–January to average to them.
    const triple = (y: number) => [monthIndex(y, 11), monthIndex(y, 12), monthIndex(y + 1, 1)];
    const trackerYears = annualPeriods.filter((label) => Number(label) >= TRACKER_FIRST_YEAR);
    for (const label of trackerYears) {
      const real = annualSpec.real?.[label];
      if (!real) continue;
      const t = triple(Number(label));
      const free = t.filter((i) => !realAt.has(i));
      const gap = 3 * Number(real.value) - t.reduce((a, i) => a + (realAt.has(i) ? Number(realAt.get(i)!.precise ?? realAt.get(i)!.value) : p[i]!), 0);
      for (const i of free) p[i]! += gap / free.length;
    }
    const city: Cell[] = months.map((m, i) => {
      const real = realAt.get(i);
      const den = real?.den ?? dens[i]!;
      let num: number;
      if (real?.num !== undefined) num = real.num;
      else if (real) num = findNumerator(den, real, dec, 100, `${measure.id} ${m.label}`);
      else num = Math.round((p[i]! * den) / 100);
      return { area: this.leeds, period: m.label, value: ratioScaled(num, den, 100, dec), numerator: num, denominator: den, note: real ? real.note : ILLUSTRATIVE };
    });
    // Annual: the average of November–January; real years made exact by adjusting a free month.
    const fromMonths: Cell[] = trackerYears.map((label) => {
      const t = triple(Number(label));
      const sumNum = () => t.reduce((a, i) => a + city[i]!.numerator!, 0);
      const den = Math.round(t.reduce((a, i) => a + city[i]!.denominator!, 0) / 3);
      const real = annualSpec.real?.[label];
      let num = Math.round(sumNum() / 3);
      if (real) {
        num = findNumerator(den, real, neet.decimals, 100, `neet ${label}`);
        const free = [t[1]!, t[2]!, t[0]!].find((i) => !realAt.has(i)); // December if it is free
        if (free === undefined) throw new Error(`neet ${label}: no free month to adjust`);
        const cell = city[free]!;
        cell.numerator = cell.numerator! + (3 * num - sumNum());
        cell.value = ratioScaled(cell.numerator, cell.denominator!, 100, dec);
      }
      return { area: this.leeds, period: label, value: ratioScaled(num, den, 100, neet.decimals), numerator: num, denominator: den, note: real ? real.note : ILLUSTRATIVE };
    });
    this.put(measure.id, this.leeds, city.slice(0, months.length - 1));
    this.put('neet', this.leeds, [...direct.filter((c) => Number(c.period) < TRACKER_FIRST_YEAR), ...fromMonths]);
    const c = spec.clusters!;
    const effects = this.clusterEffects(measure.id, months.length, c, 0.9);
    const clusters = city.map((cell, i) => this.splitCity(measure, cell, c, TRACKER_FIRST_YEAR - FIRST_YEAR + i / 12, effects.map((e) => e[i]!)));
    this.neetMonths = { city, clusters };
    this.putClusters(measure.id, clusters.slice(0, months.length - 1));
  }

  private neetAnnual(measure: Measure, spec: MeasureSpec): void {
    const months = this.neetMonths;
    if (!months) throw new Error('neet: the monthly tracker must be generated first');
    for (const role of ['england', 'region', 'neighbours'] as const) {
      const s = spec[role];
      const area = this.roleArea[role];
      if (s && area) this.put(measure.id, area.name, this.annualSeries(measure, area.name, s));
    }
    const city = this.get(measure.id, this.leeds);
    const early = this.clusterEffects(measure.id, city.length, spec.clusters!, 0.6);
    const perPeriod = city.map((cell, k) => {
      const y = Number(cell.period);
      if (y < TRACKER_FIRST_YEAR) return this.splitCity(measure, cell, spec.clusters!, this.yearsAt(measure, cell.period), early.map((e) => e[k]!));
      const t = [(y - TRACKER_FIRST_YEAR) * 12 + 10, (y - TRACKER_FIRST_YEAR) * 12 + 11, (y - TRACKER_FIRST_YEAR + 1) * 12];
      const nums = apportion(cell.numerator!, this.clusters.map((_, i) => t.reduce((a, m) => a + months.clusters[m]![i]!.numerator!, 0)));
      const dens = apportion(cell.denominator!, this.clusters.map((_, i) => t.reduce((a, m) => a + months.clusters[m]![i]!.denominator!, 0)));
      return this.clusters.map((cl, i): Cell => ({
        area: cl.name,
        period: cell.period,
        value: ratioScaled(nums[i]!, dens[i]!, 100, measure.decimals),
        numerator: nums[i]!,
        denominator: dens[i]!,
        note: ILLUSTRATIVE,
      }));
    });
    this.putClusters(measure.id, perPeriod);
  }

  /** NEET "not known": a monthly percentage of the same cohort as the NEET tracker, Leeds only. */
  private notKnownMonthly(measure: Measure, spec: MeasureSpec): void {
    if (measure.periodType !== 'month' || measure.unit.kind !== 'percent') throw new Error(`${measure.id}: expected a monthly percentage`);
    const months = monthsFrom(TRACKER_FIRST_YEAR, LAST_YEAR);
    const labels = months.map((m) => m.label);
    const cohort = this.get('neet-monthly', this.leeds);
    const trend = curveThrough(labels, spec.leeds.guide ?? {}, `${measure.id} Leeds`);
    const rng = this.rng(`${measure.id}/Leeds/path`);
    // Highest in the autumn, when last year's leavers move on and have to be found again.
    const seasonal = [0.1, 0, -0.1, -0.2, -0.3, -0.3, 0.1, 0.4, 1.2, 0.8, 0.3, 0.2];
    let ar = 0;
    const p = months.map((m, i) => {
      ar = 0.6 * ar + 0.15 * rng.normal();
      return trend(i) + seasonal[m.month - 1]! - 0.15 + ar;
    });
    const realAt = new Map<number, RealFigure>();
    for (const [label, real] of Object.entries(spec.leeds.real ?? {})) realAt.set(labels.indexOf(label), real);
    bendThrough(p, realAt);
    this.put(
      measure.id,
      this.leeds,
      months.map((m, i): Cell => {
        const den = cohort[i]!.denominator!;
        const real = realAt.get(i);
        const num = real ? findNumerator(den, real, measure.decimals, 100, `${measure.id} ${m.label}`) : Math.round((p[i]! * den) / 100);
        return { area: this.leeds, period: m.label, value: ratioScaled(num, den, 100, measure.decimals), numerator: num, denominator: den, note: real ? real.note : ILLUSTRATIVE };
      }),
    );
  }

  /** Eligible pupils not taking free school meals: the counts behind the primary and secondary uptake. */
  private fsmNotTaken(measure: Measure): void {
    const primary = this.get('fsm-uptake-primary', this.leeds);
    const secondary = this.get('fsm-uptake-secondary', this.leeds);
    this.put(
      measure.id,
      this.leeds,
      periodsOf(measure).map((period): Cell => {
        const p = primary.find((c) => c.period === period);
        const s = secondary.find((c) => c.period === period);
        if (!p?.denominator || !s?.denominator) throw new Error(`${measure.id} ${period}: no uptake counts`);
        const value = p.denominator - p.numerator! + (s.denominator - s.numerator!);
        return { area: this.leeds, period, value, note: 'illustrative (eligible pupils less those taking a meal, from the uptake counts)' };
      }),
    );
  }

  // --- suppression -----------------------------------------------------------------------------

  /**
   * Published cluster figures (not the internal weekly/monthly trackers) with a count or
   * numerator of 1 to 5 are shown as `c`. The generated figures stay in the cells, so the
   * clusters still reconcile with the city.
   */
  private applySuppression(): void {
    for (const [id, byArea] of this.cells) {
      const measure = this.measure(id);
      if (measure.role === 'tracker') continue;
      for (const cluster of this.clusters) {
        for (const cell of byArea.get(cluster.name) ?? []) {
          if (cell.value === null) continue;
          const n = measure.unit.kind === 'count' ? cell.value : cell.numerator;
          if (n !== undefined && n >= 1 && n <= 5) cell.suppressed = true;
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Drawing figures

/**
 * An illustrative numerator around the guide `g` (in the measure's unit) over `den`: binomial
 * sampling error for a percentage (times the design effect) or Poisson for a rate's count (times
 * the dispersion), plus the year-to-year variation of the process.
 */
function drawNumerator(measure: Measure, g: number, den: number, s: SeriesSpec, z: number): number {
  if (measure.unit.kind === 'percent') {
    const p = Math.min(0.999, Math.max(0.001, g / 100));
    const sd = Math.sqrt(((s.deff ?? 1) * p * (1 - p)) / den + ((s.process ?? 0) / 100) ** 2);
    return Math.min(den, Math.max(0, Math.round(den * (p + sd * z))));
  }
  const per = measure.unit.kind === 'rate' ? measure.unit.per : 1;
  const lambda = (g * den) / per;
  const sd = Math.sqrt((s.dispersion ?? 1) * lambda + ((s.process ?? 0) * lambda) ** 2);
  return Math.max(0, Math.round(lambda + sd * z));
}

interface MonthInfo {
  label: string;
  year: number;
  month: number;
}

/** January of `from` to January of `to` when `to` is beyond LAST_YEAR (the 2015 NEET average needs January 2016), else to December of `to`. */
function monthsFrom(from: number, to: number): MonthInfo[] {
  const months: MonthInfo[] = [];
  for (let y = from; y <= to; y++) {
    for (let m = 1; m <= 12; m++) {
      if (y > LAST_YEAR && m > 1) break;
      months.push({ label: `${y}-${pad2(m)}`, year: y, month: m });
    }
  }
  return months;
}

/** A monthly cohort from guides by academic year, with a little noise. */
function cohortDens(months: readonly MonthInfo[], s: SeriesSpec, rng: Rng, where: string): number[] {
  const years = Object.keys(s.den ?? {});
  const curve = curveThrough(years, s.den ?? {}, where);
  return months.map((m) => {
    const label = splitYearLabel(m.month >= 9 ? m.year : m.year - 1);
    const k = years.indexOf(label);
    if (k < 0) throw new Error(`${where}: no cohort guide for ${label}`);
    return Math.round(curve(k) * (1 + 0.004 * rng.normal()));
  });
}

/** Bends a monthly path smoothly (over three months either side) through the real months. */
function bendThrough(p: number[], realAt: ReadonlyMap<number, RealFigure>): void {
  for (const [i, real] of realAt) {
    const delta = Number(real.precise ?? real.value) - p[i]!;
    for (let j = Math.max(0, i - 3); j <= Math.min(p.length - 1, i + 3); j++) p[j]! += delta * (1 - Math.abs(j - i) / 4);
  }
}

// ---------------------------------------------------------------------------------------------
// Fitting counts to published figures

/** A numerator that, over `den`, shows the real figure (and its more precise form, if given). */
function findNumerator(den: number, real: RealFigure, dec: number, mult: number, where: string): number {
  const text = real.precise ?? real.value;
  const places = (text.split('.')[1] ?? '').length;
  const wanted = parseScaled(text, Math.max(places, 0));
  const guess = Math.round((Number(text) * den) / mult);
  for (let d = 0; d <= 50; d++) {
    for (const n of d === 0 ? [guess] : [guess - d, guess + d]) {
      if (n >= 0 && n <= den * (mult === 100 ? 1 : Infinity) && ratioScaled(n, den, mult, places) === wanted) {
        if (ratioScaled(n, den, mult, dec) === parseScaled(real.value, dec)) return n;
      }
    }
  }
  throw new Error(`${where}: no numerator over ${den} shows ${text}`);
}

/** Numerator and denominator near a published rounded denominator that show the real figure. */
function fitNear(real: RealFigure, dec: number, mult: number, where: string): { num: number; den: number } {
  const near = real.denNear!;
  for (let d = 0; d <= 2; d++) {
    for (const den of d === 0 ? [near] : [near - d, near + d]) {
      try {
        return { num: findNumerator(den, real, dec, mult, where), den };
      } catch {
        // try the next denominator
      }
    }
  }
  throw new Error(`${where}: no counts near ${near} show ${real.value}`);
}

/** A population that, under a published count, shows the published rate (closest to count ÷ rate). */
function findDenominator(num: number, shown: number, dec: number, mult: number, where: string): number {
  const guess = Math.round((num * mult * 10 ** dec) / shown);
  for (let d = 0; d <= 1000; d++) {
    for (const den of d === 0 ? [guess] : [guess - d, guess + d]) {
      if (den > 0 && ratioScaled(num, den, mult, dec) === shown) return den;
    }
  }
  throw new Error(`${where}: no population gives ${formatScaled(shown, dec)}`);
}

// ---------------------------------------------------------------------------------------------
// Output

/** All series of the plan, generated (cells keep the figures behind any `c`). */
export function generateSeries(plan: Plan, seed: number = DATA_SEED): SeriesTable[] {
  return new Generator(plan, seed).run();
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One measure's CSV text (UTF-8, LF line ends, header first). */
export function seriesCsv(table: SeriesTable): string {
  const { measure } = table;
  const lines = [HEADER];
  for (const cell of table.cells) {
    const shown = cell.suppressed ? 'c' : cell.value === null ? cell.marker! : formatScaled(cell.value, measure.decimals);
    const counts = measure.unit.kind !== 'count' && cell.value !== null;
    const numerator = counts && !cell.suppressed && cell.numerator !== undefined ? String(cell.numerator) : '';
    const denominator = counts && cell.denominator !== undefined ? String(cell.denominator) : '';
    lines.push(
      [measure.id, cell.area, cell.period, shown, numerator, denominator, cell.status ?? '', cell.note].map(csvField).join(','),
    );
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Every English authority: real children looked after figures, for quartiles and ranks

export interface AuthorityRow {
  laCode: string;
  code: string;
  name: string;
  /** Children looked after at 31 March, by year (2010–2015); absent where the file has no row. */
  lookedAfter: Partial<Record<number, number>>;
  /** Mid-2009 population aged 0–17, published with the 2010 count. */
  pop2009: number;
}

/** The transcribed table of every upper-tier authority (the city included), in its order. */
export function authorityTable(): AuthorityRow[] {
  const records = parseCsv(AUTHORITY_TABLE, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((r) => {
    const lookedAfter: Partial<Record<number, number>> = {};
    for (let y = 2010; y <= 2015; y++) if (r[`cla_${y}`] !== '') lookedAfter[y] = Number(r[`cla_${y}`]);
    return { laCode: r['la_code']!, code: r['code']!, name: r['name']!, lookedAfter, pop2009: Number(r['pop_0_17_mid2009']) };
  });
}

/** The other authorities as areas of type `authority` (the plan's city, which is one, left out). */
export function authorityAreas(plan: Plan): Area[] {
  const city = plan.areas.find((a) => a.type === 'city');
  return authorityTable()
    .filter((r) => r.code !== city?.code && r.name !== city?.name)
    .map((r) => ({
      name: r.name,
      type: 'authority' as const,
      code: r.code,
      aliases: [...(CLASHING_LA_CODES.includes(r.laCode) ? [] : [r.laCode]), ...(AUTHORITY_ALIASES[r.name] ?? [])],
    }));
}

/**
 * The authorities' files (`looked-after.csv`, `looked-after-rate.csv`) in the native format:
 * every authority but the city, whose figures are in the main series.
 */
export function generateAuthorityFiles(plan: Plan): Map<string, string> {
  const names = new Set(authorityAreas(plan).map((a) => a.name));
  const rows = authorityTable().filter((r) => names.has(r.name));
  const measure = (id: string) => {
    const m = plan.measures.find((x) => x.id === id);
    if (!m) throw new Error(`the plan has no measure "${id}" for the authorities' figures`);
    return m;
  };
  const column: Record<number, string> = { 2010: 'MarTotal_2010', 2011: 'CLA_Mar2011', 2012: 'CLA_Mar2012', 2013: 'CLA_Mar2013', 2014: 'CLA_Mar2014', 2015: 'CLA_Mar2015' };
  const count = measure('looked-after');
  const counts: Cell[] = rows.flatMap((r) =>
    Object.entries(r.lookedAfter).map(([y, v]): Cell => ({
      area: r.name,
      period: `${y}-03-31`,
      value: v!,
      note: `real: ${SFR[Number(y) as keyof typeof SFR]} (${column[Number(y)]}), all authorities`,
    })),
  );
  const rate = measure('looked-after-rate');
  const rates: Cell[] = rows
    .filter((r) => r.lookedAfter[2010] !== undefined)
    .map((r) => ({
      area: r.name,
      period: '2010-03-31',
      value: ratioScaled(r.lookedAfter[2010]!, r.pop2009, 10000, rate.decimals),
      numerator: r.lookedAfter[2010]!,
      denominator: r.pop2009,
      note: `real: computed from ${SFR[2010]} (MarTotal_2010 / Mid2009Pop0-17), all authorities`,
    }));
  return new Map([
    [`${count.id}.csv`, seriesCsv({ measure: count, periods: [], cells: counts })],
    [`${rate.id}.csv`, seriesCsv({ measure: rate, periods: [], cells: rates })],
  ]);
}

/** The dataset: file name (`<measure-id>.csv`) → CSV text, in plan order. */
export function generateDataset(plan: Plan, seed: number = DATA_SEED): Map<string, string> {
  const files = new Map<string, string>();
  for (const table of generateSeries(plan, seed)) files.set(`${table.measure.id}.csv`, seriesCsv(table));
  return files;
}

// ---------------------------------------------------------------------------------------------
// Script

export function main(argv: readonly string[]): number {
  let out = 'data/series';
  let authoritiesOut = 'data/authorities';
  let planFile = 'data/plan.yaml';
  let seed = DATA_SEED;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--out') out = next();
    else if (arg === '--authorities-out') authoritiesOut = next();
    else if (arg === '--plan') planFile = next();
    else if (arg === '--seed') {
      seed = Number(next());
      if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error('--seed must be a whole number from 0 to 4294967295');
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: node dist/src/tools/generate-data.js [--out data/series] [--authorities-out data/authorities] [--plan data/plan.yaml] [--seed N]\n');
      return 0;
    } else throw new Error(`unknown option ${arg}; try --help`);
  }
  const plan = parsePlan(readFileSync(planFile, 'utf8'), planFile);
  const files = generateDataset(plan, seed);
  mkdirSync(out, { recursive: true });
  let rows = 0;
  for (const [name, text] of files) {
    writeFileAtomic(join(out, name), text);
    rows += text.split('\n').length - 2;
  }
  process.stdout.write(`wrote ${files.size} files, ${rows} rows, to ${out} (seed ${seed})\n`);
  const authorities = generateAuthorityFiles(plan);
  mkdirSync(authoritiesOut, { recursive: true });
  let authorityRows = 0;
  for (const [name, text] of authorities) {
    writeFileAtomic(join(authoritiesOut, name), text);
    authorityRows += text.split('\n').length - 2;
  }
  process.stdout.write(`wrote ${authorities.size} files, ${authorityRows} rows of real figures for every other authority, to ${authoritiesOut}\n`);
  return 0;
}

/** Whether this module is the script node was asked to run (not imported by a test or a tool). */
function isMain(): boolean {
  const invoked = process.argv[1];
  if (!invoked) return false;
  try {
    return resolve(realpathSync(invoked)) === resolve(realpathSync(fileURLToPath(import.meta.url)));
  } catch {
    return false;
  }
}

if (isMain()) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`generate-data: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
