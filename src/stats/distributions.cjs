/**
 * The stdlib distribution functions oba uses, in one module. `npm run build` bundles this file
 * and the packages it requires into `dist/src/stats/distributions.cjs`
 * (`src/tools/bundle-libraries.ts`): the packages are some 430 small modules, and loading
 * them one by one cost every command that analyses about 0.1 s before it started. Run from the
 * sources (the tests), it requires them as usual.
 */
'use strict';

module.exports = {
  normalQuantile: require('@stdlib/stats-base-dists-normal-quantile'),
  tQuantile: require('@stdlib/stats-base-dists-t-quantile'),
  chiSquareQuantile: require('@stdlib/stats-base-dists-chisquare-quantile'),
  fQuantile: require('@stdlib/stats-base-dists-f-quantile'),
  fCdf: require('@stdlib/stats-base-dists-f-cdf'),
};
