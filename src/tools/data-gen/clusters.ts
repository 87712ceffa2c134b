/**
 * ILLUSTRATIVE profiles of Leeds' 25 local clusters, used only to spread city figures over
 * clusters plausibly. The names in the bundled plan are placeholders modelled on Leeds
 * localities; these numbers are not measurements of any real place.
 *
 * - `deprivation`: -1 (least deprived) … +1 (most deprived); measures lean on it with their own
 *   sensitivity (more looked-after children and NEET where it is high, higher attainment where low).
 * - `size`: relative child population (1 = an average cluster).
 * - growth: inner, more deprived clusters grow a little faster over 2008–2015.
 */
import { hashString } from './random.js';

export interface ClusterProfile {
  deprivation: number;
  size: number;
}

const PROFILES: Readonly<Record<string, ClusterProfile>> = {
  Aireborough: { deprivation: -0.6, size: 1.0 },
  Alwoodley: { deprivation: -0.7, size: 0.8 },
  'Ardsley and Tingley': { deprivation: -0.3, size: 0.8 },
  Armley: { deprivation: 0.7, size: 1.1 },
  'Beeston and Holbeck': { deprivation: 0.8, size: 1.2 },
  Bramley: { deprivation: 0.5, size: 1.0 },
  'Chapel Allerton': { deprivation: 0.45, size: 1.2 },
  'Cross Gates': { deprivation: 0.2, size: 1.0 },
  Farnley: { deprivation: 0.3, size: 0.9 },
  Garforth: { deprivation: -0.5, size: 0.8 },
  'Gipton and Harehills': { deprivation: 0.95, size: 1.4 },
  Headingley: { deprivation: 0.0, size: 0.6 },
  Horsforth: { deprivation: -0.75, size: 0.8 },
  Hunslet: { deprivation: 0.8, size: 1.0 },
  Kippax: { deprivation: -0.1, size: 0.7 },
  Kirkstall: { deprivation: 0.2, size: 0.7 },
  Middleton: { deprivation: 0.75, size: 1.1 },
  Moortown: { deprivation: -0.4, size: 0.9 },
  Morley: { deprivation: -0.2, size: 1.2 },
  Otley: { deprivation: -0.5, size: 0.6 },
  Pudsey: { deprivation: -0.2, size: 1.0 },
  Rothwell: { deprivation: -0.25, size: 0.9 },
  Seacroft: { deprivation: 0.85, size: 1.1 },
  'Temple Newsam': { deprivation: 0.1, size: 0.9 },
  Wetherby: { deprivation: -0.9, size: 0.7 },
};

/** The profile of a cluster; a plan with other cluster names gets profiles derived from the name. */
export function clusterProfile(name: string): ClusterProfile {
  const known = PROFILES[name];
  if (known) return known;
  const h = hashString(`cluster-profile|${name}`);
  return { deprivation: ((h % 2001) / 1000 - 1) * 0.9, size: 0.6 + ((h >>> 12) % 801) / 1000 };
}

/** Relative child population of a cluster `years` after the start of 2008. */
export function clusterSize(profile: ClusterProfile, years: number): number {
  return profile.size * (1 + (0.004 + 0.01 * profile.deprivation) * years);
}
