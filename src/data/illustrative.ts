/**
 * Which figures are not real published statistics. A figure is illustrative when its note
 * begins with "illustrative" (the bundled example data; a user can mark their own rows the same
 * way) or when its status says it is estimated (`e`). Illustrative figures are marked ◇ wherever
 * they appear, and any page that shows one says so.
 */
import type { Observation } from './types.js';

/** The mark written after an illustrative figure. */
export const ILLUSTRATIVE_MARK = '◇';

export function isIllustrative(o: Pick<Observation, 'note' | 'status'>): boolean {
  return /^\s*illustrative\b/i.test(o.note ?? '') || o.status.includes('e');
}

/** Does any of these observations, with a value, show an illustrative figure? */
export function anyIllustrative(observations: Iterable<Pick<Observation, 'note' | 'status' | 'value'>>): boolean {
  for (const o of observations) if (o.value !== null && isIllustrative(o)) return true;
  return false;
}

/** A place's name as an owner, written one way on every page: "Leeds' figures", "Bradford's". */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** The banner for a page that shows illustrative figures. */
export function illustrativeBanner(city: string): string {
  return `Figures marked ${ILLUSTRATIVE_MARK} are illustrative, not ${possessive(city)} published statistics.`;
}
