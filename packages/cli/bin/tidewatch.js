#!/usr/bin/env node
// The compiled entry point; `npm ci` builds it through the root `prepare` script.
//
// The build also bundles it with the decode command into one file that starts
// in half the time (scripts/bundle.mjs). That file is used only while it is
// newer than the last compile of the cli and ais packages, so a bare `tsc -b`
// after an edit runs the fresh modules, never a stale bundle.
import { statSync } from 'node:fs';

const modified = (path) => {
  try {
    return statSync(new URL(path, import.meta.url)).mtimeMs;
  } catch {
    return NaN;
  }
};
const bundle = modified('../dist/src/main.bundle.js');
const fresh = bundle >= modified('../dist/tsconfig.tsbuildinfo') && bundle >= modified('../../ais/dist/tsconfig.tsbuildinfo');
await import(fresh ? '../dist/src/main.bundle.js' : '../dist/src/main.js');
