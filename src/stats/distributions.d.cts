/** The stdlib distribution functions of `distributions.cjs` (lower-tail, as R's `qnorm`, `qt`, `qchisq`, `qf`, `pf`). */
declare const distributions: {
  normalQuantile(p: number, mu: number, sigma: number): number;
  tQuantile(p: number, df: number): number;
  chiSquareQuantile(p: number, df: number): number;
  fQuantile(p: number, d1: number, d2: number): number;
  fCdf(x: number, d1: number, d2: number): number;
};
export = distributions;
