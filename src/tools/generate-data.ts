/**
 * Generates the bundled Leeds dataset, 2008 to 2015: one tidy CSV per measure of the plan under
 * `data/series/`, in the native format (`measure,area,period,value,numerator,denominator,status,note`).
 *
 * REAL published figures are used wherever they exist (each row notes `real: <source>`; see
 * `data-gen/specs.ts` and data/README.md). Everything else is ILLUSTRATIVE, drawn by a seeded
 * generator (mulberry32, seed `DATA_SEED` below) around guide values that follow the narrative of
 * Leeds' own reports. The 25 clusters reconcile exactly with the city: cluster counts sum to the
 * Leeds count; cluster numerators and denominators sum to the Leeds numerator and denominator.
 *
 * The core (`generateSeries`, `generateDataset`) is pure: the same plan and seed give
 * byte-identical files on every run and every machine. The thin `main` writes the files:
 *
 *     npm run build && node dist/src/tools/generate-data.js [--out data/series] [--plan data/plan.yaml]
 */
import { writeFileAtomic } from '../io/write.js';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Area, Measure, Plan } from '../plan/types.js';
import { parsePlan } from '../plan/parse-plan.js';
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
import {
  apportion,
  calibrateLogitShift,
  formatScaled,
  logit,
  parseScaled,
  pchip,
  ratioScaled,
  roundScaled,
  sigmoid,
} from './data-gen/numbers.js';
import { Rng } from './data-gen/random.js';
import {
  GENERATION_ORDER,
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

/** First and last year covered. */
export const FIRST_YEAR = 2008;
export const LAST_YEAR = 2015;
const YEARS = LAST_YEAR - FIRST_YEAR + 1;

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
const HOLIDAY_NOTE = 'school holiday week (illustrative term dates)';

// ---------------------------------------------------------------------------------------------
// Periods

interface WeekInfo {
  label: string;
  monday: number;
}

function weeksCovered(): WeekInfo[] {
  const out: WeekInfo[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const first = isoWeekOneMonday(year);
    for (let w = 1; w <= isoWeeksInYear(year); w++) out.push({ label: weekLabel(year, w), monday: first + (w - 1) * 7 });
  }
  return out;
}

/** The canonical labels of a measure's periods, 2008 to 2015 at its natural frequency. */
export function periodsOf(measure: Measure): string[] {
  const out: string[] = [];
  switch (measure.periodType) {
    case 'calendar-year':
      for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) out.push(String(y));
      return out;
    case 'academic-year':
    case 'financial-year':
      for (let y = FIRST_YEAR - 1; y < LAST_YEAR; y++) out.push(splitYearLabel(y));
      return out;
    case 'quarter':
      for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) for (let q = 1; q <= 4; q++) out.push(`${y}-Q${q}`);
      return out;
    case 'month':
      for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) for (let m = 1; m <= 12; m++) out.push(`${y}-${pad2(m)}`);
      return out;
    case 'week':
      return weeksCovered().map((w) => w.label);
    case 'date':
      if (measure.frequency !== 'annual') throw new Error(`${measure.id}: the generator makes annual snapshot dates only`);
      for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) out.push(`${y}-03-31`);
      return out;
  }
}

// ---------------------------------------------------------------------------------------------
// The generator

