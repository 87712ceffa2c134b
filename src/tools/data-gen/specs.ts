/**
 * What the generator produces for each measure of the bundled plan: the REAL published figures
 * (each with a `real: <source>` note, cited in data/README.md) and, for everything else, the
 * guide values the seeded generator draws ILLUSTRATIVE figures around.
 *
 * Period keys: calendar years `2013`; academic and financial years `2012/13`; snapshot dates
 * `2013-03-31`; months `2013-02`; ISO weeks `2013-W26`. Guide arrays have one entry per year,
 * 2008 (2007/08, 31 March 2008) to 2015 (2014/15, 31 March 2015).
 *
 * Guides follow the narrative of the seed documents (Leeds council reports 2009–2013 and the
 * CYPP 2011-15 refresh 2013): looked-after numbers peaking in March 2012 and then falling; NEET
 * falling from about 9% to about 6%; attendance rising, best ever in 2011/12, stalling in 2012/13;
 * referrals falling after 2011/12; child protection investigations in time doubling; and so on.
 */

export type Status = 'p' | 'b';

/** A published figure. */
export interface RealFigure {
  /** As published, to the measure's decimals ("1417", "54.5"), or the marker `c` (suppressed). */
  value: string;
  /** A more precise published value the numerator is built to match ("91.64"). */
  precise?: string;
  /** Published numerator and denominator, when the source gives them. */
  num?: number;
  den?: number;
  /** The source gives no usable counts; build a denominator near this and a numerator to match. */
  denNear?: number;
  /** Comparator figure shown without counts. */
  valueOnly?: boolean;
  /** `real: <short source>` */
  note: string;
}

