/**
 * PRESETS: ready-made source mappings for the standard published files, so a user names the
 * preset and the file instead of writing columns:
 *
 * ```yaml
 * sources:
 *   - { preset: dfe-ees-cla-number, file: cla_number_and_rate.csv, measure: looked-after }
 * ```
 *
 * A preset fills in every field of the mapping but `file:`; fields written beside it win, and a
 * `filter:` written beside it is added to the preset's. Each preset also says which plan measure
 * it suits (for `oba init`) and which header columns identify its file (for `oba validate --data`).
 * Periods follow from the measure and the file's own `time_identifier` (see
 * `formatFromTimeIdentifier`), so no preset needs a `periodFormat`.
 */
import type { Frequency, PeriodType } from '../plan/types.js';
import { areaKey } from './areas.js';

export interface PresetMeasure {
  id: string;
  title: string;
  unit: 'count' | 'percent' | 'rate-per-1000' | 'rate-per-10000' | 'rate-per-100000';
  polarity: 'higher-is-better' | 'lower-is-better';
  period: PeriodType;
  frequency?: Frequency;
  decimals: number;
  source: string;
  definition?: string;
}

export interface Preset {
  name: string;
  /** The published file it reads, in words. */
  title: string;
  /** The plan measure it suits; `measure:` beside the preset names another. */
  measure: PresetMeasure;
  /** Mapping fields, as they would be written in `sources:`. */
  mapping: Record<string, unknown>;
  /** Header names (ignoring case and spaces) that together identify the file. */
  signature: string[];
  /** The row holding the header, when not the first. */
  headerRow?: number;
}

const EES_AREA = ['new_la_code', 'region_code', 'country_code'];
const CLA_ON_31_MARCH = { population_type: 'Children looked after on 31 March each year' };
const CLA_SIGNATURE = ['time_period', 'time_identifier', 'population_type', 'children_count', 'rate_per_10000'];
const NCCIS_SIGNATURE = ['time_period', 'Age', 'NEET_percent', 'Notknown_percent', 'NEET_not_known_percent'];
const NCCIS_NOTE = 'NCCIS definition from 2021 - age 16-17, December-February average';

export const PRESETS: readonly Preset[] = [
  {
    name: 'dfe-ees-cla-number',
    title: 'DfE Explore Education Statistics: children looked after at 31 March, number and rate per 10,000, by local authority',
    measure: {
      id: 'looked-after',
      title: 'Children looked after at 31 March',
      unit: 'count',
      polarity: 'lower-is-better',
      period: 'date',
      frequency: 'annual',
      decimals: 0,
      source: 'DfE, Children looked after in England including adoptions (SSDA903), year ending 31 March',
      definition: 'Children looked after by the local authority at 31 March. Lower is better when reached safely and appropriately.',
    },
    mapping: { filter: CLA_ON_31_MARCH, columns: { area: EES_AREA, period: 'time_period', value: 'children_count' } },
    signature: CLA_SIGNATURE,
  },
  {
    name: 'dfe-ees-cla-rate',
    title: 'DfE Explore Education Statistics: children looked after at 31 March, number and rate per 10,000, by local authority',
    measure: {
      id: 'looked-after-rate',
      title: 'Children looked after per 10,000 children aged under 18',
      unit: 'rate-per-10000',
      polarity: 'lower-is-better',
      period: 'date',
      frequency: 'annual',
      decimals: 0,
      source: 'DfE, Children looked after in England including adoptions; ONS mid-year population estimates',
    },
    mapping: {
      filter: CLA_ON_31_MARCH,
      columns: { area: EES_AREA, period: 'time_period', value: 'rate_per_10000', numerator: 'children_count', denominator: 'population_estimate' },
    },
    signature: CLA_SIGNATURE,
  },
  {
    name: 'dfe-nccis-neet',
    title: 'DfE NCCIS: 16-17 year olds not in education, employment or training (NEET) and not known, by local authority',
    measure: {
      id: 'neet',
      title: 'Young people aged 16-17 not in education, employment or training (December-February average)',
      unit: 'percent',
      polarity: 'lower-is-better',
      period: 'calendar-year',
      decimals: 1,
      source: 'DfE, NEET and participation: local authority figures (NCCIS)',
    },
    mapping: { note: NCCIS_NOTE, filter: { Age: '16-17' }, columns: { area: ['new_la_code', 'region_name', 'country_name'], period: 'time_period', value: 'NEET_percent' } },
    signature: NCCIS_SIGNATURE,
  },
  {
    name: 'dfe-nccis-not-known',
    title: 'DfE NCCIS: 16-17 year olds whose activity is not known, by local authority',
    measure: {
      id: 'neet-not-known',
      title: 'Young people aged 16-17 whose activity is not known (December-February average)',
      unit: 'percent',
      polarity: 'lower-is-better',
      period: 'calendar-year',
      decimals: 1,
      source: 'DfE, NEET and participation: local authority figures (NCCIS)',
    },
    mapping: { note: NCCIS_NOTE, filter: { Age: '16-17' }, columns: { area: ['new_la_code', 'region_name', 'country_name'], period: 'time_period', value: 'Notknown_percent' } },
    signature: NCCIS_SIGNATURE,
  },
  {
    name: 'dfe-ees-absence-cla',
    title: 'DfE Explore Education Statistics: pupil absence of children in need and looked after, by local authority',
    measure: {
      id: 'looked-after-absence',
      title: 'Overall absence of children looked after for a year or more',
      unit: 'percent',
      polarity: 'lower-is-better',
      period: 'academic-year',
      decimals: 1,
      source: 'DfE, Outcomes for children in need, including children looked after (pupil absence)',
    },
    mapping: {
      filter: { social_care_group: 'CLA 12 months at 31 March', phase_type_grouping: 'Total', absence_terms: 'six half terms' },
      columns: { area: EES_AREA, period: 'time_period', value: 'pt_overall', numerator: 't_sess_overall', denominator: 't_sess_possible' },
    },
    signature: ['time_period', 'social_care_group', 'absence_terms', 'pt_overall', 't_sess_possible'],
  },
  {
    name: 'dfe-ees-ks4-cla',
    title: 'DfE Explore Education Statistics: key stage 4 outcomes of children in need and looked after, by local authority',
    measure: {
      id: 'looked-after-ks4-basics',
      title: 'Children looked after achieving grade 4 or above in English and maths at key stage 4',
      unit: 'percent',
      polarity: 'higher-is-better',
      period: 'academic-year',
      decimals: 1,
      source: 'DfE, Outcomes for children in need, including children looked after (key stage 4)',
    },
    mapping: {
      filter: { social_care_group: 'CLA 12 months at 31 March' },
      columns: { area: EES_AREA, period: 'time_period', value: 'pt_l2basics_94', numerator: 't_l2basics_94', denominator: 't_pupils' },
    },
    signature: ['time_period', 'social_care_group', 'avg_att8', 'pt_l2basics_94'],
  },
  {
    name: 'ons-conceptions-under18',
    title: 'ONS conceptions in England and Wales, table 6: under-18 conceptions by local authority, saved as CSV',
    measure: {
      id: 'under-18-conceptions',
      title: 'Under-18 conceptions per 1,000 females aged 15-17',
      unit: 'rate-per-1000',
      polarity: 'lower-is-better',
      period: 'calendar-year',
      decimals: 1,
      source: 'ONS, Conceptions in England and Wales, table 6',
    },
    mapping: {
      headerRow: 6,
      // "20175" is 2017 with footnote 5 glued on; each year heads a block of 9 columns.
      wide: { pattern: '^(\\d{4})\\d?$' },
      columns: { area: 1, value: { offset: 1 }, status: { offset: 2 }, numerator: { offset: 0 } },
    },
    signature: ['Area of usual residence'],
    headerRow: 6,
  },
  {
    name: 'fingertips',
    title: 'OHID Fingertips: an indicator\'s data exported as CSV (any indicator)',
    measure: {
      id: 'fingertips-indicator',
      title: 'A Fingertips indicator',
      unit: 'percent',
      polarity: 'lower-is-better',
      period: 'calendar-year',
      decimals: 1,
      source: 'OHID, Public health profiles (Fingertips)',
    },
    mapping: {
      // Rows with a category (deprivation deciles, ethnic groups) are breakdowns, not the area's own figure.
      filter: { 'Category Type': '' },
      columns: {
        area: 'Area Code',
        period: 'Time period',
        value: 'Value',
        lower: 'Lower CI 95.0 limit',
        upper: 'Upper CI 95.0 limit',
        numerator: 'Count',
        denominator: 'Denominator',
      },
    },
    signature: ['Indicator ID', 'Area Code', 'Time period', 'Value', 'Lower CI 95.0 limit'],
  },
];