type AreaRole = 'leeds' | 'england' | 'region' | 'neighbours';

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
    const specIds = new Set(Object.keys(SPECS));
    for (const m of plan.measures) {
      if (!specIds.has(m.id)) throw new Error(`no generator spec for measure "${m.id}": add one to src/tools/data-gen/specs.ts`);
    }
    for (const id of GENERATION_ORDER) {
      if (!this.measures.has(id)) throw new Error(`the generator needs measure "${id}", which the plan does not have`);
    }
  }

  run(): SeriesTable[] {
    for (const id of GENERATION_ORDER) this.generate(id);
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

  private get(id: string, area: string): Cell[] {
    const series = this.cells.get(id)?.get(area);
    if (!series) throw new Error(`${id}: no series for ${area} yet (check GENERATION_ORDER)`);
    return series;
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
        return; // clusters come from the weekly tracker
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
      default:
        this.annualAreas(measure, spec);
        if (spec.clusters) this.annualClusters(measure, spec.clusters);
    }
  }

  // --- annual series for the city and comparators ---------------------------------------------

  private annualAreas(measure: Measure, spec: MeasureSpec): void {
    for (const role of ['leeds', 'england', 'region', 'neighbours'] as const) {
      const s = spec[role];
      const area = this.roleArea[role];
      if (!s || !area) continue;
      this.put(measure.id, area.name, this.annualSeries(measure, area.name, s));
    }
  }

  private annualSeries(measure: Measure, area: string, s: SeriesSpec): Cell[] {
    const periods = periodsOf(measure);
    if (periods.length !== YEARS) throw new Error(`${measure.id}: annual series expected`);
    const rng = this.rng(`${measure.id}/${area}/annual`);
    const dec = measure.decimals;
    const mult = this.mult(measure);
    return periods.map((period, k) => {
      const z = rng.normal();
      const zd = rng.normal();
      const real = s.real?.[period];
      const where = `${measure.id} ${area} ${period}`;
      const target = (): number => {
        const t = s.target?.[k];
        if (t === undefined || t === 0) throw new Error(`${where}: no real figure and no guide value`);
        return t + (s.sd ?? 0) * z;
      };
      if (real?.value === 'c' || real?.value === 'x') {
        return { area, period, value: null, marker: real.value as Marker, note: real.note };
      }
      if (measure.unit.kind === 'count') {
        if (real) return { area, period, value: parseScaled(real.value, 0), note: real.note };
        const r = s.round ?? 1;
        return { area, period, value: Math.round(target() / r) * r, note: ILLUSTRATIVE };
      }
      if (s.valueOnly || real?.valueOnly) {
        const value = real ? parseScaled(real.value, dec) : roundScaled(target(), dec);
        return { area, period, value, note: real ? real.note : ILLUSTRATIVE };
      }
      // Numerator and denominator.
      let num: number | undefined = s.numFrom ? this.countAt(s.numFrom, area, k) : undefined;
      let den: number;
      if (real?.den !== undefined) den = real.den;
      else if (s.denFrom) den = this.denAt(s.denFrom, area, k);
      else if (real?.num !== undefined && !s.numFrom) den = 0; // derived below from the published rate
      else if (real?.denNear !== undefined) den = real.denNear; // refined below
      else {
        const guide = s.den?.[k];
        if (guide === undefined || guide === 0) throw new Error(`${where}: no denominator guide`);
        const r = s.denRound ?? 1;
        den = Math.round((guide * (1 + (s.denSd ?? 0.005) * zd)) / r) * r;
      }
      if (real) {
        const shown = parseScaled(real.value, dec);
        if (real.num !== undefined && den === 0) {
          num = real.num;
          den = findDenominator(num, shown, dec, mult, where);
        } else if (real.num !== undefined) {
          num = real.num;
        } else if (num === undefined) {
          const fit = real.denNear !== undefined
            ? fitNear(real, dec, mult, where)
            : { num: findNumerator(den, real, dec, mult, where), den };
          num = fit.num;
          den = fit.den;
        }
        const value = ratioScaled(num, den, mult, dec);
        if (value !== shown) throw new Error(`${where}: ${num}/${den} shows ${formatScaled(value, dec)}, not the real ${real.value}`);
        return { area, period, value, numerator: num, denominator: den, note: real.note };
      }
      if (num === undefined) num = Math.round((target() * den) / mult);
      return { area, period, value: ratioScaled(num, den, mult, dec), numerator: num, denominator: den, note: ILLUSTRATIVE };
    });
  }

  /** A count: the value of a count measure. */
  private countAt(id: string, area: string, k: number): number {
    const cell = this.get(id, area)[k];
    if (!cell || cell.value === null) throw new Error(`${id} ${area}: no count for period ${k}`);
    return cell.value;
  }

  /** A denominator: that of a ratio measure, or the value of a count measure (re-referrals ÷ referrals). */
  private denAt(id: string, area: string, k: number): number {
    const cell = this.get(id, area)[k];
    const den = this.measure(id).unit.kind === 'count' ? cell?.value : cell?.denominator;
    if (den === undefined || den === null) throw new Error(`${id} ${area}: no denominator for period ${k}`);
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

  /** Splits one city observation over the clusters. */
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

  private annualClusters(measure: Measure, c: ClusterSpec): void {
    const city = this.get(measure.id, this.leeds);
    const effects = this.clusterEffects(measure.id, city.length, c, 0.6);
    const perPeriod = city.map((cell, k) => {
      const years = k + (measure.periodType === 'date' ? 0.25 : 0.5);
      const fx = effects.map((e) => e[k]!);
      if (measure.id === 'looked-after-rate') {
        // Numerators: the clusters' children looked after at 31 March; populations apportioned.
        const counts = this.clusters.map((cl) => this.countAt('looked-after', cl.name, k));
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
      const shared = c.denFrom ? this.clusters.map((cl) => this.denAt(c.denFrom!, cl.name, k)) : undefined;
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
    const rng = this.rng(`${measure.id}/Leeds/path`);
    const annual = this.get('looked-after', this.leeds);
    const knots = new Map<number, { value: number; note: string }>();
    // The 31 March figures, at the week containing 31 March.
    annual.forEach((cell) => {
      const y = Number(cell.period.slice(0, 4));
      const w = isoWeekOf(daysFromCivil(y, 3, 31));
      knots.set(at(weekLabel(w.year, w.week)), { value: cell.value!, note: cell.note });
    });
    for (const [label, real] of Object.entries(spec.leeds.real ?? {})) {
      knots.set(at(label), { value: parseScaled(real.value, 0), note: real.note });
    }
    // Illustrative shape: January 2008 near the 1,340 of 2007; at most 1,358 on 1 November 2009 and
    // above 1,373 from late November 2009 until March 2013 (both March and June 2013 were "lower than
    // at any point since November 2009"), rising to March 2010; the end of 2015 heading for the 1,226
    // of March 2016.
    knots.set(at('2008-W01'), { value: Math.round(1334 + 3 * rng.normal()), note: ILLUSTRATIVE });
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
      ['2008-W01', '2015-W53', 0, 1475],
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
    const perWeek = leeds.map((cell, i) =>
      this.splitCity(measure, cell, c, (weeks[i]!.monday - daysFromCivil(FIRST_YEAR, 1, 1)) / 365.25, effects.map((e) => e[i]!)),
    );
    this.putClusters(measure.id, perWeek);

    // The annual 31 March clusters are the weekly clusters of the week containing 31 March.
    const annualClusters = annual.map((cell) => {
      const y = Number(cell.period.slice(0, 4));
      const w = isoWeekOf(daysFromCivil(y, 3, 31));
      const i = at(weekLabel(w.year, w.week));
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
    // Per academic year (2007/08 … 2015/16): pupils on roll and the combined attendance rate.
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
    const info = weeks.map((w) => {
      const days = schoolDaysInWeek(w.monday);
      const ay = academicYearOf(w.monday + 3) - (FIRST_YEAR - 1);
      return { days, ay };
    });
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

  /** Monthly cells from January 2008 to January 2016 (the last one feeds the 2015 annual average only). */
  private neetMonths: { city: Cell[]; clusters: Cell[][] } | undefined;

  private neetMonthly(measure: Measure, spec: MeasureSpec): void {
    if (measure.periodType !== 'month' || measure.unit.kind !== 'percent') throw new Error(`${measure.id}: expected a monthly percentage`);
    const dec = measure.decimals;
    const annualSpec = SPECS['neet']!.leeds;
    const annualPeriods = periodsOf(this.measure('neet'));
    const months: { label: string; year: number; month: number }[] = [];
    for (let y = FIRST_YEAR; y <= LAST_YEAR + 1; y++) {
      for (let m = 1; m <= 12; m++) {
        if (y > LAST_YEAR && m > 1) break;
        months.push({ label: `${y}-${pad2(m)}`, year: y, month: m });
      }
    }
    const monthIndex = (year: number, month: number) => (year - FIRST_YEAR) * 12 + (month - 1);
    const rng = this.rng(`${measure.id}/Leeds/path`);
    // Trend through the annual guides, placed at each December; 2007 guides the first months.
    const guides: [number, number][] = [[monthIndex(FIRST_YEAR - 1, 12), 9.0]];
    annualPeriods.forEach((label, k) => {
      const real = annualSpec.real?.[label];
      guides.push([monthIndex(Number(label), 12), real ? Number(real.value) : annualSpec.target![k]!]);
    });
    const trend = pchip(guides.map((g) => g[0]), guides.map((g) => g[1]));
    const seasonal = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.3, 0.2, 0.1, -0.2, -0.35, -0.15];
    let ar = 0;
    const p = months.map((m, i) => {
      ar = 0.6 * ar + 0.12 * rng.normal();
      return trend(i) + seasonal[m.month - 1]! + 0.15 + ar;
    });
    const dens = months.map((m) => {
      const ay = (m.month >= 9 ? m.year : m.year - 1) - (FIRST_YEAR - 1);
      const guide = spec.leeds.den![ay]!;
      return Math.round(guide * (1 + 0.004 * rng.normal()));
    });
    const realMonths = spec.leeds.real ?? {};
    const realAt = new Map<number, RealFigure>();
    for (const [label, real] of Object.entries(realMonths)) {
      const i = months.findIndex((m) => m.label === label);
      if (i < 0) throw new Error(`${measure.id}: real month ${label} is outside the range`);
      realAt.set(i, real);
    }
    // Bend the path smoothly through the real months.
    for (const [i, real] of realAt) {
      const delta = Number(real.precise ?? real.value) - p[i]!;
      for (let j = Math.max(0, i - 3); j <= Math.min(months.length - 1, i + 3); j++) p[j]! += delta * (1 - Math.abs(j - i) / 4);
    }
    // Real annual figures: shift the free months of November–January to average to them.
    const triple = (k: number) => {
      const y = Number(annualPeriods[k]);
      return [monthIndex(y, 11), monthIndex(y, 12), monthIndex(y + 1, 1)];
    };
    annualPeriods.forEach((label, k) => {
      const real = annualSpec.real?.[label];
      if (!real) return;
      const t = triple(k);
      const free = t.filter((i) => !realAt.has(i));
      const gap = 3 * Number(real.value) - t.reduce((a, i) => a + (realAt.has(i) ? Number(realAt.get(i)!.precise ?? realAt.get(i)!.value) : p[i]!), 0);
      for (const i of free) p[i]! += gap / free.length;
    });
    const city: Cell[] = months.map((m, i) => {
      const real = realAt.get(i);
      let den = real?.den ?? dens[i]!;
      let num: number;
      if (real?.num !== undefined) num = real.num;
      else if (real) num = findNumerator(den, real, dec, 100, `${measure.id} ${m.label}`);
      else num = Math.round((p[i]! * den) / 100);
      return { area: this.leeds, period: m.label, value: ratioScaled(num, den, 100, dec), numerator: num, denominator: den, note: real ? real.note : ILLUSTRATIVE };
    });
    // Annual: the average of November–January; real years made exact by adjusting a free month.
    const annual: Cell[] = annualPeriods.map((label, k) => {
      const t = triple(k);
      const sumNum = () => t.reduce((a, i) => a + city[i]!.numerator!, 0);
      const den = Math.round(t.reduce((a, i) => a + city[i]!.denominator!, 0) / 3);
      const real = annualSpec.real?.[label];
      let num = Math.round(sumNum() / 3);
      if (real) {
        num = findNumerator(den, real, 1, 100, `neet ${label}`);
        const free = [t[1]!, t[2]!, t[0]!].find((i) => !realAt.has(i)); // December if it is free
        if (free === undefined) throw new Error(`neet ${label}: no free month to adjust`);
        const cell = city[free]!;
        cell.numerator = cell.numerator! + (3 * num - sumNum());
        cell.value = ratioScaled(cell.numerator, cell.denominator!, 100, dec);
      }
      const annualMeasure = this.measure('neet');
      return {
        area: this.leeds,
        period: label,
        value: ratioScaled(num, den, 100, annualMeasure.decimals),
        numerator: num,
        denominator: den,
        note: real ? real.note : ILLUSTRATIVE,
      };
    });
    this.put(measure.id, this.leeds, city.slice(0, months.length - 1));
    this.put('neet', this.leeds, annual);
    const c = spec.clusters!;
    const effects = this.clusterEffects(measure.id, months.length, c, 0.9);
    const clusters = city.map((cell, i) => this.splitCity(measure, cell, c, i / 12, effects.map((e) => e[i]!)));
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
    const periods = periodsOf(measure);
    const perPeriod = periods.map((label, k) => {
      const y = Number(label);
      const t = [(y - FIRST_YEAR) * 12 + 10, (y - FIRST_YEAR) * 12 + 11, (y - FIRST_YEAR + 1) * 12];
      const cell = city[k]!;
      const nums = apportion(cell.numerator!, this.clusters.map((_, i) => t.reduce((a, m) => a + months.clusters[m]![i]!.numerator!, 0)));
      const dens = apportion(cell.denominator!, this.clusters.map((_, i) => t.reduce((a, m) => a + months.clusters[m]![i]!.denominator!, 0)));
      return this.clusters.map((cl, i): Cell => ({
        area: cl.name,
        period: label,
        value: ratioScaled(nums[i]!, dens[i]!, 100, measure.decimals),
        numerator: nums[i]!,
        denominator: dens[i]!,
        note: ILLUSTRATIVE,
      }));
    });
    this.putClusters(measure.id, perPeriod);
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
    else if (arg === '--plan') planFile = next();
    else if (arg === '--seed') {
      seed = Number(next());
      if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error('--seed must be a whole number from 0 to 4294967295');
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: node dist/src/tools/generate-data.js [--out data/series] [--plan data/plan.yaml] [--seed N]\n');
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
