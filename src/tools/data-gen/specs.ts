/**
 * What the generator produces for each measure of the bundled plan: the REAL published figures
 * (each with a `real: <source>` note, cited in data/README.md) and, for everything else, the
 * guide values the seeded generator draws ILLUSTRATIVE figures around.
 *
 * Period keys are the canonical labels: calendar years `2013`; academic and financial years
 * `2012/13`; snapshot dates `2013-03-31`; months `2013-02`; ISO weeks `2013-W26`. Annual series
 * run from 2004 (2004/05; 31 March 2004) to 2015 (2014/15; 31 March 2015) unless `periods` says
 * otherwise; the weekly and monthly trackers from January 2006.
 *
 * A guide is the underlying course of an illustrative series, given at a few periods and joined
 * by a monotone curve through them (real figures count as guide points too). The published-looking
 * figure is drawn around it with the noise real data has: sampling error from the denominator
 * (binomial for percentages, Poisson for counts and rates, inflated by a design effect for
 * surveys) plus year-to-year variation of the process itself. Where the Leeds reports state an
 * exact change ("a four percentage point improvement", "12 per cent fewer"), a `pin` makes the
 * illustrative figure say exactly that.
 *
 * Guides follow what the seed documents say happened (Leeds council reports 2009–2013 and the
 * CYPP 2011-15 refresh 2013): children looked after peaking in March 2012 and then falling; NEET
 * falling from about 9% to about 6%; attendance at its best ever in 2011/12 and stalling in
 * 2012/13; child protection plans rising into early 2013; obesity high and flat; and so on.
 */
import {
  BLOG_AUG_2010,
  CLA_TIME_SERIES,
  CYPP_HEALTHY_CHALLENGES,
  CYPP_LEARNING,
  CYPP_OBSESSIONS,
  EXEC_2013,
  LA3_2015,
  NCMP_EXCESS,
  NCMP_OBESE,
  OC2_ABSENCE,
  OC2_KS4,
  ONS_CONCEPTIONS,
  OSR_2011_ABSENCE,
  OSR_2011_KS4,
  SFR,
} from './sources.js';
import { PERFORMANCE_SPECS } from './performance.js';

export type Status = 'p' | 'b';

/** A published figure. */
export interface RealFigure {
  /** As published, to the measure's decimals ("1417", "54.5"), or a marker: `c` suppressed, `x` not available. */
  value: string;
  /** A more precise published value the numerator is built to match ("91.64"). */
  precise?: string;
  /** Published numerator and denominator, when the source gives them. */
  num?: number;
  den?: number;
  /** The source gives no usable counts; build a denominator near this and a numerator to match. */
  denNear?: number;
  /** Published without counts: the row carries the value only. */
  valueOnly?: boolean;
  /** `real: <short source>` */
  note: string;
}

/**
 * An illustrative figure made to say exactly what a Leeds report says: a change on another
 * period (`add`, in the measure's unit; `times`, a ratio), or a fixed count or value.
 */
export type Pin = { note: string } & (
  | { from: string; add: number }
  | { from: string; times: number }
  | { num: number }
  | { value: string }
);

export interface SeriesSpec {
  /** Guide values at some periods (real figures are guide points too); a monotone curve joins them. */
  guide?: Readonly<Record<string, number>>;
  /**
   * Year-to-year variation of the process beyond sampling error: percentage points for
   * percentages shown without counts and for percentages with counts; a relative standard
   * deviation (0.03 = 3%) for counts and rates.
   */
  process?: number;
  /** Design effect on the sampling variance (surveys: about 1.2–2); default 1. */
  deff?: number;
  /** Multiplier on the Poisson variance of a count (0 for averages, below 1 for stocks); default 1. */
  dispersion?: number;
  real?: Readonly<Record<string, RealFigure>>;
  pins?: Readonly<Record<string, Pin>>;
  /** Denominator guides (cohort, population, possible sessions) at some periods. */
  den?: Readonly<Record<string, number>>;
  /** Relative noise on denominators (default 0.005). */
  denNoise?: number;
  /** Round illustrative denominators to a multiple (populations to 100). */
  denRound?: number;
  /** Take the denominators of this measure, same area, period ending in the same year. */
  denFrom?: string;
  /** Take the numerators from this count measure, same area, period ending in the same year. */
  numFrom?: string;
  /** Round illustrative counts to a multiple (regional totals to 10). */
  round?: number;
  /** Values only: no numerator or denominator (averages of other areas, published rates). */
  valueOnly?: boolean;
}

export interface ClusterSpec {
  /** Deprivation effect: logit shift (percent) or log ratio (counts, rates) per unit of deprivation. */
  beta: number;
  /** Deprivation effect on denominator weights (e.g. free school meal eligibility). */
  gamma?: number;
  /** Share the cluster denominators of another measure (same children measured). */
  denFrom?: string;
  /** Standard deviation of each cluster's lasting own effect, and of its yearly change. */
  staticSd?: number;
  stepSd?: number;
}

export interface PeriodSpec {
  /** The first period, when the series starts after 2004 (a programme that began later). */
  first?: string;
  /** Snapshot dates: the day of the year (`07-31`), instead of 31 March. */
  snapshot?: string;
  /** Snapshot dates that are not on the yearly day (a figure quoted at another date). */
  extra?: readonly string[];
}

export interface MeasureSpec {
  leeds: SeriesSpec;
  england?: SeriesSpec;
  region?: SeriesSpec;
  neighbours?: SeriesSpec;
  /** Clusters reconcile with the city; absent: no cluster rows. */
  clusters?: ClusterSpec;
  /** Status of every row of a period: `p` provisional, `b` break in series. */
  status?: Readonly<Record<string, Status>>;
  periods?: PeriodSpec;
}

// ---------------------------------------------------------------------------------------------

/** Pupils on roll (guides) and possible half-day sessions a pupil a year. */
const PRIMARY_PUPILS = { '2004/05': 52000, '2007/08': 53400, '2010/11': 57200, '2014/15': 64200 };
const SECONDARY_PUPILS = { '2004/05': 46800, '2007/08': 45100, '2010/11': 43100, '2014/15': 41500 };
export const SESSIONS_PRIMARY = 376;
export const SESSIONS_SECONDARY = 372;
const sessions = (pupils: Record<string, number>, perPupil: number) =>
  Object.fromEntries(Object.entries(pupils).map(([k, v]) => [k, v * perPupil]));

