import { slugify } from '../render/slug.js';

/** The folder a cluster's sheets go in. */
export function clusterFolder(cluster: string): string {
  return slugify(cluster, 'cluster');
}
