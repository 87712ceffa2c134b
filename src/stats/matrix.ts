/**
 * Small dense linear algebra for the regression modules (internal): Cholesky factorisation of a
 * symmetric positive-definite matrix, triangular solves and the inverse built from them.
 *
 * Reference: Golub GH, Van Loan CF (2013) Matrix Computations, 4th edn, §4.2 (Cholesky).
 * Matrices are arrays of rows. The sizes here are small (a handful of regression terms, a few
 * hundred post-baseline periods), so plain O(n³) loops are fast enough and easy to check.
 *
 * @example
 * cholesky([[4, 2], [2, 3]]); // [[2, 0], [1, 1.4142135623730951]]
 */
import { fail } from './validate.js';

export type Matrix = number[][];

/** Lower-triangular L with L·Lᵀ = A; throws when A is not positive definite. */
export function cholesky(a: readonly (readonly number[])[]): Matrix {
  const n = a.length;
  const l: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let d = a[j]![j]!;
    for (let k = 0; k < j; k++) d -= l[j]![k]! ** 2;
    if (!(d > 1e-300)) fail('INSUFFICIENT_DATA', 'cholesky', 'a positive-definite matrix (terms that are not collinear)', d, `pivot ${d} at ${j}`);
    const ljj = Math.sqrt(d);
    l[j]![j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = s / ljj;
    }
  }
  return l;
}

/** Solves L·x = b for lower-triangular L. */
export function forwardSolve(l: Matrix, b: readonly number[]): number[] {
  const n = l.length;
  const x = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    const row = l[i]!;
    for (let k = 0; k < i; k++) s -= row[k]! * x[k]!;
    x[i] = s / row[i]!;
  }
  return x;
}

/** Solves Lᵀ·x = b for lower-triangular L. */
export function backSolve(l: Matrix, b: readonly number[]): number[] {
  const n = l.length;
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

/** Solves A·x = b given the Cholesky factor L of A. */
export function choleskySolve(l: Matrix, b: readonly number[]): number[] {
  return backSolve(l, forwardSolve(l, b));
}

/** The inverse of A from its Cholesky factor. */
export function choleskyInverse(l: Matrix): Matrix {
  const n = l.length;
  const columns = Array.from({ length: n }, (_, j) => choleskySolve(l, Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))));
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (columns[j]![i]! + columns[i]![j]!) / 2));
}

/** Xᵀ·X for X given by rows. */
export function crossProduct(x: readonly (readonly number[])[]): Matrix {
  const p = x[0]?.length ?? 0;
  const out: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (const row of x) {
    for (let i = 0; i < p; i++) {
      const ri = row[i]!;
      if (ri === 0) continue;
      for (let j = 0; j <= i; j++) out[i]![j]! += ri * row[j]!;
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) out[j]![i] = out[i]![j]!;
  return out;
}

/** Xᵀ·y for X given by rows. */
export function crossVector(x: readonly (readonly number[])[], y: readonly number[]): number[] {
  const p = x[0]?.length ?? 0;
  const out = new Array<number>(p).fill(0);
  x.forEach((row, r) => {
    for (let i = 0; i < p; i++) out[i]! += row[i]! * y[r]!;
  });
  return out;
}

/** a·M·bᵀ for vectors a, b and a square matrix M. */
export function quadraticForm(a: readonly number[], m: Matrix, b: readonly number[] = a): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0) continue;
    let row = 0;
    for (let j = 0; j < b.length; j++) row += m[i]![j]! * b[j]!;
    s += a[i]! * row;
  }
  return s;
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