/** Population aged 0–17, mid-year before each 31 March (2010: the real SFR27/2010 figures). */
const LEEDS_POP_0_17 = {
  '2004-03-31': 149200,
  '2006-03-31': 149100,
  '2008-03-31': 149600,
  '2009-03-31': 150500,
  '2010-03-31': 151800,
  '2011-03-31': 153100,
  '2012-03-31': 154600,
  '2013-03-31': 156300,
  '2014-03-31': 157900,
  '2015-03-31': 159600,
};
const ENGLAND_POP_0_17 = {
  '2004-03-31': 11100000,
  '2006-03-31': 11030000,
  '2008-03-31': 10985700,
  '2009-03-31': 10996400,
  '2010-03-31': 11012300,
  '2011-03-31': 11064900,
  '2012-03-31': 11135300,
  '2013-03-31': 11216900,
  '2014-03-31': 11297800,
  '2015-03-31': 11383000,
};
const REGION_POP_0_17 = {
  '2004-03-31': 1112000,
  '2006-03-31': 1105000,
  '2008-03-31': 1103900,
  '2009-03-31': 1105200,
  '2010-03-31': 1107100,
  '2011-03-31': 1111300,
  '2012-03-31': 1116800,
  '2013-03-31': 1122400,
  '2014-03-31': 1128900,
  '2015-03-31': 1135400,
};

// ---------------------------------------------------------------------------------------------

