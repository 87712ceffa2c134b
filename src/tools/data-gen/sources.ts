/**
 * Short names of the sources the bundled dataset quotes, used in `real: …` notes. The full
 * citations (publisher, table, file, commit; for the Leeds reports the section and a verbatim
 * quote) are in data/README.md.
 */

/** DfE children looked after statistical releases, underlying data, by year of the 31 March count. */
export const SFR = {
  2010: 'DfE SFR27/2010 underlying data',
  2011: 'DfE SFR21/2011 underlying data',
  2012: 'DfE SFR20/2012 underlying data',
  2013: 'DfE SFR36/2013 underlying data',
  2014: 'DfE SFR36/2014 underlying data',
  2015: 'DfE SFR34/2015 underlying data',
} as const;
export const CLA_TIME_SERIES = 'DfE children looked after national time series 1994-2024';
export const OC2_ABSENCE = 'DfE SFR32/2012 table LA11 (overall absence / possible sessions)';
export const OC2_KS4 = 'DfE SFR32/2012 table LA3 (5+ A*-C inc. English and maths / eligible)';
export const OSR_2011_ABSENCE = 'DfE OC2 2011 release, absence (overall absence / possible sessions)';
export const OSR_2011_KS4 = 'DfE OC2 2011 release, KS4 (5+ A*-C inc. English and maths / eligible)';
export const LA3_2015 = 'DfE SFR34/2015 table LA3';
export const ONS_CONCEPTIONS = 'ONS Conceptions in England and Wales 2017 table 6';
export const NCMP_OBESE = 'NHS Digital NCMP via Fingertips (Trafford Data Lab extract)';
export const NCMP_EXCESS = 'PHE Fingertips PHOF 2.06ii (Trafford Data Lab extract)';

/** The Leeds reports (the seed documents of the bundled plan). */
export const CYPP = 'Leeds CYPP 2011-15 refresh 2013';
export const EXEC_2013 = 'Leeds Executive Board report 9 Oct 2013';

/** Sections of the CYPP refresh 2013 quoted in notes. */
export const CYPP_SAFE = `${CYPP}, safe from harm: achievements`;
export const CYPP_OBSESSIONS = `${CYPP}, turning the curve on the obsessions`;
export const CYPP_LEARNING = `${CYPP}, learning: achievements`;
export const CYPP_HEALTHY = `${CYPP}, healthy lifestyles: achievements`;
export const CYPP_HEALTHY_CHALLENGES = `${CYPP}, healthy lifestyles: challenges`;
export const CYPP_VOICE = `${CYPP}, voice and influence: achievements`;
export const CYPP_INSPECTION = `${CYPP}, recent inspection activity`;

/** Press and blog figures collected in data/real/leeds-figures.md. */
export const BLOG_AUG_2010 = 'blog of 26 Aug 2010 quoting Leeds figures';
