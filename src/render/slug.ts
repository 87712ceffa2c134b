/**
 * File names from names in the data (areas, clusters, indicators). A slug is lower-case ASCII
 * letters, digits and hyphens only, so it can never hold a path separator, `..`, or a name
 * Windows reserves, and it is short enough for any file system.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
const MAX_LENGTH = 48;

export function slugify(name: string, fallback = 'item'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const short = cutAtWord(slug);
  if (short === '') return fallback;
  return WINDOWS_RESERVED.test(short) ? `${short}-area` : short;
}

/** Shortens to at most MAX_LENGTH characters, at a hyphen where there is one. */
function cutAtWord(slug: string): string {
  if (slug.length <= MAX_LENGTH) return slug;
  const cut = slug.slice(0, MAX_LENGTH + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > MAX_LENGTH / 2 ? cut.slice(0, hyphen) : cut.slice(0, MAX_LENGTH)).replace(/-+$/g, '');
}

