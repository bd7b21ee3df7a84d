/**
 * Keys for the features of a layer: short, readable and stable for the same
 * layer, so event ids can say which zone, asset or watchlist entry an episode
 * concerns (`…:gfw-2018:finland-eez`). A key is the name folded to lower-case
 * ASCII letters, digits and dashes; a repeat within the layer gets `-2`, `-3`
 * in layer order.
 */

/** Lower-case ASCII letters and digits, runs of anything else as one dash; `unnamed` when nothing is left. */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug === '' ? 'unnamed' : slug;
}

/** One key per item, unique within the list: the slug, then `-2`, `-3`… for repeats. */
export function uniqueKeys(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set<string>();
  return texts.map((text) => {
    const base = slugOf(text);
    let n = seen.get(base) ?? 0;
    let key = base;
    while (taken.has(key)) key = `${base}-${++n + 1}`;
    seen.set(base, n);
    taken.add(key);
    return key;
  });
}
