/**
 * The plan model: outcomes → priorities → indicators → measures, and the areas
 * data may be reported for. Loaded from a YAML file (`data/plan.yaml` by default)
 * and validated by `parsePlan`; these are the normalised shapes the rest of `oba` uses.
 */

/** What a value counts. Rates carry their multiplier (per 1,000 / 10,000 / 100,000). */
export type Unit =
  | { kind: 'count' }
  | { kind: 'percent' }
  | { kind: 'rate'; per: 1000 | 10000 | 100000 };

/** Which direction counts as better. `none` means no judgement is made. */
export type Polarity = 'higher' | 'lower' | 'none';

/** How a period is written and what span of time it covers. */
export type PeriodType =
  | 'calendar-year'
  | 'academic-year' // September to August
  | 'financial-year' // April to March
  | 'quarter' // calendar quarter
  | 'month'
  | 'week' // ISO 8601 week
  | 'date'; // a snapshot on a day, e.g. children looked after at 31 March

/** How often a measure is observed. Implied by the period type except for snapshot dates. */
export type Frequency = 'annual' | 'quarterly' | 'monthly' | 'weekly';

/** The role a measure plays on a report card. */
export type MeasureRole =
  | 'key' // a measure of one of the key indicators: drawn as a baseline on the report card
  | 'tracker' // a frequent management-information measure read by the weekly obsession tracker
  | 'performance'; // a service performance measure, shown in one of the three quadrants

/** The OBA performance-measure quadrants. */
export type Quadrant = 'how-much' | 'how-well' | 'better-off';

export interface Measure {
  id: string;
  title: string;
  /** Number of the indicator the measure belongs to (1–17 in the bundled plan). */
  indicator: number;
  role: MeasureRole;
  quadrant?: Quadrant;
  unit: Unit;
  polarity: Polarity;
  periodType: PeriodType;
  frequency: Frequency;
  /** Decimal places used when the value is shown. */
  decimals: number;
  source: string;
  definition?: string;
}

export interface Indicator {
  number: number;
  title: string;
  outcome: string; // outcome id
  priority: number; // priority number
  obsession: boolean;
  measures: Measure[];
}

export interface Priority {
  number: number;
  title: string;
  outcome: string;
  indicators: Indicator[];
}

export interface Outcome {
  id: string;
  title: string;
  priorities: Priority[];
}

/**
 * `city` is the area the plan is for; `authority` any other local authority (peers of the city
 * for quartiles and ranks); `cluster` a local area within the city.
 */
export type AreaType = 'city' | 'authority' | 'cluster' | 'national' | 'region' | 'comparator';

export const AREA_TYPES: readonly AreaType[] = ['city', 'authority', 'cluster', 'national', 'region', 'comparator'];

export interface Area {
  name: string;
  type: AreaType;
  code?: string;
  /** Other spellings and codes that mean this area in published files (matched case-insensitively). */
  aliases: string[];
}

export interface Plan {
  title: string;
  /** The place the plan is for; its name is an area of type `city`. */
  city: string;
  /** When the plan was agreed and when it ends, as ISO dates (YYYY-MM-DD). */
  start: string;
  end: string;
  outcomes: Outcome[];
  areas: Area[];
  /** Every measure of every indicator, in plan order. */
  measures: Measure[];
  /** Every indicator in number order. */
  indicators: Indicator[];
}
