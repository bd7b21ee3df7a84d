#!/usr/bin/env node
// The compiled entry point; `npm ci` builds it through the root `prepare` script.
//
// The build also bundles it with its commands into a few files that start
// faster (scripts/bundle.mjs). Those are used only while they are newer than
// the last compile of every package inside them, so a bare `tsc -b` after an
// edit runs the fresh modules, never a stale bundle.
import { statSync } from 'node:fs';

const BUNDLED_PACKAGES = ['cli', 'ais', 'geo', 'engine', 'server'];

const modified = (path) => {
  try {
    return statSync(new URL(path, import.meta.url)).mtimeMs;
  } catch {
    return NaN;
  }
};
const bundle = modified('../dist/src/main.bundle.js');
const fresh = BUNDLED_PACKAGES.every((p) => bundle >= modified(`../../${p}/dist/tsconfig.tsbuildinfo`));
await import(fresh ? '../dist/src/main.bundle.js' : '../dist/src/main.js');
