/**
 * Reading one value cell: a number, or a typed missing-value marker, plus status flags.
 *
 * Official statistics conventions (METHODS.md §8; GSS guidance on symbols in tables):
 * - markers `c` (confidential/suppressed), `x` (not available; old `:`), `z` (not applicable),
 *   `low` (rounds to zero; old `~`), `u` (low reliability, no figure shown), `..` (not available,
 *   older tables), with or without square brackets (`[c]`, `[low]` …), in any case;
 * - spreadsheet errors published in a file (`#VALUE!`, `#DIV/0!`, `#N/A`, `#REF!` …) are read as
 *   the marker `error` with a warning: never as zero;
 * - status flags after a number: `[p]` provisional, `[r]` revised, `[e]` estimated, `[b]` break in
 *   series, `[f]` forecast, `[u]` low reliability, several allowed (`12.3 [p] [r]`), and the bare
 *   letters `p` and `r` as DfE writes them (`12.3 p`, `12.3p`);
 * - thousands separators (`1,437`) and a percent sign (`6.3%`).
 *
 * Rejected, with a reason: exponents (`1e400`), `NaN`, `Infinity`, hexadecimal, decimal commas,
 * bands (`90-99`), dates. `-0` is read as 0. A marker is never turned into 0.
 */
import type { MissingMarker, StatusFlag } from './types.js';
import { quote } from './issues.js';

/** No figure or marker is longer; a longer cell is refused before any pattern runs over it. */
export const MAX_VALUE_LENGTH = 64;

export const MISSING_MARKERS: readonly MissingMarker[] = ['c', 'x', 'z', 'low', 'u', '..', 'error'];
export const STATUS_FLAGS: readonly StatusFlag[] = ['p', 'r', 'e', 'b', 'f', 'u'];

export type ValueResult =
  | {
      ok: true;
      /** The number, or null when `missing` says why there is none. */
      value: number | null;
      missing?: MissingMarker;
      status: readonly StatusFlag[];
      /** The cell had a `%` sign (allowed only for percentage measures). */
      percentSign: boolean;
      /** Read, but worth telling the user about (a spreadsheet error, an empty cell read as a marker). */
      warning?: string;
    }
  | {
      ok: false;
      /** What is wrong: "expected X, got Y". */
      reason: string;
      /** What to do about it. */
      fix: string;
    };

export interface ValueOptions {
  /**
   * How an empty cell is read. Undefined (the native format): an error, "no value". A marker
   * (source mappings use `x`): that marker, with a warning.
   */
  empty?: MissingMarker;
  /** File-specific tokens read as markers, matched ignoring case and surrounding spaces, e.g. `{ NA: 'x', '.': 'z' }`. */
  markers?: Readonly<Record<string, MissingMarker>>;
}

const STANDARD_MARKERS: Readonly<Record<string, MissingMarker>> = {
  c: 'c',
  x: 'x',
  z: 'z',
  low: 'low',
  u: 'u',
  '..': '..',
  ':': 'x',
  '~': 'low',
};

/** A decimal number, optionally negative, with optional thousands separators in groups of three. */
const NUMBER = /^-?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)$/;

/**
 * The flags of a bare figure, shared by every one (most cells of a large file): frozen, so a
 * caller that tried to change one figure's flags would fail loudly, not change them all.
 */
const NO_STATUS: readonly StatusFlag[] = Object.freeze([]);

/** A figure with no separators, sign other than minus, spaces, flags or % sign. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

const EXCEL_ERROR = /^#(?:VALUE!|DIV\/0!|N\/A|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/** What the flag letters mean, for messages. */
export const STATUS_MEANINGS: Readonly<Record<StatusFlag, string>> = {
  p: 'provisional',
  r: 'revised',
  e: 'estimated',
  b: 'break in series',
  f: 'forecast',
  u: 'low reliability',
};

const FIGURE_OR_MARKER = 'write the figure, or a marker such as x (not available), c (suppressed) or z (not applicable)';

