/**
 * The performance measures of the bundled plan's report cards (page 2: how much did we do, how
 * well did we do it, is anyone better off), for Leeds (and England where a report compares with
 * it). Every measure here is one the Leeds reports speak of; the figures they quote are real
 * (`real: <report>`), and the years around them are illustrative, shaped to what the reports say.
 * See specs.ts for the fields.
 */
import type { MeasureSpec } from './specs.js';
import {
  BLOG_AUG_2010,
  CYPP_HEALTHY,
  CYPP_INSPECTION,
  CYPP_LEARNING,
  CYPP_SAFE,
  CYPP_VOICE,
  EXEC_2013,
} from './sources.js';

export const PERFORMANCE_SPECS: Readonly<Record<string, MeasureSpec>> = {
  // --- 1. Children looked after ------------------------------------------------------------------

  'looked-after-starters': {
    // "There are 12 per cent fewer starters in the 2012-13 financial year than in the 2011-12
    // financial year."
    leeds: {
      guide: { '2004/05': 520, '2005/06': 505, '2006/07': 495, '2007/08': 510, '2008/09': 560, '2009/10': 640, '2010/11': 655, '2011/12': 640, '2013/14': 550, '2014/15': 530 },
      process: 0.04,
      pins: { '2012/13': { from: '2011/12', times: 0.88, note: 'illustrative (12% fewer than 2011/12, as the CYPP refresh 2013 says)' } },
    },
  },

  'family-group-conferences': {
    // "Capacity has been expanded fourfold over the past two years" (October 2013).
    leeds: {
      guide: { '2008/09': 70, '2009/10': 80, '2010/11': 95, '2011/12': 190, '2013/14': 470, '2014/15': 560 },
      process: 0.05,
      pins: { '2012/13': { from: '2010/11', times: 4, note: `illustrative (four times 2010/11: capacity "expanded fourfold over the past two years", ${EXEC_2013} para 3.7(ii))` } },
    },
    periods: { first: '2008/09' },
  },

  adoptions: {
    // "a marked increase in the number of adoptions" (2011 to 2013).
    leeds: {
      guide: { '2004/05': 75, '2005/06': 72, '2006/07': 70, '2007/08': 68, '2008/09': 62, '2009/10': 60, '2010/11': 64, '2011/12': 82, '2012/13': 112, '2013/14': 125, '2014/15': 115 },
      process: 0.05,
    },
  },

  'social-work-caseload': {
    // "caseloads have been reduced markedly from well over 25 to nearly 20" (CYPP refresh 2013).
    leeds: {
      guide: { '2009-03-31': 24.5, '2010-03-31': 26.0, '2011-03-31': 27.8, '2012-03-31': 25.6, '2013-03-31': 19.8, '2014-03-31': 19.0, '2015-03-31': 18.4 },
      dispersion: 0,
      process: 0.01,
    },
    periods: { first: '2009-03-31' },
  },

  'childrens-homes-good': {
    // Early 2013: "Five of the twelve (42 per cent) are rated good or better"; October 2013: "100%
    // of residential homes in Leeds are now judged to be 'good' or 'outstanding'".
    leeds: {
      // Twelve or so homes: the illustrative years are counts of homes, not draws around a rate.
      guide: { '2010-03-31': 31, '2011-03-31': 31, '2012-03-31': 40, '2014-03-31': 91, '2015-03-31': 88 },
      den: { '2010-03-31': 13, '2011-03-31': 13, '2012-03-31': 12, '2014-03-31': 11, '2015-03-31': 11 },
      denNoise: 0,
      pins: {
        '2010-03-31': { num: 4, note: 'illustrative (4 of 13 homes)' },
        '2011-03-31': { num: 4, note: 'illustrative (4 of 13 homes)' },
        '2012-03-31': { num: 5, note: 'illustrative (5 of 12 homes)' },
        '2014-03-31': { num: 10, note: 'illustrative (10 of 11 homes)' },
        '2015-03-31': { num: 10, note: 'illustrative (10 of 11 homes)' },
      },
      real: {
        '2013-03-31': { value: '42', num: 5, den: 12, note: `real: ${CYPP_INSPECTION} (5 of 12 homes good or better, early 2013)` },
        '2013-10-09': { value: '100', valueOnly: true, note: `real: ${EXEC_2013} para 3.3(ii) (100% good or outstanding, at the date of the report)` },
      },
    },
    periods: { first: '2010-03-31', extra: ['2013-10-09'] },
  },

  // --- 2. Child protection plans ----------------------------------------------------------------

  'cp-investigations-in-15-days': {
    leeds: {
      guide: { '2004/05': 48, '2007/08': 45, '2008/09': 41, '2009/10': 32, '2010/11': 29, '2013/14': 72, '2014/15': 75 },
      process: 2,
      den: { '2004/05': 1500, '2007/08': 1680, '2008/09': 2240, '2009/10': 2700, '2010/11': 2880, '2011/12': 2960, '2012/13': 2620, '2014/15': 2390 },
      denNoise: 0.01,
      real: {
        '2011/12': { value: '33', note: `real: ${EXEC_2013} para 3.3(i)` },
        '2012/13': { value: '66', note: `real: ${EXEC_2013} para 3.3(i)` },
      },
    },
  },

  'cp-conferences-in-timescale': {
    // No figure in the seeds: "More Child Protection Conferences take place within timescales than
    // in similar areas or the national average" (CYPP refresh 2013).
    leeds: {
      guide: { '2004/05': 64, '2007/08': 70, '2009/10': 74, '2010/11': 78, '2011/12': 83, '2012/13': 88, '2014/15': 90 },
      process: 2,
      den: { '2004/05': 520, '2008/09': 760, '2011/12': 1050, '2014/15': 900 },
      denNoise: 0.02,
    },
    england: {
      valueOnly: true,
      guide: { '2004/05': 66, '2008/09': 69, '2011/12': 74, '2012/13': 75, '2014/15': 77 },
      process: 0.4,
    },
  },

  // --- 3. Attendance --------------------------------------------------------------------------

  'persistent-absence-secondary': {
    // 2008/09 and 2009/10 from a blog of August 2010 (probably two terms); from 2011/12 the
    // threshold is 15% of sessions, not 20% (a break): "Just over 3,000 secondary pupils missed more
    // than 15% of school time in 2011/12."
    leeds: {
      guide: { '2004/05': 9.6, '2005/06': 9.9, '2006/07': 9.4, '2007/08': 8.8, '2010/11': 6.3, '2012/13': 6.9, '2013/14': 6.1, '2014/15': 5.9 },
      process: 0.3,
      den: { '2004/05': 46800, '2007/08': 45100, '2010/11': 43100, '2014/15': 41500 },
      real: {
        '2008/09': { value: '8.3', valueOnly: true, note: `real: ${BLOG_AUG_2010} (persistent absence, secondary)` },
        '2009/10': { value: '6.9', valueOnly: true, note: `real: ${BLOG_AUG_2010} (persistent absence, secondary)` },
      },
      pins: { '2011/12': { num: 3024, note: 'illustrative ("just over 3,000" pupils, as the CYPP refresh 2013 says)' } },
    },
    status: { '2011/12': 'b' },
  },

  'persistent-absence-primary': {
    leeds: {
      guide: { '2004/05': 3.3, '2005/06': 3.4, '2006/07': 3.2, '2007/08': 3.0, '2010/11': 2.4, '2011/12': 3.1, '2012/13': 3.0, '2013/14': 2.6, '2014/15': 2.6 },
      process: 0.15,
      den: { '2004/05': 52000, '2007/08': 53400, '2010/11': 57200, '2014/15': 64200 },
      real: {
        '2008/09': { value: '2.9', valueOnly: true, note: `real: ${BLOG_AUG_2010} (persistent absence, primary)` },
        '2009/10': { value: '2.6', valueOnly: true, note: `real: ${BLOG_AUG_2010} (persistent absence, primary)` },
      },
    },
    status: { '2011/12': 'b' },
  },

  // --- 4. NEET -----------------------------------------------------------------------------------

  'neet-not-known': {
    // Monthly, like the NEET tracker, over the same cohort; real in August 2007 and 2008.
    leeds: {
      guide: { '2006-01': 7.2, '2007-08': 6.3, '2008-08': 5.5, '2010-06': 4.6, '2012-06': 3.9, '2014-06': 3.3, '2015-12': 3.0 },
      real: {
        '2007-08': { value: '6.3', note: 'real: blog of 16 Oct 2008 quoting Leeds IYSS (not known 6.3%, August 2007)' },
        '2008-08': { value: '5.5', precise: '5.51', note: 'real: blog of 16 Oct 2008 quoting Leeds IYSS (not known 5.51%)' },
      },
    },
  },

  // --- 5. Early years ----------------------------------------------------------------------------

  'childrens-centres-good': {
    // "82% of Leeds' Children's Centres are rated as good or outstanding" (CYPP refresh 2013);
    // "higher than the national average (81% compared to 70%)" (October 2013).
    leeds: {
      guide: { '2011-03-31': 70, '2012-03-31': 76, '2014-03-31': 84, '2015-03-31': 86 },
      deff: 0.3, // a judgement stands until the next inspection: less scatter than independent draws
      den: { '2011-03-31': 56, '2015-03-31': 57 },
      denNoise: 0,
      real: {
        '2013-03-31': { value: '82', valueOnly: true, note: `real: ${CYPP_SAFE} (82% good or outstanding)` },
        '2013-10-09': { value: '81', valueOnly: true, note: `real: ${EXEC_2013} para 3.3(iii) (81%, at the date of the report)` },
      },
    },
    england: {
      valueOnly: true,
      guide: { '2011-03-31': 60, '2012-03-31': 64, '2013-03-31': 68, '2014-03-31': 73, '2015-03-31': 76 },
      process: 0.3,
      real: { '2013-10-09': { value: '70', valueOnly: true, note: `real: ${EXEC_2013} para 3.3(iii) (national average 70%)` } },
    },
    periods: { first: '2011-03-31', extra: ['2013-10-09'] },
  },

  'two-year-old-places': {
    // The CYPP refresh 2013 gives the plan, not counts: "1,000 additional places by March 2013;
    // 2,500 in March 2014; projected 5,500 in January 2015". Illustrative, near the plan.
    leeds: {
      guide: { '2012-03-31': 420, '2013-03-31': 1030, '2014-03-31': 2460, '2015-03-31': 5350 },
      process: 0.02,
    },
    periods: { first: '2012-03-31' },
  },

  // --- 6. Primary -------------------------------------------------------------------------------

  'primary-schools-good': {
    // "83% of primaries were good or better in Leeds in July 2013 compared to 69% in 2012 and a
    // national average of 78%".
    leeds: {
      guide: { '2010-07-31': 66, '2011-07-31': 67, '2014-07-31': 86, '2015-07-31': 89 },
      deff: 0.3, // a judgement stands until the next inspection: less scatter than independent draws
      den: { '2010-07-31': 223, '2015-07-31': 218 },
      denNoise: 0,
      real: {
        '2012-07-31': { value: '69', valueOnly: true, note: `real: ${EXEC_2013} para 3.3(iv) (69% in 2012)` },
        '2013-07-31': { value: '83', valueOnly: true, note: `real: ${EXEC_2013} para 3.3(iv) (83% in July 2013)` },
      },
    },
    england: {
      valueOnly: true,
      guide: { '2010-07-31': 67, '2011-07-31': 68, '2012-07-31': 70, '2014-07-31': 82, '2015-07-31': 85 },
      process: 0.3,
      real: { '2013-07-31': { value: '78', valueOnly: true, note: `real: ${EXEC_2013} para 3.3(iv) (national average 78%)` } },
    },
    periods: { first: '2010-07-31', snapshot: '07-31' },
  },

  // --- 7. GCSE -------------------------------------------------------------------------------

  'secondary-schools-inadequate': {
    // "Challenges remain though, with four secondary schools judged inadequate" (CYPP refresh 2013).
    leeds: {
      guide: { '2010-03-31': 3, '2011-03-31': 2, '2012-03-31': 3, '2014-03-31': 3, '2015-03-31': 2 },
      dispersion: 0,
      process: 0,
      real: { '2013-03-31': { value: '4', note: `real: ${CYPP_INSPECTION} (four secondary schools judged inadequate)` } },
    },
    periods: { first: '2010-03-31' },
  },

  'gcse-5ac-any': {
    // 5+ A*-C in any subjects (with equivalents): 2008 and 2009 from Hansard and the Leeds Virtual
    // Newsroom; 2012 "rose by 2.1% to 83.7% ... above the national figure and above the average for
    // statistical neighbours". The 2014 reforms cut equivalents (a break).
    leeds: {
      guide: { '2004/05': 52.0, '2005/06': 55.0, '2006/07': 58.5, '2009/10': 74.0, '2012/13': 85.4, '2013/14': 64.0, '2014/15': 63.8 },
      process: 0.6,
      den: { '2004/05': 8700, '2007/08': 8420, '2010/11': 7960, '2014/15': 7470 },
      real: {
        '2007/08': { value: '62.5', valueOnly: true, note: 'real: Hansard written answer of 17 Mar 2010 (GCSE: Leeds)' },
        '2008/09': { value: '67.4', valueOnly: true, note: 'real: Leeds Virtual Newsroom 24 Aug 2010 and Hansard' },
        '2011/12': { value: '83.7', valueOnly: true, note: `real: ${CYPP_LEARNING} (83.7% in 2012)` },
      },
      pins: { '2010/11': { value: '81.6', note: 'illustrative (83.7% in 2012 less the 2.1-point rise the CYPP refresh 2013 reports)' } },
    },
    england: {
      valueOnly: true,
      guide: { '2004/05': 56.3, '2005/06': 58.5, '2006/07': 61.4, '2007/08': 65.3, '2008/09': 70.0, '2009/10': 75.4, '2010/11': 80.5, '2011/12': 81.8, '2012/13': 83.0, '2013/14': 65.3, '2014/15': 66.9 },
      process: 0.1,
    },
    status: { '2013/14': 'b' },
  },

  // --- 9. Apprenticeships -----------------------------------------------------------------------

  'apprenticeship-success-rate': {
    // "Success rates are above national success rates; however, they have dropped slightly ...
    // (74.3 per cent in 11/12 compared to 76.9 per cent in 10/11)".
    leeds: {
      guide: { '2004/05': 52.0, '2005/06': 56.0, '2006/07': 61.0, '2007/08': 66.0, '2008/09': 70.0, '2009/10': 73.5, '2012/13': 75.0, '2013/14': 74.1, '2014/15': 73.0 },
      process: 1,
      den: { '2004/05': 900, '2009/10': 1300, '2012/13': 1750, '2014/15': 1650 },
      real: {
        '2010/11': { value: '76.9', valueOnly: true, note: `real: ${CYPP_LEARNING} (76.9% in 10/11)` },
        '2011/12': { value: '74.3', valueOnly: true, note: `real: ${CYPP_LEARNING} (74.3% in 11/12)` },
      },
    },
    england: {
      valueOnly: true,
      guide: { '2004/05': 50.0, '2006/07': 59.0, '2008/09': 69.0, '2010/11': 74.0, '2011/12': 72.6, '2012/13': 73.0, '2014/15': 71.5 },
      process: 0.2,
    },
  },

  // --- 10. Short breaks -------------------------------------------------------------------------

  'short-break-hours': {
    leeds: {
      guide: { '2004/05': 70000, '2006/07': 86000, '2008/09': 104000, '2010/11': 124000, '2013/14': 137500, '2014/15': 139000 },
      process: 0.03,
      real: {
        '2011/12': { value: '133386', note: `real: ${CYPP_LEARNING}` },
        '2012/13': { value: '134749', note: `real: ${CYPP_LEARNING} (projection for 2012/13)` },
      },
    },
    status: { '2012/13': 'p' },
  },

  // --- 11. Obesity -------------------------------------------------------------------------------

  'henry-trained-practitioners': {
    // "965 practitioners engaged in obesity work have attended HENRY training modules"; cumulative.
    leeds: {
      guide: { '2009/10': 140, '2010/11': 410, '2011/12': 720, '2013/14': 1180, '2014/15': 1360 },
      dispersion: 0,
      process: 0.02,
      real: { '2012/13': { value: '965', note: `real: ${CYPP_HEALTHY} (965 practitioners trained, by the refresh)` } },
    },
    periods: { first: '2009/10' },
  },

  'car-use-school-travel': {
    // "car use is down from 26% in 2011 to 25.7% in 2012".
    leeds: {
      guide: { '2008': 27.2, '2009': 26.9, '2010': 26.5, '2013': 25.4, '2014': 25.2, '2015': 25.0 },
      process: 0.2,
      den: { '2008': 101000, '2015': 108000 },
      real: {
        '2011': { value: '26.0', valueOnly: true, note: `real: ${CYPP_HEALTHY} (26% in 2011)` },
        '2012': { value: '25.7', valueOnly: true, note: `real: ${CYPP_HEALTHY} (25.7% in 2012)` },
      },
    },
    periods: { first: '2008' },
  },

  // --- 12. Free school meals -------------------------------------------------------------------

  'fsm-not-taken': {
    // "Leeds FSM take-up is consistently below national levels, with around 5,000 children and young
    // people not taking their entitlement": worked out from the counts behind the two uptake measures.
    leeds: {},
  },

  // --- 13. Teenage pregnancy ------------------------------------------------------------------

  'scored-tackled-boys': {
    // "SCORED/TACKLED sexual health programme delivered to 64 boys"; "Deliver eight more".
    leeds: {
      guide: { '2011/12': 30, '2013/14': 78, '2014/15': 82 },
      process: 0.05,
      real: { '2012/13': { value: '64', note: `real: ${CYPP_HEALTHY} (delivered to 64 boys, by the refresh)` } },
    },
    periods: { first: '2011/12' },
  },

  // --- 16. Offending --------------------------------------------------------------------------

  'custody-use': {
    // "Reductions in the use of custody by 25% over the first twelve month period as part of the
    // West Yorkshire pathfinder pilot": the dates of the twelve months are not given.
    leeds: {
      guide: { '2004/05': 210, '2005/06': 205, '2006/07': 200, '2007/08': 190, '2008/09': 175, '2009/10': 160, '2010/11': 150, '2011/12': 140, '2013/14': 96, '2014/15': 90 },
      process: 0.04,
      pins: { '2012/13': { from: '2011/12', times: 0.75, note: "illustrative (25% fewer than 2011/12: the pathfinder's first twelve months, as the CYPP refresh 2013 says)" } },
    },
  },

  'safer-schools-coverage': {
    // "The Safer Schools Police Officers, who cover 35 out of the 38 secondary schools in Leeds".
    leeds: {
      guide: { '2010-03-31': 68, '2011-03-31': 79, '2012-03-31': 87, '2014-03-31': 95, '2015-03-31': 95 },
      deff: 0.2, // officers are assigned school by school: coverage grows steadily
      den: { '2010-03-31': 38, '2015-03-31': 38 },
      denNoise: 0,
      real: { '2013-03-31': { value: '92', num: 35, den: 38, note: `real: ${CYPP_VOICE} (35 of 38 secondary schools)` } },
    },
    periods: { first: '2010-03-31' },
  },

  'families-first-families': {
    // "Through the Families First Programme just over 870 families" (CYPP refresh 2013); the
    // programme began in April 2012. Cumulative.
    leeds: {
      guide: { '2013/14': 1640, '2014/15': 2190 },
      dispersion: 0,
      process: 0.02,
      pins: { '2012/13': { num: 874, note: 'illustrative ("just over 870 families", as the CYPP refresh 2013 says)' } },
    },
    periods: { first: '2012/13' },
  },

  // --- 17. Voice and influence ----------------------------------------------------------------

  'childrens-mayor-votes': {
    // "Over 3,500 votes were cast for 2011/12 children's mayor."
    leeds: {
      guide: { '2012/13': 3900, '2013/14': 4300, '2014/15': 4600 },
      process: 0.04,
      pins: { '2011/12': { num: 3540, note: 'illustrative ("over 3,500 votes", as the CYPP refresh 2013 says)' } },
    },
    periods: { first: '2011/12' },
  },
};
