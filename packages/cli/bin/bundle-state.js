// Whether the bundle of the `tidewatch` command (scripts/bundle.mjs) may run:
// it exists and is newer than the last compile of every package inside it.
// A bare `tsc -b` after an edit leaves it older, and the compiled modules run.
import { statSync } from 'node:fs';

const BUNDLED_PACKAGES = ['cli', 'ais', 'geo', 'engine', 'server'];

/** The bundle's entry point, beside the compiled one. */
export const BUNDLE = new URL('../dist/src/main.bundle.js', import.meta.url);
export const MODULES = new URL('../dist/src/main.js', import.meta.url);

const modified = (url) => {
  try {
    return statSync(url).mtimeMs;
  } catch {
    return NaN;
  }
};

export function bundleIsFresh() {
  const bundle = modified(BUNDLE);
  return BUNDLED_PACKAGES.every((p) => bundle >= modified(new URL(`../../${p}/dist/tsconfig.tsbuildinfo`, import.meta.url)));
}