function lookupMarker(token: string, extra: Readonly<Record<string, MissingMarker>> | undefined): MissingMarker | undefined {
  const t = token.trim().toLowerCase();
  if (extra) {
    for (const [k, v] of Object.entries(extra)) if (k.trim().toLowerCase() === t) return v;
  }
  const bare = /^\[(.+)\]$/.exec(t);
  const key = bare ? bare[1]! : t;
  return Object.hasOwn(STANDARD_MARKERS, key) ? STANDARD_MARKERS[key] : undefined;
}

/** Splits trailing status flags off a cell: `12.3 [p][r]` → `12.3` + [p, r]; `12.3p` → `12.3` + [p]. */
function splitFlags(t: string): { rest: string; status: StatusFlag[] } | { reason: string; fix: string } {
  const status: StatusFlag[] = [];
  let rest = t;
  for (;;) {
    const m = /^(.*?)\s*\[([A-Za-z]+)\]$/.exec(rest);
    if (!m || m[1] === '') break;
    const flag = m[2]!.toLowerCase();
    if (!(STATUS_FLAGS as readonly string[]).includes(flag)) {
      return {
        reason: `expected a status flag such as [p], got [${m[2]}]`,
        fix: `use ${STATUS_FLAGS.map((f) => `[${f}] ${STATUS_MEANINGS[f]}`).join(', ')}`,
      };
    }
    status.unshift(flag as StatusFlag);
    rest = m[1]!;
  }
  const bare = /^(.*[\d%])\s*([pPrR])$/.exec(rest);
  if (bare) {
    status.unshift(bare[2]!.toLowerCase() as StatusFlag);
    rest = bare[1]!;
  }
  return { rest: rest.trim(), status: [...new Set(status)] };
}

/** Why a cell that is not a number was rejected, and what to do. */
function diagnose(t: string): { reason: string; fix: string } {
  const q = quote(t);
  if (/^[-+]?(?:nan|infinity|inf)$/i.test(t)) return { reason: `expected a number, got ${q}`, fix: FIGURE_OR_MARKER };
  if (/^[-+]?0x[0-9a-f]+$/i.test(t)) return { reason: `expected a decimal number, got the hexadecimal ${q}`, fix: 'write the number in decimal' };
  if (/^[-+]?(?:\d+\.?\d*|\.\d+)e[-+]?\d+$/i.test(t)) {
    return { reason: `expected a number written out in full, got ${q}, which has an exponent`, fix: 'write the digits without an exponent' };
  }
  if (/^\d+(?:\.\d+)?-\d+(?:\.\d+)?$/.test(t)) {
    return { reason: `expected a single figure, got the band ${q}`, fix: 'write the figure, or a marker such as x if only the band is published' };
  }
  if (/^\d{1,2}[/.-](?:\d{1,2}|[A-Za-z]{3,9})[/.-]\d{2,4}$/.test(t) || /^[A-Za-z]{3}-\d{2}$/.test(t)) {
    return { reason: `expected a number, got ${q}, which looks like a date`, fix: 'check the column, or format the cells as numbers before saving the CSV' };
  }
  if (/^-?\d{1,3}(?:\.\d{3})+,\d+$/.test(t) || /^-?\d+,\d{1,2}$/.test(t)) {
    return { reason: `expected a decimal point, got the decimal comma in ${q}`, fix: `write ${t.replace(/\./g, '').replace(',', '.')}` };
  }
  if (/^-?\d[\d,]*(?:\.\d+)?$/.test(t)) return { reason: `expected thousands separators in groups of three, got ${q}`, fix: 'write e.g. 1,437 or 1437' };
  if (/^\+\d/.test(t)) return { reason: `expected a number without a plus sign, got ${q}`, fix: `write ${t.slice(1)}` };
  return { reason: `expected a number such as 1437, 1,437 or 6.3%, or a marker such as x, c or z, got ${q}`, fix: FIGURE_OR_MARKER };
}

/**
 * Reads one value cell.
 *
 * @example parseValue('1,437') // { ok: true, value: 1437, status: [], percentSign: false }
 * @example parseValue('6.3% [p]') // { ok: true, value: 6.3, status: ['p'], percentSign: true }
 * @example parseValue('[c]') // { ok: true, value: null, missing: 'c', status: [], percentSign: false }
 * @example parseValue('1e400') // { ok: false, reason: 'expected a number written out in full, got "1e400"', fix: … }
 */