const KEY_AND_TRACKER_SPECS: Readonly<Record<string, MeasureSpec>> = {
  'looked-after': {
    // 2004–2006, 2008 and 2009: not found; illustrative, easing down as England did to 2008 and
    // passing the 1,340 of 2007 (press), below the November 2009 level the CYPP refresh 2013 implies.
    leeds: {
      guide: { '2004-03-31': 1384, '2005-03-31': 1371, '2006-03-31': 1356, '2008-03-31': 1333, '2009-03-31': 1341 },
      dispersion: 0.4, // a stock: most children counted one year are still looked after the next
      real: {
        '2007-03-31': { value: '1340', note: 'real: YEP report of 2012 quoting 1,340 children in care in 2007 (via careappointments.co.uk)' },
        '2010-03-31': { value: '1417', note: `real: ${SFR[2010]} (MarTotal_2010)` },
        '2011-03-31': { value: '1448', note: `real: ${SFR[2011]} (CLA_Mar2011)` },
        '2012-03-31': { value: '1475', note: `real: ${SFR[2012]} (CLA_Mar2012)` },
        '2013-03-31': { value: '1373', note: `real: ${SFR[2013]} (CLA_Mar2013)` },
        '2014-03-31': { value: '1339', note: `real: ${SFR[2014]} (CLA_Mar2014)` },
        '2015-03-31': { value: '1245', note: `real: ${SFR[2015]} (CLA_Mar2015)` },
      },
    },
    england: {
      real: {
        '2004-03-31': { value: '61180', note: `real: ${CLA_TIME_SERIES}` },
        '2005-03-31': { value: '60950', note: `real: ${CLA_TIME_SERIES}` },
        '2006-03-31': { value: '60300', note: `real: ${CLA_TIME_SERIES}` },
        '2007-03-31': { value: '59960', note: `real: ${CLA_TIME_SERIES}` },
        '2008-03-31': { value: '59360', note: `real: ${CLA_TIME_SERIES}` },
        '2009-03-31': { value: '60920', note: `real: ${CLA_TIME_SERIES}` },
        '2010-03-31': { value: '64400', note: `real: ${SFR[2010]} (as first published)` },
        '2011-03-31': { value: '65520', note: `real: ${SFR[2011]} (as first published)` },
        '2012-03-31': { value: '67050', note: `real: ${SFR[2012]} (as first published)` },
        '2013-03-31': { value: '68110', note: `real: ${SFR[2013]} (as first published)` },
        '2014-03-31': { value: '68840', note: `real: ${SFR[2014]} (as first published)` },
        '2015-03-31': { value: '69540', note: `real: ${SFR[2015]} (as first published)` },
      },
    },
    region: {
      guide: { '2004-03-31': 6400, '2006-03-31': 6300, '2008-03-31': 6260, '2009-03-31': 6540 },
      dispersion: 0.4,
      round: 10,
      real: {
        '2010-03-31': { value: '7050', note: `real: ${SFR[2010]}` },
        '2011-03-31': { value: '7300', note: `real: ${SFR[2011]}` },
        '2012-03-31': { value: '7530', note: `real: ${SFR[2012]}` },
        '2013-03-31': { value: '7420', note: `real: ${SFR[2013]}` },
        '2014-03-31': { value: '7360', note: `real: ${SFR[2014]}` },
        '2015-03-31': { value: '7260', note: `real: ${SFR[2015]}` },
      },
    },
    clusters: { beta: 1.1 }, // from 2006, the weekly tracker at the week containing 31 March
  },

  'looked-after-rate': {
    leeds: {
      numFrom: 'looked-after',
      den: LEEDS_POP_0_17,
      denRound: 100,
      denNoise: 0.0003,
      real: {
        '2010-03-31': { value: '93.3', num: 1417, den: 151800, note: `real: computed 1417/151800 from ${SFR[2010]} (Mid2009Pop0-17)` },
      },
    },
    england: {
      numFrom: 'looked-after',
      den: ENGLAND_POP_0_17,
      denRound: 100,
      denNoise: 0.0003,
      real: {
        '2010-03-31': { value: '58.5', num: 64400, den: 11012300, note: `real: computed 64400/11012300 from ${SFR[2010]}` },
      },
    },
    region: {
      numFrom: 'looked-after',
      den: REGION_POP_0_17,
      denRound: 100,
      denNoise: 0.0003,
      real: {
        '2010-03-31': { value: '63.7', num: 7050, den: 1107100, note: `real: computed 7050/1107100 from ${SFR[2010]}` },
      },
    },
    neighbours: {
      valueOnly: true,
      guide: { '2004-03-31': 62.0, '2007-03-31': 63.5, '2008-03-31': 66.5, '2010-03-31': 73.0, '2012-03-31': 77.0, '2015-03-31': 78.5 },
      process: 0.4,
    },
    clusters: { beta: 1.1 }, // numerators: the looked-after clusters; populations apportioned
  },

  'looked-after-weekly': {
    // Real anchors: the 31 March figures (at the week containing 31 March), and 30 June 2013
    // (1,358) and 30 June 2012 (1,358 + 74) from the Executive Board report of 9 October 2013.
    leeds: {
      real: {
        '2012-W26': { value: '1432', note: `real: ${EXEC_2013} para 3.2(i) (30 June 2012 = 1358 + 74)` },
        '2013-W26': { value: '1358', note: `real: ${EXEC_2013} para 3.2(i) (30 June 2013)` },
      },
    },
    clusters: { beta: 1.1, staticSd: 0.12, stepSd: 0.012 },
  },

  'social-care-referrals': {
    leeds: {
      guide: {
        '2004/05': 7900,
        '2006/07': 8600,
        '2007/08': 9850,
        '2008/09': 12150,
        '2009/10': 13700,
        '2010/11': 14650,
        '2013/14': 10850,
        '2014/15': 10400,
      },
      process: 0.03,
      real: {
        '2011/12': { value: '14122', note: 'real: Leeds CYPP 2011-15 refresh 2013, safe from harm: achievements' },
        '2012/13': { value: '11357', note: 'real: Leeds CYPP 2011-15 refresh 2013, safe from harm: achievements' },
      },
    },
  },

  're-referrals': {
    leeds: {
      guide: { '2004/05': 24, '2007/08': 26, '2008/09': 28, '2009/10': 30, '2010/11': 33, '2013/14': 21, '2014/15': 20 },
      process: 1,
      denFrom: 'social-care-referrals',
      real: {
        '2011/12': { value: '32', note: `real: ${EXEC_2013} para 3.7(i) (years inferred)` },
        '2012/13': { value: '22', note: `real: ${EXEC_2013} para 3.7(i) (years inferred)` },
      },
    },
  },

  'looked-after-absence': {
    leeds: {
      guide: { '2012/13': 4.8, '2013/14': 4.5, '2014/15': 4.3 },
      process: 0.3,
      den: { '2012/13': 184000, '2014/15': 178500 },
      denNoise: 0.01,
      real: {
        '2006/07': { value: '9.0', num: 18108, den: 201127, note: `real: computed from ${OSR_2011_ABSENCE}` },
        '2007/08': { value: '9.2', num: 18386, den: 199855, note: `real: computed from ${OC2_ABSENCE}` },
        '2008/09': { value: '8.2', num: 16124, den: 197395, note: `real: computed from ${OC2_ABSENCE}` },
        '2009/10': { value: '7.3', num: 14079, den: 192824, note: `real: computed from ${OC2_ABSENCE}` },
        '2010/11': { value: '7.3', num: 14239, den: 194874, note: `real: computed from ${OC2_ABSENCE}` },
        '2011/12': { value: '5.0', num: 9409, den: 187515, note: `real: computed from ${OC2_ABSENCE}` },
      },
    },
    england: {
      guide: { '2012/13': 4.4, '2013/14': 4.1, '2014/15': 3.9 },
      process: 0.1,
      den: { '2012/13': 8010000, '2014/15': 8150000 },
      denRound: 10,
      real: {
        '2006/07': { value: '7.1', num: 557177, den: 7826914, note: `real: computed from ${OSR_2011_ABSENCE}` },
        '2007/08': { value: '6.4', num: 491590, den: 7625620, note: `real: computed from ${OC2_ABSENCE}` },
        '2008/09': { value: '6.2', num: 463790, den: 7487550, note: `real: computed from ${OC2_ABSENCE}` },
        '2009/10': { value: '5.8', num: 439730, den: 7579130, note: `real: computed from ${OC2_ABSENCE}` },
        '2010/11': { value: '5.5', num: 424380, den: 7729570, note: `real: computed from ${OC2_ABSENCE}` },
        '2011/12': { value: '4.7', num: 369140, den: 7909600, note: `real: computed from ${OC2_ABSENCE}` },
      },
    },
    periods: { first: '2006/07' },
  },

  'looked-after-gcse': {
    leeds: {
      real: {
        '2006/07': { value: 'c', note: `real: suppressed (x) in ${OSR_2011_KS4}` },
        '2007/08': { value: '8.0', num: 9, den: 112, note: `real: computed from ${OC2_KS4}` },
        '2008/09': { value: 'c', note: `real: suppressed (x) in ${OC2_KS4}` },
        '2009/10': { value: '16.0', num: 17, den: 106, note: `real: computed from ${OC2_KS4}` },
        '2010/11': { value: '10.1', num: 10, den: 99, note: `real: computed from ${OC2_KS4}` },
        '2011/12': { value: '14.7', num: 14, den: 95, note: `real: computed from ${OC2_KS4}` },
        '2012/13': { value: '18.0', denNear: 90, note: `real: ${LA3_2015} (eligible rounded to 5; counts constructed)` },
        '2013/14': { value: '13.2', denNear: 75, note: `real: ${LA3_2015} (eligible rounded to 5; counts constructed)` },
        '2014/15': { value: '8.7', denNear: 70, note: `real: ${LA3_2015} (eligible rounded to 5; counts constructed)` },
      },
    },
    england: {
      real: {
        '2006/07': { value: '7.2', num: 355, den: 4938, note: `real: computed from ${OSR_2011_KS4}` },
        '2007/08': { value: '10.3', num: 460, den: 4480, note: `real: computed from ${OC2_KS4} (national counts rounded to 10)` },
        '2008/09': { value: '10.8', num: 500, den: 4610, note: `real: computed from ${OC2_KS4} (national counts rounded to 10)` },
        '2009/10': { value: '12.4', num: 620, den: 5000, note: `real: computed from ${OC2_KS4} (national counts rounded to 10)` },
        '2010/11': { value: '13.6', valueOnly: true, note: `real: ${LA3_2015}` },
        '2011/12': { value: '14.9', valueOnly: true, note: `real: ${LA3_2015}` },
        '2012/13': { value: '15.5', valueOnly: true, note: `real: ${LA3_2015}` },
        '2013/14': { value: '12.2', valueOnly: true, note: `real: ${LA3_2015}` },
        '2014/15': { value: '13.8', valueOnly: true, note: `real: ${LA3_2015}` },
      },
    },
    status: { '2013/14': 'b' },
    periods: { first: '2006/07' },
  },

  'child-protection-plans': {
    // No count in any seed. Shaped to the words: "increasing numbers" (May 2011), "rising numbers"
    // (CYPP refresh, June 2013), falling by autumn 2013; the Executive Board report of October 2013
    // lists "a reduction" 2011–2013, which the 31 March counts here do not show (data/README.md).
    leeds: {
      guide: {
        '2004-03-31': 430,
        '2006-03-31': 470,
        '2007-03-31': 505,
        '2008-03-31': 560,
        '2009-03-31': 705,
        '2010-03-31': 905,
        '2011-03-31': 1040,
        '2012-03-31': 1110,
        '2013-03-31': 1205,
        '2014-03-31': 1030,
        '2015-03-31': 870,
      },
      process: 0.03,
    },
    england: {
      guide: {
        '2004-03-31': 26300,
        '2005-03-31': 25900,
        '2006-03-31': 26400,
        '2007-03-31': 27900,
        '2008-03-31': 29200,
        '2009-03-31': 34100,
        '2010-03-31': 39100,
        '2011-03-31': 42700,
        '2012-03-31': 42900,
        '2013-03-31': 43100,
        '2014-03-31': 48300,
        '2015-03-31': 49700,
      },
      process: 0.005,
      round: 100,
    },
    clusters: { beta: 0.8 },
  },

  'attendance-primary': {
    // Best ever in 2011/12 (in the top quartile of authorities, about England); stalled in 2012/13
    // (norovirus, a severe winter, Reception children counted for the first time), below England
    // and about where it was in 2010/11.
    leeds: {
      guide: {
        '2004/05': 94.0,
        '2005/06': 93.7,
        '2006/07': 93.9,
        '2007/08': 93.9,
        '2010/11': 94.9,
        '2011/12': 95.7,
        '2012/13': 95.0,
        '2013/14': 95.9,
        '2014/15': 95.8,
      },
      process: 0.08,
      den: sessions(PRIMARY_PUPILS, SESSIONS_PRIMARY),
      denNoise: 0.002,
      real: {
        '2008/09': { value: '94.1', note: `real: ${BLOG_AUG_2010}` },
        '2009/10': { value: '94.3', note: `real: ${BLOG_AUG_2010}` },
      },
    },
    england: {
      valueOnly: true,
      guide: {
        '2004/05': 94.6,
        '2005/06': 94.2,
        '2006/07': 94.7,
        '2009/10': 94.7,
        '2010/11': 95.0,
        '2011/12': 95.5,
        '2012/13': 95.3,
        '2013/14': 96.1,
        '2014/15': 96.0,
      },
      process: 0.04,
    },
    neighbours: {
      valueOnly: true,
      guide: { '2004/05': 94.3, '2005/06': 94.0, '2006/07': 94.4, '2009/10': 94.6, '2010/11': 94.9, '2011/12': 95.4, '2012/13': 95.0, '2013/14': 95.9, '2014/15': 95.9 },
      process: 0.05,
    },
    clusters: { beta: -0.45 },
  },

  'attendance-secondary': {
    // The highest ever recorded in 2011/12, yet still in the bottom quartile; stalled in 2012/13.
    leeds: {
      guide: { '2004/05': 91.0, '2005/06': 90.8, '2006/07': 91.2, '2010/11': 92.6, '2011/12': 93.5, '2012/13': 93.3, '2013/14': 94.3, '2014/15': 94.4 },
      process: 0.08,
      den: sessions(SECONDARY_PUPILS, SESSIONS_SECONDARY),
      denNoise: 0.002,
      real: {
        '2007/08': { value: '91.6', precise: '91.64', note: 'real: blog of 28 Jan 2009 (91.64%)' },
        '2008/09': { value: '91.5', note: `real: ${BLOG_AUG_2010}` },
        '2009/10': { value: '91.9', precise: '91.88', note: 'real: blog of 26 Aug 2010 (91.9%) and Yorkshire Post (91.88%)' },
      },
    },
    england: {
      valueOnly: true,
      guide: { '2004/05': 92.2, '2005/06': 91.8, '2006/07': 92.1, '2007/08': 92.6, '2008/09': 92.8, '2010/11': 93.5, '2011/12': 94.2, '2012/13': 94.2, '2013/14': 94.8, '2014/15': 94.7 },
      process: 0.04,
      real: { '2009/10': { value: '93.2', valueOnly: true, note: 'real: Yorkshire Post (city sets priorities) 93.24%' } },
    },
    neighbours: {
      valueOnly: true,
      guide: { '2004/05': 91.6, '2005/06': 91.3, '2006/07': 91.7, '2007/08': 92.2, '2009/10': 92.8, '2010/11': 93.1, '2011/12': 93.8, '2012/13': 93.9, '2013/14': 94.6, '2014/15': 94.6 },
      process: 0.05,
    },
    clusters: { beta: -0.4 },
  },

  'attendance-weekly': {
    leeds: {},
    clusters: { beta: -0.45, staticSd: 0.1, stepSd: 0.05 },
  },

  'ks2-english-maths': {
    // "a four percentage point improvement on the combined English and maths indicator" in 2012;
    // progress in the top quartile; improvements in maths and writing again in 2013.
    leeds: {
      guide: { '2004/05': 68, '2006/07': 70, '2007/08': 71, '2008/09': 70, '2009/10': 71, '2010/11': 72, '2011/12': 76, '2012/13': 77, '2013/14': 78, '2014/15': 80 },
      process: 0.6,
      den: { '2004/05': 8100, '2007/08': 7650, '2010/11': 7440, '2014/15': 8090 },
      pins: {
        '2011/12': { from: '2010/11', add: 4, note: 'illustrative (4 points up on 2010/11, as the CYPP refresh 2013 says of 2012)' },
      },
    },
    england: {
      valueOnly: true,
      guide: { '2004/05': 69, '2005/06': 70, '2006/07': 71, '2007/08': 73, '2008/09': 72, '2009/10': 73, '2010/11': 74, '2011/12': 77, '2012/13': 78, '2013/14': 79, '2014/15': 80 },
      process: 0.1,
    },
    neighbours: {
      valueOnly: true,
      guide: { '2004/05': 67, '2007/08': 70, '2010/11': 71, '2011/12': 74, '2012/13': 76, '2014/15': 79 },
      process: 0.2,
    },
    clusters: { beta: -0.6 },
  },

  'gcse-5ac-english-maths': {
    // Before 2008/09 (not found) the gap to England is kept about as it is later: slow growth, as
    // nationally, until the faster rises from 2009.
    leeds: {
      guide: { '2004/05': 39.4, '2005/06': 40.6, '2006/07': 41.4, '2007/08': 43.0, '2009/10': 49.6, '2010/11': 53.9 },
      process: 0.6,
      den: { '2004/05': 8700, '2007/08': 8420, '2010/11': 7960, '2014/15': 7470 },
      real: {
        '2008/09': { value: '45.9', note: 'real: Leeds Virtual Newsroom 24 Aug 2010' },
        '2011/12': { value: '55.0', note: `real: ${CYPP_LEARNING} and ${EXEC_2013} para 3.2(iii) (published as 55%)` },
        '2012/13': { value: '57.3', note: 'real: YEP secondary league tables (performance tables)' },
        '2013/14': { value: '51.0', note: 'real: YEP league tables (published as 51%; LA provisional 50%)' },
        '2014/15': { value: '55.5', note: 'real: YEP league tables of 21 Jan 2016 (performance tables)' },
      },
      pins: {
        '2010/11': { from: '2011/12', add: -1.1, note: 'illustrative (55% in 2012 less the 1.1-point rise the CYPP refresh 2013 reports)' },
      },
    },
    england: {
      valueOnly: true,
      guide: { '2004/05': 44.3, '2005/06': 45.6, '2006/07': 46.3, '2007/08': 47.6, '2008/09': 50.7, '2009/10': 53.5, '2010/11': 58.2, '2011/12': 58.8, '2012/13': 59.2, '2013/14': 53.4, '2014/15': 53.8 },
      process: 0.1,
    },
    region: {
      valueOnly: true,
      guide: { '2004/05': 41.0, '2005/06': 42.0, '2006/07': 43.0, '2007/08': 44.2, '2008/09': 47.5, '2009/10': 50.9, '2010/11': 54.8, '2011/12': 55.2, '2012/13': 56.3, '2013/14': 51.3, '2014/15': 52.9 },
      process: 0.1,
    },
    neighbours: {
      valueOnly: true,
      guide: { '2004/05': 41.8, '2007/08': 44.8, '2008/09': 47.9, '2009/10': 51.0, '2010/11': 54.6, '2011/12': 54.3, '2012/13': 56.2, '2013/14': 51.0, '2014/15': 53.1 },
      process: 0.2,
    },
    clusters: { beta: -0.8 },
    status: { '2013/14': 'b' },
  },

  neet: {
    // Leeds: from 2006 the November–January average of the monthly tracker (built to hit the real
    // years); 2004 and 2005, before the tracker, drawn on their own.
    leeds: {
      guide: { '2004': 9.6, '2005': 9.4, '2006': 9.3, '2007': 9.0, '2008': 8.7, '2009': 8.6, '2010': 8.4, '2013': 5.8, '2014': 5.5, '2015': 5.2 },
      process: 0.15,
      den: { '2004': 25200, '2005': 25100 },
      real: {
        '2011': { value: '8.1', note: `real: ${CYPP_LEARNING} (8.1% in 2011)` },
        '2012': { value: '6.2', note: `real: ${EXEC_2013} para 3.2(ii) (latest annual figure; the CYPP refresh projected 6.6)` },
      },
    },
    england: {
      valueOnly: true,
      guide: { '2004': 7.7, '2005': 7.6, '2006': 7.1, '2007': 6.7, '2008': 6.5, '2009': 6.4, '2010': 6.0, '2011': 6.1, '2012': 5.8, '2013': 5.3, '2014': 4.7, '2015': 4.2 },
      process: 0.05,
    },
    neighbours: {
      valueOnly: true,
      guide: { '2004': 8.6, '2006': 8.2, '2008': 7.5, '2009': 7.4, '2010': 7.1, '2011': 7.0, '2012': 6.5, '2013': 5.9, '2014': 5.4, '2015': 5.0 },
      process: 0.08,
    },
    clusters: { beta: 0.9, gamma: 0.1 },
    status: { '2015': 'p' },
  },

  'neet-monthly': {
    leeds: {
      // 16-18 cohort known to Connexions, a guide for each academic year 2005/06 … 2015/16.
      den: {
        '2005/06': 25000,
        '2006/07': 24800,
        '2007/08': 24600,
        '2008/09': 24400,
        '2009/10': 24100,
        '2010/11': 23700,
        '2011/12': 23200,
        '2012/13': 22800,
        '2013/14': 22600,
        '2014/15': 22500,
        '2015/16': 22400,
      },
      real: {
        '2007-08': { value: '9.5', note: 'real: blog of 16 Oct 2008 quoting Leeds IYSS (9.5% in August 2007)' },
        '2008-08': { value: '8.4', precise: '8.44', note: 'real: blog of 16 Oct 2008 quoting Leeds IYSS (8.44%)' },
        '2012-11': { value: '5.9', note: `real: ${CYPP_OBSESSIONS} (November 2012)` },
        '2013-02': { value: '6.3', num: 1437, den: 22810, note: `real: ${CYPP_LEARNING} (1437 NEET at end Feb 2013; cohort constructed)` },
      },
    },
    clusters: { beta: 0.9, gamma: 0.1, staticSd: 0.12, stepSd: 0.03 },
  },

  'level3-at-19': {
    // The seeds give no figure and no direction; a steady rise like England's.
    leeds: {
      guide: { '2004/05': 40.0, '2005/06': 41.2, '2006/07': 42.0, '2007/08': 42.6, '2008/09': 44.1, '2009/10': 46.0, '2010/11': 48.2, '2011/12': 49.9, '2012/13': 51.6, '2013/14': 52.3, '2014/15': 52.6 },
      process: 0.5,
      den: { '2004/05': 8900, '2009/10': 9240, '2014/15': 8720 },
    },
    england: {
      valueOnly: true,
      guide: { '2004/05': 42.0, '2005/06': 43.8, '2006/07': 45.0, '2007/08': 47.0, '2008/09': 49.1, '2009/10': 51.3, '2010/11': 53.8, '2011/12': 55.9, '2012/13': 57.2, '2013/14': 57.0, '2014/15': 56.9 },
      process: 0.1,
    },
    clusters: { beta: -0.7 },
  },

  'apprenticeship-starts': {
    leeds: {
      guide: { '2004/05': 1150, '2005/06': 1180, '2006/07': 1260, '2007/08': 1320, '2008/09': 1290, '2009/10': 1560, '2012/13': 2050, '2013/14': 1940, '2014/15': 1970 },
      process: 0.04,
      real: {
        '2010/11': { value: '1904', note: `real: derived from ${CYPP_LEARNING} (2214 was 16.3% up on 2010/11)` },
        '2011/12': { value: '2214', note: `real: ${CYPP_LEARNING} (August 2011 to July 2012)` },
      },
    },
    // 2011/12 is 1.4% down on 2010/11, as the CYPP refresh says of the national figure.
    england: {
      guide: { '2004/05': 105500, '2005/06': 108200, '2006/07': 113000, '2007/08': 118400, '2008/09': 116800, '2009/10': 113900, '2010/11': 131700, '2012/13': 114600, '2013/14': 119900, '2014/15': 125700 },
      process: 0.01,
      round: 100,
      pins: { '2011/12': { from: '2010/11', times: 0.986, note: 'illustrative (1.4% down on 2010/11, as the CYPP refresh 2013 says of the national figure)' } },
    },
    clusters: { beta: 0.1 },
    status: { '2014/15': 'p' },
  },

  'eyfs-good-level': {
    // 2012: "in line with national and improved at the same rate of increase as seen nationally but
    // above the increase for statistical neighbours". The measure was first published for 2006/07;
    // the two years before are illustrative back-casts. A new profile from 2012/13 (a break).
    leeds: {
      guide: { '2004/05': 41, '2005/06': 43, '2006/07': 45, '2007/08': 48, '2008/09': 51, '2009/10': 54, '2010/11': 58, '2012/13': 49, '2013/14': 57, '2014/15': 63 },
      process: 0.6,
      den: { '2004/05': 8300, '2007/08': 8870, '2010/11': 9800, '2014/15': 10520 },
      pins: { '2011/12': { from: '2010/11', add: 5, note: 'illustrative (5 points up on 2010/11, in line with England, as the CYPP refresh 2013 says)' } },
    },
    england: {
      valueOnly: true,
      guide: { '2004/05': 43, '2005/06': 44, '2006/07': 46, '2007/08': 49, '2008/09': 52, '2009/10': 56, '2010/11': 59, '2011/12': 64, '2012/13': 52, '2013/14': 60, '2014/15': 66 },
      process: 0.05,
    },
    neighbours: {
      valueOnly: true,
      guide: { '2004/05': 41, '2007/08': 46, '2008/09': 49, '2009/10': 52, '2010/11': 56, '2011/12': 59, '2012/13': 48, '2013/14': 56, '2014/15': 62 },
      process: 0.1,
    },
    clusters: { beta: -0.55 },
    status: { '2012/13': 'b' },
  },

  'short-breaks-children': {
    // Slow growth to 2007/08, then the Aiming High for Disabled Children years (2008–2011).
    leeds: {
      guide: { '2004/05': 700, '2005/06': 720, '2006/07': 745, '2007/08': 790, '2008/09': 880, '2009/10': 1010, '2010/11': 1140, '2013/14': 1390, '2014/15': 1425 },
      process: 0.03,
      real: {
        '2011/12': { value: '1261', note: `real: ${CYPP_LEARNING}` },
        '2012/13': { value: '1345', note: `real: ${CYPP_LEARNING} (projection for 2012/13)` },
      },
    },
    clusters: { beta: 0.2 },
    status: { '2012/13': 'p' },
  },

  'short-breaks-satisfaction': {
    // The seeds are silent; a survey of about 200–330 replies, so the year-to-year noise is large.
    leeds: {
      guide: { '2004/05': 74, '2005/06': 75, '2006/07': 76, '2007/08': 78, '2008/09': 79, '2009/10': 80, '2010/11': 80, '2011/12': 84, '2012/13': 86, '2013/14': 86, '2014/15': 87 },
      deff: 1.3,
      process: 0.5,
      den: { '2004/05': 200, '2007/08': 236, '2010/11': 287, '2012/13': 322, '2014/15': 331 },
      denNoise: 0.03,
    },
  },

  'obesity-year6': {
    // The NCMP began in 2005/06.
    leeds: {
      guide: { '2005/06': 19.1, '2006/07': 19.6, '2007/08': 19.9, '2008/09': 20.3 },
      process: 0.25,
      den: { '2005/06': 4800, '2006/07': 5900, '2007/08': 6610, '2010/11': 6960, '2014/15': 7520 },
      real: {
        '2009/10': { value: '20.0', note: 'real: YEP (one in three kids is obese or overweight)' },
        '2010/11': { value: '19.8', note: `real: ${NCMP_OBESE}` },
        '2011/12': { value: '19.7', note: `real: ${NCMP_OBESE} (the CYPP refresh 2013 quotes 19.7%)` },
        '2012/13': { value: '19.6', note: `real: ${NCMP_OBESE}` },
        '2013/14': { value: '19.3', note: `real: ${NCMP_OBESE}` },
        '2014/15': { value: '19.3', note: `real: ${NCMP_OBESE}` },
      },
    },
    england: {
      valueOnly: true,
      guide: { '2005/06': 17.5, '2006/07': 17.5, '2007/08': 18.3, '2008/09': 18.3 },
      process: 0.05,
      real: {
        '2009/10': { value: '18.7', valueOnly: true, note: 'real: YEP (one in three kids is obese or overweight)' },
        '2010/11': { value: '19.0', valueOnly: true, note: `real: ${NCMP_OBESE}` },
        '2011/12': { value: '19.2', valueOnly: true, note: `real: ${NCMP_OBESE}` },
        '2012/13': { value: '18.9', valueOnly: true, note: `real: ${NCMP_OBESE}` },
        '2013/14': { value: '19.1', valueOnly: true, note: `real: ${NCMP_OBESE}` },
        '2014/15': { value: '19.1', valueOnly: true, note: `real: ${NCMP_OBESE}` },
      },
    },
    clusters: { beta: 0.35 },
    periods: { first: '2005/06' },
  },

  'excess-weight-year6': {
    leeds: {
      denFrom: 'obesity-year6',
      guide: { '2005/06': 31.4 },
      process: 0.3,
      real: {
        '2006/07': { value: '32.1', note: `real: ${NCMP_EXCESS}` },
        '2007/08': { value: '33.3', note: `real: ${NCMP_EXCESS}` },
        '2008/09': { value: '35.2', note: `real: ${NCMP_EXCESS}` },
        '2009/10': { value: '35.0', note: `real: ${NCMP_EXCESS}` },
        '2010/11': { value: '33.7', note: `real: ${NCMP_EXCESS}` },
        '2011/12': { value: '35.0', note: `real: ${NCMP_EXCESS}` },
        '2012/13': { value: '33.6', note: `real: ${NCMP_EXCESS}` },
        '2013/14': { value: '34.3', note: `real: ${NCMP_EXCESS}` },
        '2014/15': { value: '33.0', note: `real: ${NCMP_EXCESS}` },
      },
    },
    england: {
      valueOnly: true,
      real: {
        '2005/06': { value: 'x', note: 'real: not available (PHOF 2.06ii starts in 2006/07)' },
        '2006/07': { value: '31.7', valueOnly: true, note: `real: ${NCMP_EXCESS}` },
        '2007/08': { value: '32.6', valueOnly: true, note: `real: ${NCMP_EXCESS}` },
        '2008/09': { value: '32.6', valueOnly: true, note: `real: ${NCMP_EXCESS}` },
        '2009/10': { value: '33.4', valueOnly: true, note: `real: ${NCMP_EXCESS}` },
        '2010/11': { value: '33.4', valueOnly: true, note: `real: ${NCMP_EXCESS}` },
        '2011/12': { value: '33.9', valueOnly: true, note: `real: ${NCMP_EXCESS}` },
        '2012/13': { value: '33.3', valueOnly: true, note: `real: ${NCMP_EXCESS}` },
        '2013/14': { value: '33.5', valueOnly: true, note: `real: ${NCMP_EXCESS}` },
        '2014/15': { value: '33.2', valueOnly: true, note: `real: ${NCMP_EXCESS}` },
      },
    },
    clusters: { beta: 0.25, denFrom: 'obesity-year6' },
    periods: { first: '2005/06' },
  },

  'fsm-uptake-primary': {
    leeds: {
      guide: { '2004/05': 72.0, '2005/06': 72.8, '2006/07': 73.4, '2007/08': 74.1, '2008/09': 75.0, '2009/10': 75.8, '2012/13': 78.6, '2013/14': 79.3, '2014/15': 80.1 },
      process: 0.4,
      den: { '2004/05': 9000, '2007/08': 9600, '2010/11': 11800, '2011/12': 12000, '2014/15': 11000 },
      denNoise: 0.01,
      real: {
        '2010/11': { value: '76.6', note: `real: ${CYPP_HEALTHY_CHALLENGES}` },
        '2011/12': { value: '76.7', note: `real: ${CYPP_HEALTHY_CHALLENGES}` },
      },
    },
    england: {
      valueOnly: true,
      guide: { '2004/05': 76.0, '2007/08': 77.6, '2008/09': 78.4, '2009/10': 79.1, '2012/13': 82.3, '2013/14': 83.1, '2014/15': 83.6 },
      process: 0.15,
      real: {
        '2010/11': { value: '79.8', valueOnly: true, note: `real: ${CYPP_HEALTHY_CHALLENGES}` },
        '2011/12': { value: '81.8', valueOnly: true, note: `real: ${CYPP_HEALTHY_CHALLENGES}` },
      },
    },
    clusters: { beta: 0.25, gamma: 1.6 },
  },

  'fsm-uptake-secondary': {
    leeds: {
      guide: { '2004/05': 61.0, '2005/06': 62.0, '2006/07': 63.0, '2007/08': 64.0, '2008/09': 65.1, '2009/10': 66.0, '2012/13': 69.8, '2013/14': 70.2, '2014/15': 70.8 },
      process: 0.4,
      den: { '2004/05': 5900, '2007/08': 6100, '2010/11': 7100, '2011/12': 7200, '2014/15': 6700 },
      denNoise: 0.01,
      real: {
        '2010/11': { value: '67.1', note: `real: ${CYPP_HEALTHY_CHALLENGES}` },
        '2011/12': { value: '68.9', note: `real: ${CYPP_HEALTHY_CHALLENGES}` },
      },
    },
    england: {
      valueOnly: true,
      guide: { '2004/05': 64.5, '2007/08': 66.6, '2008/09': 67.7, '2009/10': 68.5, '2012/13': 71.0, '2013/14': 71.4, '2014/15': 71.8 },
      process: 0.15,
      real: {
        '2010/11': { value: '69.3', valueOnly: true, note: `real: ${CYPP_HEALTHY_CHALLENGES}` },
        '2011/12': { value: '70.6', valueOnly: true, note: `real: ${CYPP_HEALTHY_CHALLENGES}` },
      },
    },
    clusters: { beta: 0.3, gamma: 1.6 },
  },

  'under-18-conceptions': {
    // Numerators: conceptions as published; denominators (females aged 15-17) derived from
    // count ÷ rate, since the table gives no population.
    leeds: {
      real: conceptions([
        ['2004', '52.0', 648],
        ['2005', '57.5', 683],
        ['2006', '61.1', 718],
        ['2007', '56.2', 677],
        ['2008', '54.5', 691],
        ['2009', '48.1', 618],
        ['2010', '43.9', 555],
        ['2011', '38.1', 480],
        ['2012', '37.6', 471],
        ['2013', '31.7', 389],
        ['2014', '29.4', 358],
        ['2015', '27.3', 325],
      ]),
    },
    england: {
      real: conceptions([
        ['2004', '41.6', 39593],
        ['2005', '41.4', 39804],
        ['2006', '40.6', 39170],
        ['2007', '41.4', 40366],
        ['2008', '39.7', 38783],
        ['2009', '37.1', 35966],
        ['2010', '34.2', 32552],
        ['2011', '30.7', 29166],
        ['2012', '27.7', 26157],
        ['2013', '24.3', 22830],
        ['2014', '22.8', 21282],
        ['2015', '20.8', 19080],
      ]),
    },
    region: {
      real: conceptions([
        ['2004', '48.1', 4698],
        ['2005', '48.9', 4779],
        ['2006', '48.0', 4692],
        ['2007', '48.3', 4798],
        ['2008', '47.1', 4700],
        ['2009', '43.5', 4288],
        ['2010', '39.9', 3823],
        ['2011', '33.8', 3231],
        ['2012', '31.7', 3000],
        ['2013', '28.5', 2688],
        ['2014', '26.4', 2448],
        ['2015', '24.3', 2215],
      ]),
    },
    clusters: { beta: 0.55 },
  },

  'alcohol-admissions-under-18': {
    // "a reduction in alcohol based admissions of young people to hospital" 2011–2013; about
    // 60–140 admissions a year in the whole city, so Poisson noise is several per 100,000.
    leeds: {
      guide: { '2004/05': 92, '2005/06': 90, '2006/07': 88, '2007/08': 85, '2008/09': 80, '2009/10': 74, '2010/11': 68, '2011/12': 61, '2012/13': 53, '2013/14': 47, '2014/15': 42 },
      process: 0.05,
      denFrom: 'looked-after-rate',
    },
    england: {
      guide: { '2004/05': 82, '2006/07': 79, '2007/08': 76, '2008/09': 72, '2009/10': 68, '2010/11': 63, '2011/12': 57, '2012/13': 50, '2013/14': 45, '2014/15': 41 },
      process: 0.01,
      denFrom: 'looked-after-rate',
    },
    status: { '2014/15': 'p' },
  },

  'enjoy-life': {
    // A pupil survey of 12,000–18,000 replies (design effect 2 for clustering by school).
    leeds: {
      guide: { '2004/05': 81, '2006/07': 82, '2007/08': 83, '2008/09': 84, '2009/10': 84, '2010/11': 84, '2011/12': 86, '2012/13': 87, '2013/14': 87, '2014/15': 88 },
      deff: 2,
      process: 0.5,
      den: { '2004/05': 12500, '2007/08': 15200, '2010/11': 17300, '2012/13': 18200, '2014/15': 18300 },
      denNoise: 0.01,
    },
    clusters: { beta: -0.15 },
  },

  'young-offenders': {
    leeds: {
      guide: { '2004/05': 2.95, '2005/06': 2.9, '2006/07': 2.8, '2007/08': 2.61, '2008/09': 2.38, '2009/10': 2.05, '2010/11': 1.72, '2011/12': 1.41, '2012/13': 1.18, '2013/14': 1.02, '2014/15': 0.93 },
      process: 0.04,
      den: { '2004/05': 76000, '2007/08': 74800, '2010/11': 72500, '2012/13': 72200, '2014/15': 72800 },
      denNoise: 0.002,
    },
    clusters: { beta: 0.9 },
    status: { '2014/15': 'p' },
  },

  'influence-school': {
    leeds: {
      guide: { '2004/05': 52, '2005/06': 53, '2006/07': 55, '2007/08': 56, '2008/09': 57, '2009/10': 58.5, '2010/11': 59, '2011/12': 61.5, '2012/13': 63.5, '2013/14': 64, '2014/15': 64 },
      deff: 2,
      process: 0.6,
      denFrom: 'enjoy-life',
    },
    clusters: { beta: -0.1, denFrom: 'enjoy-life' },
  },

  'influence-community': {
    leeds: {
      guide: { '2004/05': 28, '2005/06': 29, '2006/07': 30, '2007/08': 31, '2008/09': 32, '2009/10': 33, '2010/11': 35, '2011/12': 36, '2012/13': 38, '2013/14': 38, '2014/15': 39 },
      deff: 2,
      process: 0.6,
      denFrom: 'enjoy-life',
    },
    clusters: { beta: -0.25, denFrom: 'enjoy-life' },
  },
};

function conceptions(rows: readonly (readonly [string, string, number])[]): Record<string, RealFigure> {
  const out: Record<string, RealFigure> = {};
  for (const [year, rate, count] of rows) {
    out[year] = { value: rate, num: count, note: `real: ${ONS_CONCEPTIONS} (population derived)` };
  }
  return out;
}

export const SPECS: Readonly<Record<string, MeasureSpec>> = { ...KEY_AND_TRACKER_SPECS, ...PERFORMANCE_SPECS };

/**
 * Measures generated before others because others take their counts or denominators; the rest
 * follow in plan order.
 */
export const GENERATION_FIRST: readonly string[] = [
  'looked-after',
  'looked-after-weekly',
  'looked-after-rate',
  'social-care-referrals',
  'attendance-primary',
  'attendance-secondary',
  'neet-monthly',
  'obesity-year6',
  'enjoy-life',
];