export interface SeriesSpec {
  /** Guide values, one a year, for the illustrative periods (ignored where a real figure is given). */
  target?: readonly number[];
  /** Standard deviation of the noise added to the guide (in the measure's unit). */
  sd?: number;
  real?: Readonly<Record<string, RealFigure>>;
  /** Denominator guides (cohort, population, possible sessions), one a year. */
  den?: readonly number[];
  /** Relative noise on denominators. */
  denSd?: number;
  /** Round illustrative denominators to a multiple (populations to 100). */
  denRound?: number;
  /** Take the denominators of this measure, same area and year (e.g. re-referrals ÷ referrals). */
  denFrom?: string;
  /** Take the numerators from this count measure, same area and year (rates of a count). */
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

export interface MeasureSpec {
  leeds: SeriesSpec;
  england?: SeriesSpec;
  region?: SeriesSpec;
  neighbours?: SeriesSpec;
  /** Clusters reconcile with the city; absent: no cluster rows. */
  clusters?: ClusterSpec;
  /** Status of every row of a period: `p` provisional, `b` break in series. */
  status?: Readonly<Record<string, Status>>;
}

// ---------------------------------------------------------------------------------------------
// Short source names used in notes (the full citations are in data/README.md).

const SFR = {
  2010: 'DfE SFR27/2010 underlying data',
  2011: 'DfE SFR21/2011 underlying data',
  2012: 'DfE SFR20/2012 underlying data',
  2013: 'DfE SFR36/2013 underlying data',
  2014: 'DfE SFR36/2014 underlying data',
  2015: 'DfE SFR34/2015 underlying data',
} as const;
const CLA_TIME_SERIES = 'DfE children looked after national time series 1994-2024';
const CYPP = 'Leeds CYPP 2011-15 refresh 2013';
const EXEC_2013 = 'Leeds Executive Board report 9 Oct 2013';
const OC2_ABSENCE = 'DfE SFR32/2012 table LA11 (overall absence / possible sessions)';
const OC2_KS4 = 'DfE SFR32/2012 table LA3 (5+ A*-C inc. English and maths / eligible)';
const LA3_2015 = 'DfE SFR34/2015 table LA3';
const ONS_CONCEPTIONS = 'ONS Conceptions in England and Wales 2017 table 6';
const NCMP_OBESE = 'NHS Digital NCMP via Fingertips (Trafford Data Lab extract)';
const NCMP_EXCESS = 'PHE Fingertips PHOF 2.06ii (Trafford Data Lab extract)';

/** Leeds population aged 0–17, mid-year before each 31 March (2010: the real SFR27/2010 figure). */
const LEEDS_POP_0_17 = [149600, 150500, 151800, 153100, 154600, 156300, 157900, 159600];
const ENGLAND_POP_0_17 = [10985700, 10996400, 11012300, 11064900, 11135300, 11216900, 11297800, 11383000];
const REGION_POP_0_17 = [1103900, 1105200, 1107100, 1111300, 1116800, 1122400, 1128900, 1135400];

/** Pupils on roll (guides) and possible half-day sessions a pupil a year. */
const PRIMARY_PUPILS = [53400, 54300, 55600, 57200, 58900, 60700, 62500, 64200];
const SECONDARY_PUPILS = [45100, 44500, 43800, 43100, 42400, 41900, 41600, 41500];
export const SESSIONS_PRIMARY = 376;
export const SESSIONS_SECONDARY = 372;

// ---------------------------------------------------------------------------------------------

export const SPECS: Readonly<Record<string, MeasureSpec>> = {
  'looked-after': {
    // 2008 and 2009: not found; illustrative, between 1,340 in 2007 (press) and 1,417 in 2010, and
    // below the November 2009 level the CYPP refresh 2013 implies (see the weekly tracker).
    leeds: {
      target: [1322, 1331],
      sd: 4,
      real: {
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
      target: [6250, 6520],
      sd: 40,
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
    clusters: { beta: 1.1 }, // taken from the weekly tracker at the week containing 31 March
  },

  'looked-after-rate': {
    leeds: {
      numFrom: 'looked-after',
      den: LEEDS_POP_0_17,
      denRound: 100,
      denSd: 0.0003,
      real: {
        '2010-03-31': { value: '93.3', num: 1417, den: 151800, note: `real: computed 1417/151800 from ${SFR[2010]} (Mid2009Pop0-17)` },
      },
    },
    england: {
      numFrom: 'looked-after',
      den: ENGLAND_POP_0_17,
      denRound: 100,
      denSd: 0.0003,
      real: {
        '2010-03-31': { value: '58.5', num: 64400, den: 11012300, note: `real: computed 64400/11012300 from ${SFR[2010]}` },
      },
    },
    region: {
      numFrom: 'looked-after',
      den: REGION_POP_0_17,
      denRound: 100,
      denSd: 0.0003,
      real: {
        '2010-03-31': { value: '63.7', num: 7050, den: 1107100, note: `real: computed 7050/1107100 from ${SFR[2010]}` },
      },
    },
    neighbours: { valueOnly: true, target: [66.5, 69.0, 73.0, 75.5, 77.0, 77.5, 78.0, 78.5], sd: 0.4 },
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
      target: [9850, 12150, 13700, 14650, 0, 0, 10850, 10400],
      sd: 120,
      real: {
        '2011/12': { value: '14122', note: `real: ${CYPP} (safe from harm: achievements)` },
        '2012/13': { value: '11357', note: `real: ${CYPP} (safe from harm: achievements)` },
      },
    },
  },

  'cp-investigations-in-15-days': {
    leeds: {
      target: [45, 41, 32, 29, 0, 0, 72, 75],
      sd: 1,
      den: [1680, 2240, 2700, 2880, 2960, 2620, 2480, 2390],
      denSd: 0.01,
      real: {
        '2011/12': { value: '33', note: `real: ${EXEC_2013} para 3.3(i)` },
        '2012/13': { value: '66', note: `real: ${EXEC_2013} para 3.3(i)` },
      },
    },
  },

  're-referrals': {
    leeds: {
      target: [26, 28, 30, 33, 0, 0, 21, 20],
      sd: 0.8,
      denFrom: 'social-care-referrals',
      real: {
        '2011/12': { value: '32', note: `real: ${EXEC_2013} para 3.7(i) (years inferred)` },
        '2012/13': { value: '22', note: `real: ${EXEC_2013} para 3.7(i) (years inferred)` },
      },
    },
  },

  'looked-after-absence': {
    leeds: {
      target: [0, 0, 0, 0, 0, 4.8, 4.5, 4.3],
      sd: 0.15,
      den: [0, 0, 0, 0, 0, 184000, 181500, 178500],
      denSd: 0.01,
      real: {
        '2007/08': { value: '9.2', num: 18386, den: 199855, note: `real: computed from ${OC2_ABSENCE}` },
        '2008/09': { value: '8.2', num: 16124, den: 197395, note: `real: computed from ${OC2_ABSENCE}` },
        '2009/10': { value: '7.3', num: 14079, den: 192824, note: `real: computed from ${OC2_ABSENCE}` },
        '2010/11': { value: '7.3', num: 14239, den: 194874, note: `real: computed from ${OC2_ABSENCE}` },
        '2011/12': { value: '5.0', num: 9409, den: 187515, note: `real: computed from ${OC2_ABSENCE}` },
      },
    },
    england: {
      target: [0, 0, 0, 0, 0, 4.4, 4.1, 3.9],
      sd: 0.05,
      den: [0, 0, 0, 0, 0, 8010000, 8090000, 8150000],
      denSd: 0.005,
      denRound: 10,
      real: {
        '2007/08': { value: '6.4', num: 491590, den: 7625620, note: `real: computed from ${OC2_ABSENCE}` },
        '2008/09': { value: '6.2', num: 463790, den: 7487550, note: `real: computed from ${OC2_ABSENCE}` },
        '2009/10': { value: '5.8', num: 439730, den: 7579130, note: `real: computed from ${OC2_ABSENCE}` },
        '2010/11': { value: '5.5', num: 424380, den: 7729570, note: `real: computed from ${OC2_ABSENCE}` },
        '2011/12': { value: '4.7', num: 369140, den: 7909600, note: `real: computed from ${OC2_ABSENCE}` },
      },
    },
  },

  'looked-after-gcse': {
    leeds: {
      real: {
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
  },

  'child-protection-plans': {
    leeds: { target: [560, 705, 905, 1045, 1110, 1010, 905, 775], sd: 12 },
    england: { target: [29200, 34100, 39100, 42700, 42900, 43100, 48300, 49700], sd: 300, round: 100 },
    clusters: { beta: 0.8 },
  },

  'attendance-primary': {
    leeds: {
      target: [93.9, 0, 0, 94.8, 95.5, 95.0, 96.0, 95.9],
      sd: 0.08,
      den: PRIMARY_PUPILS.map((p) => p * SESSIONS_PRIMARY),
      denSd: 0.002,
      real: {
        '2008/09': { value: '94.1', note: 'real: blog of 26 Aug 2010 quoting Leeds figures' },
        '2009/10': { value: '94.3', note: 'real: blog of 26 Aug 2010 quoting Leeds figures' },
      },
    },
    england: { valueOnly: true, target: [94.7, 94.6, 94.8, 95.0, 95.3, 95.2, 96.1, 96.0], sd: 0.04 },
    neighbours: { valueOnly: true, target: [94.4, 94.4, 94.6, 94.9, 95.3, 95.0, 95.9, 95.9], sd: 0.05 },
    clusters: { beta: -0.45 },
  },

  'attendance-secondary': {
    leeds: {
      target: [0, 0, 0, 92.5, 93.3, 93.2, 94.2, 94.3],
      sd: 0.08,
      den: SECONDARY_PUPILS.map((p) => p * SESSIONS_SECONDARY),
      denSd: 0.002,
      real: {
        '2007/08': { value: '91.6', precise: '91.64', note: 'real: blog of 28 Jan 2009 (91.64%)' },
        '2008/09': { value: '91.5', note: 'real: blog of 26 Aug 2010 quoting Leeds figures' },
        '2009/10': { value: '91.9', precise: '91.88', note: 'real: blog of 26 Aug 2010 (91.9%) and Yorkshire Post (91.88%)' },
      },
    },
    england: {
      valueOnly: true,
      target: [92.7, 92.8, 0, 93.5, 94.2, 94.2, 94.8, 94.7],
      sd: 0.04,
      real: { '2009/10': { value: '93.2', valueOnly: true, note: 'real: Yorkshire Post (city sets priorities) 93.24%' } },
    },
    neighbours: { valueOnly: true, target: [92.2, 92.4, 92.8, 93.1, 93.8, 93.9, 94.6, 94.6], sd: 0.05 },
    clusters: { beta: -0.4 },
  },

  'attendance-weekly': {
    leeds: {},
    clusters: { beta: -0.45, staticSd: 0.1, stepSd: 0.05 },
  },

  'ks2-english-maths': {
    leeds: { target: [71, 70, 71, 72, 76, 77, 78, 80], sd: 0.15, den: [7650, 7560, 7480, 7440, 7530, 7690, 7880, 8090], denSd: 0.005 },
    england: { valueOnly: true, target: [73, 72, 73, 74, 79, 79, 79, 80], sd: 0.1 },
    neighbours: { valueOnly: true, target: [70, 70, 71, 72, 76, 77, 78, 79], sd: 0.2 },
    clusters: { beta: -0.6 },
  },

  'gcse-5ac-english-maths': {
    leeds: {
      target: [43.1, 0, 48.7, 53.9],
      sd: 0.05,
      den: [8420, 8290, 8120, 7960, 7810, 7690, 7580, 7470],
      denSd: 0.005,
      real: {
        '2008/09': { value: '45.9', note: 'real: Leeds Virtual Newsroom 24 Aug 2010' },
        '2011/12': { value: '55.0', note: `real: ${CYPP} and ${EXEC_2013} (published as 55%)` },
        '2012/13': { value: '57.3', note: 'real: YEP secondary league tables (performance tables)' },
        '2013/14': { value: '51.0', note: 'real: YEP league tables (published as 51%; LA provisional 50%)' },
        '2014/15': { value: '55.5', note: 'real: YEP league tables of 21 Jan 2016 (performance tables)' },
      },
    },
    england: { valueOnly: true, target: [47.6, 50.7, 53.5, 58.2, 58.8, 59.2, 53.4, 53.8], sd: 0.15 },
    region: { valueOnly: true, target: [44.2, 47.5, 50.9, 54.8, 55.2, 56.3, 51.3, 52.9], sd: 0.15 },
    neighbours: { valueOnly: true, target: [44.8, 47.9, 51.0, 54.6, 54.3, 56.2, 51.0, 53.1], sd: 0.2 },
    clusters: { beta: -0.8 },
    status: { '2013/14': 'b' },
  },

  neet: {
    // Leeds: the November–January average of the monthly tracker (built to hit the real years).
    leeds: {
      target: [8.7, 8.6, 8.4, 8.1, 6.2, 5.8, 5.5, 5.2],
      real: {
        '2011': { value: '8.1', note: `real: ${CYPP} (8.1% in 2011)` },
        '2012': { value: '6.2', note: `real: ${EXEC_2013} para 3.2(ii) (out-turn; ${CYPP} projected 6.6)` },
      },
    },
    england: { valueOnly: true, target: [6.5, 6.4, 6.0, 6.1, 5.8, 5.3, 4.7, 4.2], sd: 0.05 },
    neighbours: { valueOnly: true, target: [7.5, 7.4, 7.1, 7.0, 6.5, 5.9, 5.4, 5.0], sd: 0.08 },
    clusters: { beta: 0.9, gamma: 0.1 },
    status: { '2015': 'p' },
  },

  'neet-monthly': {
    leeds: {
      // 16-18 cohort known to Connexions, a guide for each academic year 2007/08 … 2015/16.
      den: [24600, 24400, 24100, 23700, 23200, 22800, 22600, 22500, 22400],
      real: {
        '2008-08': { value: '8.4', precise: '8.44', note: 'real: blog of 16 Oct 2008 quoting Leeds IYSS (8.44%)' },
        '2012-11': { value: '5.9', note: `real: ${CYPP} (November 2012)` },
        '2013-02': { value: '6.3', num: 1437, den: 22810, note: `real: ${CYPP} (1437 NEET at end Feb 2013; cohort constructed)` },
      },
    },
    clusters: { beta: 0.9, gamma: 0.1, staticSd: 0.12, stepSd: 0.03 },
  },

  'level3-at-19': {
    leeds: { target: [42.6, 44.1, 46.0, 48.2, 49.9, 51.6, 52.3, 52.6], sd: 0.25, den: [9050, 9180, 9240, 9210, 9120, 8980, 8860, 8720], denSd: 0.005 },
    england: { valueOnly: true, target: [47.0, 49.1, 51.3, 53.8, 55.9, 57.2, 57.0, 56.9], sd: 0.1 },
    clusters: { beta: -0.7 },
  },

  'apprenticeship-starts': {
    leeds: {
      target: [1320, 1290, 1560, 0, 0, 1985, 1915, 1970],
      sd: 25,
      real: {
        '2010/11': { value: '1904', note: `real: derived from ${CYPP} (2214 was 16.3% up on 2010/11)` },
        '2011/12': { value: '2214', note: `real: ${CYPP} (August 2011 to July 2012)` },
      },
    },
    // 2011/12 is 1.4% down on 2010/11, as the CYPP refresh says of the national figure.
    england: { target: [118400, 116800, 113900, 131700, 129900, 114600, 119900, 125700], sd: 0, round: 100 },
    clusters: { beta: 0.1 },
    status: { '2014/15': 'p' },
  },

  'eyfs-good-level': {
    leeds: { target: [45, 49, 53, 58, 63, 47, 55, 61], sd: 0.15, den: [8870, 9180, 9490, 9800, 10090, 10280, 10410, 10520], denSd: 0.005 },
    england: { valueOnly: true, target: [49, 52, 56, 59, 64, 52, 60, 66], sd: 0.1 },
    neighbours: { valueOnly: true, target: [46, 49, 52, 56, 60, 48, 56, 62], sd: 0.15 },
    clusters: { beta: -0.55 },
    status: { '2012/13': 'b' },
  },

  'short-breaks-children': {
    leeds: {
      target: [790, 880, 1010, 1140, 0, 0, 1390, 1425],
      sd: 15,
      real: {
        '2011/12': { value: '1261', note: `real: ${CYPP} (learning: achievements)` },
        '2012/13': { value: '1345', note: `real: ${CYPP} (projection for 2012/13)` },
      },
    },
    clusters: { beta: 0.2 },
    status: { '2012/13': 'p' },
  },

  'short-breaks-satisfaction': {
    leeds: { target: [78, 79, 81, 82, 84, 85, 86, 87], sd: 0.8, den: [236, 251, 268, 287, 305, 322, 318, 331], denSd: 0.03 },
  },

  'obesity-year6': {
    leeds: {
      target: [19.9, 20.3],
      sd: 0.2,
      den: [6610, 6720, 6840, 6960, 7060, 7190, 7350, 7520],
      denSd: 0.005,
      real: {
        '2009/10': { value: '20.0', note: 'real: YEP (one in three kids is obese or overweight)' },
        '2010/11': { value: '19.8', note: `real: ${NCMP_OBESE}` },
        '2011/12': { value: '19.7', note: `real: ${NCMP_OBESE}` },
        '2012/13': { value: '19.6', note: `real: ${NCMP_OBESE}` },
        '2013/14': { value: '19.3', note: `real: ${NCMP_OBESE}` },
        '2014/15': { value: '19.3', note: `real: ${NCMP_OBESE}` },
      },
    },
    england: {
      valueOnly: true,
      target: [18.3, 18.3],
      sd: 0.05,
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
  },

  'excess-weight-year6': {
    leeds: {
      denFrom: 'obesity-year6',
      real: {
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
  },

  'fsm-uptake-primary': {
    leeds: {
      target: [74.1, 75.0, 75.8, 0, 0, 77.3, 78.6, 79.4],
      sd: 0.25,
      den: [9600, 10400, 11200, 11800, 12000, 11900, 11500, 11000],
      denSd: 0.01,
      real: {
        '2010/11': { value: '76.6', note: `real: ${CYPP} (healthy lifestyles: challenges)` },
        '2011/12': { value: '76.7', note: `real: ${CYPP} (healthy lifestyles: challenges)` },
      },
    },
    england: {
      valueOnly: true,
      target: [77.6, 78.4, 79.1, 0, 0, 82.0, 83.1, 83.6],
      sd: 0.15,
      real: {
        '2010/11': { value: '79.8', valueOnly: true, note: `real: ${CYPP} (healthy lifestyles: challenges)` },
        '2011/12': { value: '81.8', valueOnly: true, note: `real: ${CYPP} (healthy lifestyles: challenges)` },
      },
    },
    clusters: { beta: 0.25, gamma: 1.6 },
  },

  'fsm-uptake-secondary': {
    leeds: {
      target: [64.0, 65.1, 66.0, 0, 0, 69.5, 70.2, 70.8],
      sd: 0.25,
      den: [6100, 6500, 6900, 7100, 7200, 7100, 6900, 6700],
      denSd: 0.01,
      real: {
        '2010/11': { value: '67.1', note: `real: ${CYPP} (healthy lifestyles: challenges)` },
        '2011/12': { value: '68.9', note: `real: ${CYPP} (healthy lifestyles: challenges)` },
      },
    },
    england: {
      valueOnly: true,
      target: [66.6, 67.7, 68.5, 0, 0, 71.0, 71.4, 71.8],
      sd: 0.15,
      real: {
        '2010/11': { value: '69.3', valueOnly: true, note: `real: ${CYPP} (healthy lifestyles: challenges)` },
        '2011/12': { value: '70.6', valueOnly: true, note: `real: ${CYPP} (healthy lifestyles: challenges)` },
      },
    },
    clusters: { beta: 0.3, gamma: 1.6 },
  },

  'under-18-conceptions': {
    // Numerators: conceptions as published; denominators (females aged 15-17) derived from
    // count ÷ rate, since the table gives no population.
    leeds: {
      real: conceptions([
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
    leeds: { target: [77.5, 71.8, 65.9, 60.2, 53.4, 47.0, 41.6, 37.9], sd: 1.5, denFrom: 'looked-after-rate' },
    england: { target: [72.4, 68.1, 62.9, 57.0, 50.3, 44.6, 40.5, 36.9], sd: 0.4, denFrom: 'looked-after-rate' },
    status: { '2014/15': 'p' },
  },

  'enjoy-life': {
    leeds: { target: [83, 84, 84, 85, 86, 86, 87, 87], sd: 0.3, den: [15200, 16100, 16800, 17300, 17900, 18200, 18500, 18300], denSd: 0.01 },
    clusters: { beta: -0.15 },
  },

  'young-offenders': {
    leeds: { target: [2.61, 2.38, 2.05, 1.72, 1.41, 1.18, 1.02, 0.93], sd: 0.02, den: [74800, 73900, 73100, 72500, 72200, 72100, 72300, 72800], denSd: 0.002 },
    clusters: { beta: 0.9 },
    status: { '2014/15': 'p' },
  },

  'influence-school': {
    leeds: { target: [56, 57, 59, 60, 62, 63, 64, 64], sd: 0.4, denFrom: 'enjoy-life' },
    clusters: { beta: -0.1, denFrom: 'enjoy-life' },
  },

  'influence-community': {
    leeds: { target: [31, 32, 33, 35, 36, 38, 38, 39], sd: 0.4, denFrom: 'enjoy-life' },
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

/** Which measures are generated before which (denominators and numerators taken from others). */
export const GENERATION_ORDER: readonly string[] = [
  'looked-after',
  'looked-after-weekly',
  'looked-after-rate',
  'social-care-referrals',
  're-referrals',
  'cp-investigations-in-15-days',
  'looked-after-absence',
  'looked-after-gcse',
  'child-protection-plans',
  'attendance-primary',
  'attendance-secondary',
  'attendance-weekly',
  'ks2-english-maths',
  'gcse-5ac-english-maths',
  'neet-monthly',
  'neet',
  'level3-at-19',
  'apprenticeship-starts',
  'eyfs-good-level',
  'short-breaks-children',
  'short-breaks-satisfaction',
  'obesity-year6',
  'excess-weight-year6',
  'fsm-uptake-primary',
  'fsm-uptake-secondary',
  'under-18-conceptions',
  'alcohol-admissions-under-18',
  'enjoy-life',
  'young-offenders',
  'influence-school',
  'influence-community',
];