export function parseValue(text: string, options: ValueOptions = {}): ValueResult {
  // Most cells are a bare figure: read it without the marker and flag patterns.
  if (options.markers === undefined && text.length <= MAX_VALUE_LENGTH && PLAIN_NUMBER.test(text)) {
    const value = Number(text);
    return { ok: true, value: value === 0 ? 0 : value, status: NO_STATUS, percentSign: false };
  }
  const t = text.trim();
  if (t === '') {
    if (options.empty === undefined) {
      return { ok: false, reason: 'expected a value, got an empty cell', fix: `write the figure, or a marker such as x if the figure is not available` };
    }
    return {
      ok: true,
      value: null,
      missing: options.empty,
      status: [],
      percentSign: false,
      warning: `empty cell read as ${options.empty} (${markerMeaning(options.empty)})`,
    };
  }
  if (t.length > MAX_VALUE_LENGTH) {
    if (/^[-+]?[\d,.]+$/.test(t)) return { ok: false, reason: `expected a figure, got ${t.length} digits starting ${quote(t, 24)}, which is too large`, fix: 'check the cell' };
    return { ok: false, reason: `expected a number or a marker, got a cell of ${t.length} characters starting ${quote(t, 24)}`, fix: FIGURE_OR_MARKER };
  }
  const whole = lookupMarker(t, options.markers);
  if (whole !== undefined) return { ok: true, value: null, missing: whole, status: [], percentSign: false };
  if (EXCEL_ERROR.test(t)) {
    return {
      ok: true,
      value: null,
      missing: 'error',
      status: [],
      percentSign: false,
      warning: `the spreadsheet error ${t} is published in this cell; read as missing (error), not zero`,
    };
  }

  const split = splitFlags(t);
  if ('reason' in split) return { ok: false, reason: split.reason, fix: split.fix };
  const { rest, status } = split;
  const marker = lookupMarker(rest, options.markers);
  if (marker !== undefined) return { ok: true, value: null, missing: marker, status, percentSign: false };

  const percentSign = rest.endsWith('%');
  const body = percentSign ? rest.slice(0, -1).trimEnd() : rest;
  if (!NUMBER.test(body)) return { ok: false, ...diagnose(body) };
  const value = Number(body.replace(/,/g, ''));
  if (!Number.isFinite(value)) return { ok: false, reason: `expected a figure, got ${quote(body)}, which is too large`, fix: 'check the cell' };
  return { ok: true, value: value === 0 ? 0 : value, status, percentSign };
}

/**
 * Reads a `status` cell: flags separated by commas or spaces, bare (`p r`) or bracketed (`[p][r]`).
 *
 * @example parseStatus('p, r') // { ok: true, status: ['p', 'r'] }
 */
export function parseStatus(text: string): { ok: true; status: StatusFlag[] } | { ok: false; reason: string; fix: string } {
  const t = text.trim();
  if (t === '') return { ok: true, status: [] };
  const tokens = t.split(/[\s,;]+|(?<=\])(?=\[)/).filter((x) => x !== '');
  const status: StatusFlag[] = [];
  for (const token of tokens) {
    const bare = /^\[(.*)\]$/.exec(token);
    const flag = (bare ? bare[1]! : token).toLowerCase();
    if (!(STATUS_FLAGS as readonly string[]).includes(flag)) {
      return {
        ok: false,
        reason: `expected status flags such as p or [p], got ${quote(token)}`,
        fix: 'use p (provisional), r (revised), e (estimated), b (break in series), f (forecast), u (low reliability), separated by spaces or commas',
      };
    }
    if (!status.includes(flag as StatusFlag)) status.push(flag as StatusFlag);
  }
  return { ok: true, status };
}

export function markerMeaning(marker: MissingMarker): string {
  switch (marker) {
    case 'c':
      return 'confidential or suppressed';
    case 'x':
      return 'not available';
    case 'z':
      return 'not applicable';
    case 'low':
      return 'rounds to zero';
    case 'u':
      return 'low reliability';
    case '..':
      return 'not available';
    case 'error':
      return 'a spreadsheet error in the published file';
  }
}
