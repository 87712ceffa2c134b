/**
 * The figures the bundled dataset takes from the Leeds reports (the seed documents) and from the
 * press and blog pages collected in data/real/leeds-figures.md, written out by hand from those
 * documents, with where each figure is said. The tests check each is in the dataset, exact, with a
 * `real:` note, and cited in data/README.md. Figures read from the real data files are not listed
 * here: the tests read those files themselves.
 *
 * Documents: `001` Leeds Executive Board, Children's Services Update Report, 9 October 2013 (by
 * paragraph); `002` Leeds Children and Young People's Plan 2011-15, refresh 2013 (by section).
 */
export type Figure = readonly [measure: string, area: string, period: string, value: string, where: string];

export const SEED_FIGURES: readonly Figure[] = [
  ['looked-after-weekly', 'Leeds', '2013-W26', '1358', '001 para 3.2(i): "On the 30th of June there were 1358 looked after children in Leeds"'],
  ['looked-after-weekly', 'Leeds', '2012-W26', '1432', '001 para 3.2(i): "74 lower (5.2 per cent) than the same period 12 months ago" (1358 + 74)'],
  ['social-care-referrals', 'Leeds', '2011/12', '14122', '002 safe from harm, achievements: "11,357 compared to 14,122"'],
  ['social-care-referrals', 'Leeds', '2012/13', '11357', '002 safe from harm, achievements: "11,357 compared to 14,122"'],
  ['cp-investigations-in-15-days', 'Leeds', '2011/12', '33', '001 para 3.3(i): "doubled between 2011/12 and 2012/13 (from 33% to 66%)"'],
  ['cp-investigations-in-15-days', 'Leeds', '2012/13', '66', '001 para 3.3(i): "doubled between 2011/12 and 2012/13 (from 33% to 66%)"'],
  ['re-referrals', 'Leeds', '2011/12', '32', '001 para 3.7(i): "fallen by 10% since the new arrangements were introduced (32% to 22%)"'],
  ['re-referrals', 'Leeds', '2012/13', '22', '001 para 3.7(i): "fallen by 10% since the new arrangements were introduced (32% to 22%)"'],
  ['neet', 'Leeds', '2011', '8.1', '002 learning, achievements: "a reduction from 8.1% in 2011"'],
  ['neet', 'Leeds', '2012', '6.2', '001 para 3.2(ii): "the latest annual figures show a reduction from 8.1% to 6.2%"'],
  ['neet-monthly', 'Leeds', '2012-11', '5.9', '002 turning the curve on the obsessions: "In November 2012 the rate in Leeds was 5.9%"'],
  ['neet-monthly', 'Leeds', '2013-02', '6.3', '002 learning, achievements: "At the end of February 2013 there were 1437 NEET young people in Leeds (6.3%)"'],
  ['gcse-5ac-english-maths', 'Leeds', '2011/12', '55.0', '002 learning, achievements: "rose by 1.1% to 55%"; 001 para 3.2(iii): "55% for the city in the 2012 DFE league tables"'],
  ['apprenticeship-starts', 'Leeds', '2011/12', '2214', '002 learning, achievements: "2,214 apprenticeship starts by 16 to 18 year-olds in Leeds between August 2011 and July 2012"'],
  ['apprenticeship-starts', 'Leeds', '2010/11', '1904', '002 learning, achievements: "a 16.3 per cent increase compared to 2010/11" (2214 / 1.163)'],
  ['short-breaks-children', 'Leeds', '2011/12', '1261', '002 learning, achievements: "from 1,261 children and 133,386 hours in 2011/12"'],
  ['short-breaks-children', 'Leeds', '2012/13', '1345', '002 learning, achievements: "to 1,345 children and 134,749 hours" (a projection)'],
  ['short-break-hours', 'Leeds', '2011/12', '133386', '002 learning, achievements: "from 1,261 children and 133,386 hours in 2011/12"'],
  ['short-break-hours', 'Leeds', '2012/13', '134749', '002 learning, achievements: "to 1,345 children and 134,749 hours" (a projection)'],
  ['fsm-uptake-primary', 'Leeds', '2010/11', '76.6', '002 healthy lifestyles, challenges: "Primary at 76.7% (76.6%) in Leeds"'],
  ['fsm-uptake-primary', 'Leeds', '2011/12', '76.7', '002 healthy lifestyles, challenges: "Primary at 76.7% (76.6%) in Leeds"'],
  ['fsm-uptake-primary', 'England', '2010/11', '79.8', '002 healthy lifestyles, challenges: "compared to 81.8% (79.8%) nationally"'],
  ['fsm-uptake-primary', 'England', '2011/12', '81.8', '002 healthy lifestyles, challenges: "compared to 81.8% (79.8%) nationally"'],
  ['fsm-uptake-secondary', 'Leeds', '2010/11', '67.1', '002 healthy lifestyles, challenges: "secondary at 68.9% (67.1%) in Leeds"'],
  ['fsm-uptake-secondary', 'Leeds', '2011/12', '68.9', '002 healthy lifestyles, challenges: "secondary at 68.9% (67.1%) in Leeds"'],
  ['fsm-uptake-secondary', 'England', '2010/11', '69.3', '002 healthy lifestyles, challenges: "compared to 70.6% (69.3%) nationally"'],
  ['fsm-uptake-secondary', 'England', '2011/12', '70.6', '002 healthy lifestyles, challenges: "compared to 70.6% (69.3%) nationally"'],
  ['childrens-homes-good', 'Leeds', '2013-03-31', '42', '002 recent inspection activity: "Five of the twelve (42 per cent) are rated good or better"'],
  ['childrens-homes-good', 'Leeds', '2013-10-09', '100', `001 para 3.3(ii): "100% of residential homes in Leeds are now judged to be 'good' or 'outstanding'"`],
  ['childrens-centres-good', 'Leeds', '2013-03-31', '82', `002 safe from harm, achievements: "82% of Leeds' Children's Centres are rated as good or outstanding"`],
  ['childrens-centres-good', 'Leeds', '2013-10-09', '81', '001 para 3.3(iii): "higher than the national average (81% compared to 70%)"'],
  ['childrens-centres-good', 'England', '2013-10-09', '70', '001 para 3.3(iii): "higher than the national average (81% compared to 70%)"'],
  ['primary-schools-good', 'Leeds', '2012-07-31', '69', '001 para 3.3(iv): "83% of primaries were good or better in Leeds in July 2013 compared to 69% in 2012"'],
  ['primary-schools-good', 'Leeds', '2013-07-31', '83', '001 para 3.3(iv): "83% of primaries were good or better in Leeds in July 2013"'],
  ['primary-schools-good', 'England', '2013-07-31', '78', '001 para 3.3(iv): "and a national average of 78%"'],
  ['secondary-schools-inadequate', 'Leeds', '2013-03-31', '4', '002 recent inspection activity: "four secondary schools judged inadequate"'],
  ['gcse-5ac-any', 'Leeds', '2011/12', '83.7', '002 learning, achievements: "rose by 2.1% to 83.7% in 2012"'],
  ['apprenticeship-success-rate', 'Leeds', '2010/11', '76.9', '002 learning, achievements: "(74.3 per cent in 11/12 compared to 76.9 per cent in 10/11)"'],
  ['apprenticeship-success-rate', 'Leeds', '2011/12', '74.3', '002 learning, achievements: "(74.3 per cent in 11/12 compared to 76.9 per cent in 10/11)"'],
  ['henry-trained-practitioners', 'Leeds', '2012/13', '965', '002 healthy lifestyles, achievements: "965 practitioners engaged in obesity work have attended HENRY training modules"'],
  ['car-use-school-travel', 'Leeds', '2011', '26.0', '002 healthy lifestyles, achievements: "car use is down from 26% in 2011 to 25.7% in 2012"'],
  ['car-use-school-travel', 'Leeds', '2012', '25.7', '002 healthy lifestyles, achievements: "car use is down from 26% in 2011 to 25.7% in 2012"'],
  ['scored-tackled-boys', 'Leeds', '2012/13', '64', '002 healthy lifestyles, achievements: "SCORED/TACKLED sexual health programme delivered to 64 boys"'],
  ['safer-schools-coverage', 'Leeds', '2013-03-31', '92', '002 voice and influence, achievements: "cover 35 out of the 38 secondary schools in Leeds"'],
];