export const PRESET_NAMES: readonly string[] = PRESETS.map((p) => p.name);

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name.trim().toLowerCase());
}

/**
 * A mapping entry with its preset filled in: the preset's fields, then the entry's own (which
 * win), with the two `filter:`s joined. `measure:` defaults to the preset's measure.
 */
export function expandPreset(preset: Preset, entry: Record<string, unknown>): Record<string, unknown> {
  const { preset: _name, ...own } = entry;
  const out: Record<string, unknown> = { measure: preset.measure.id, ...structuredClone(preset.mapping), ...own };
  const ownFilter = own['filter'];
  const presetFilter = preset.mapping['filter'];
  if (presetFilter && ownFilter && typeof ownFilter === 'object' && !Array.isArray(ownFilter)) out['filter'] = { ...(presetFilter as object), ...ownFilter };
  return out;
}

/** The presets whose header columns a file has, from its first rows (each a list of cells). */
export function recognise(rows: readonly (readonly string[])[]): Preset[] {
  return PRESETS.filter((p) => {
    const header = rows[(p.headerRow ?? 1) - 1];
    if (!header) return false;
    // Column names compared as area names are: trimmed, spaces collapsed, any case.
    const have = new Set(header.map(areaKey));
    return p.signature.every((s) => have.has(areaKey(s)));
  });
}

/**
 * The period format a file's own EES `time_identifier` gives, for a measure, where that is
 * unambiguous: a "Reporting year" of DfE children's social care is the year to 31 March, so
 * 2025 is the snapshot at 31 March 2025 for a measure taken on a date, and 2024/25 for a
 * financial-year measure. Other identifiers ("Academic year" 202425, "Calendar year" 2021)
 * read as they are.
 */
export function formatFromTimeIdentifier(identifier: string, measure: { periodType: PeriodType; frequency: Frequency }): 'year-ending-march' | 'financial-end' | undefined {
  if (identifier.trim().toLowerCase() !== 'reporting year') return undefined;
  if (measure.periodType === 'date' && measure.frequency === 'annual') return 'year-ending-march';
  if (measure.periodType === 'financial-year') return 'financial-end';
  return undefined;
}
