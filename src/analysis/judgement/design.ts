/**
 * The terms of a baseline model: a level, a trend per year, and for weekly, monthly and
 * quarterly measures the season as pairs of sine and cosine terms (a Fourier series in the
 * time of year; Hyndman & Athanasopoulos, FPP3 §7.4 and §12.1), so the forecast follows the
 * season instead of a line through raw seasonal values.
 *
 * Time is counted in years from the baseline period, so the trend coefficient reads as a
 * change per year on the model scale (on the log scale, ln(1 + rate of change)).
 */
import type { Frequency } from '../../plan/types.js';

/** Sine/cosine pairs used for the season, by frequency (monthly: the full 11-term season). */
export const SEASON_HARMONICS: Record<Frequency, number> = { annual: 0, quarterly: 2, monthly: 6, weekly: 6 };

export interface ModelDesign {
  periodsPerYear: number;
  harmonics: number;
  /** The baseline period's time, in periods of the measure's frequency. */
  origin: number;
  /** Names of the terms, in column order. */
  terms: string[];
}

export function periodsPerYearOf(frequency: Frequency): number {
  return frequency === 'annual' ? 1 : frequency === 'quarterly' ? 4 : frequency === 'monthly' ? 12 : 365.2425 / 7;
}

export function makeDesign(frequency: Frequency, origin: number, seasonal = true): ModelDesign {
  const harmonics = seasonal ? SEASON_HARMONICS[frequency] : 0;
  const periodsPerYear = periodsPerYearOf(frequency);
  const terms = ['level', 'trend per year'];
  for (let k = 1; k <= harmonics; k++) {
    terms.push(`cos ${k}`);
    // At the Nyquist harmonic of a whole number of periods a year the sine is zero at every period.
    if (!(2 * k === periodsPerYear)) terms.push(`sin ${k}`);
  }
  return { periodsPerYear, harmonics, origin, terms };
}

/** The design row at time t (in periods of the measure's frequency). */
export function designRow(design: ModelDesign, t: number): number[] {
  const row = [1, (t - design.origin) / design.periodsPerYear];
  for (let k = 1; k <= design.harmonics; k++) {
    const angle = (2 * Math.PI * k * t) / design.periodsPerYear;
    row.push(Math.cos(angle));
    if (!(2 * k === design.periodsPerYear)) row.push(Math.sin(angle));
  }
  return row;
}

/** The deseasonalised part of a row: the same row with the season's terms at zero. */
export function trendRow(design: ModelDesign, t: number): number[] {
  return designRow(design, t).map((v, i) => (i < 2 ? v : 0));
}