/** Figures quoted in the press and blogs, as collected in data/real/leeds-figures.md. */
export const PRESS_FIGURES: readonly Figure[] = [
  ['looked-after', 'Leeds', '2007-03-31', '1340', 'leeds-figures.md §1: YEP, "1,340 Leeds children were in care in 2007"'],
  ['neet-monthly', 'Leeds', '2007-08', '9.5', 'leeds-figures.md §2: blog of 16 Oct 2008, August 2007 NEET 9.5%'],
  ['neet-monthly', 'Leeds', '2008-08', '8.4', 'leeds-figures.md §2: blog of 16 Oct 2008, August 2008 NEET 8.44%'],
  ['neet-not-known', 'Leeds', '2007-08', '6.3', 'leeds-figures.md §2: blog of 16 Oct 2008, August 2007 not known 6.3%'],
  ['neet-not-known', 'Leeds', '2008-08', '5.5', 'leeds-figures.md §2: blog of 16 Oct 2008, August 2008 not known 5.51%'],
  ['attendance-secondary', 'Leeds', '2007/08', '91.6', 'leeds-figures.md §3: blog of 28 Jan 2009, 91.64%'],
  ['attendance-primary', 'Leeds', '2008/09', '94.1', 'leeds-figures.md §3: blog of 26 Aug 2010'],
  ['attendance-secondary', 'Leeds', '2008/09', '91.5', 'leeds-figures.md §3: blog of 26 Aug 2010'],
  ['attendance-primary', 'Leeds', '2009/10', '94.3', 'leeds-figures.md §3: blog of 26 Aug 2010'],
  ['attendance-secondary', 'Leeds', '2009/10', '91.9', 'leeds-figures.md §3: blog of 26 Aug 2010 (91.9%); Yorkshire Post (91.88%)'],
  ['attendance-secondary', 'England', '2009/10', '93.2', 'leeds-figures.md §3: Yorkshire Post, 93.24%'],
  ['persistent-absence-secondary', 'Leeds', '2008/09', '8.3', 'leeds-figures.md §3: blog of 26 Aug 2010, secondary 8.3% (2009)'],
  ['persistent-absence-secondary', 'Leeds', '2009/10', '6.9', 'leeds-figures.md §3: blog of 26 Aug 2010, secondary 6.9% (2010)'],
  ['persistent-absence-primary', 'Leeds', '2008/09', '2.9', 'leeds-figures.md §3: blog of 26 Aug 2010, primary 2.9% (2009)'],
  ['persistent-absence-primary', 'Leeds', '2009/10', '2.6', 'leeds-figures.md §3: blog of 26 Aug 2010, primary 2.6% (2010)'],
  ['obesity-year6', 'Leeds', '2009/10', '20.0', 'leeds-figures.md §5: YEP, one in three kids is obese or overweight'],
  ['obesity-year6', 'England', '2009/10', '18.7', 'leeds-figures.md §5: YEP, one in three kids is obese or overweight'],
  ['gcse-5ac-english-maths', 'Leeds', '2008/09', '45.9', 'leeds-figures.md §6: Leeds Virtual Newsroom, 24 Aug 2010'],
  ['gcse-5ac-english-maths', 'Leeds', '2012/13', '57.3', 'leeds-figures.md §6: YEP league tables (performance tables)'],
  ['gcse-5ac-english-maths', 'Leeds', '2013/14', '51.0', 'leeds-figures.md §6: YEP league tables (51%)'],
  ['gcse-5ac-english-maths', 'Leeds', '2014/15', '55.5', 'leeds-figures.md §6: YEP league tables of 21 Jan 2016'],
  ['gcse-5ac-any', 'Leeds', '2007/08', '62.5', 'leeds-figures.md §6: Hansard written answer, 17 Mar 2010'],
  ['gcse-5ac-any', 'Leeds', '2008/09', '67.4', 'leeds-figures.md §6: Leeds Virtual Newsroom, 24 Aug 2010, and Hansard'],
];

/**
 * Rows that repeat a real figure in another measure: the weekly tracker at the week containing
 * 31 March is the 31 March count.
 */
export const COPIED_FIGURES: readonly Figure[] = [
  ['looked-after-weekly', 'Leeds', '2007-W13', '1340', 'the 31 March 2007 count'],
  ['looked-after-weekly', 'Leeds', '2010-W13', '1417', 'the 31 March 2010 count'],
  ['looked-after-weekly', 'Leeds', '2011-W13', '1448', 'the 31 March 2011 count'],
  ['looked-after-weekly', 'Leeds', '2012-W13', '1475', 'the 31 March 2012 count'],
  ['looked-after-weekly', 'Leeds', '2013-W13', '1373', 'the 31 March 2013 count'],
  ['looked-after-weekly', 'Leeds', '2014-W14', '1339', 'the 31 March 2014 count'],
  ['looked-after-weekly', 'Leeds', '2015-W14', '1245', 'the 31 March 2015 count'],
];

/** A marker row whose note says, from its source, why there is no figure. */
export const REAL_MARKERS: readonly Figure[] = [
  ['excess-weight-year6', 'England', '2005/06', 'x', 'PHOF 2.06ii starts in 2006/07 (the Fingertips file begins there)'],
];
