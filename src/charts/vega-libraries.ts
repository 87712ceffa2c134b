/**
 * vega and vega-lite, as oba's chart code imports them. `npm run build` replaces the compiled
 * form of this file with one bundle of both and the 200-odd modules they import
 * (`src/tools/bundle-libraries.ts`): loading those one by one cost every process that draws
 * (and every chart worker) about 0.2 s. Run from the sources (the tests), it imports them as usual.
 */
export * as vega from 'vega';
export * as vl from 'vega-lite';
