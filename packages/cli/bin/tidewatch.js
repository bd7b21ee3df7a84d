#!/usr/bin/env node
// The compiled entry point; `npm ci` builds it through the root `prepare` script.
//
// The build also bundles it with its commands into a few files that start
// faster (scripts/bundle.mjs). Those are used only while they are newer than
// the last compile of every package inside them (bundle-state.js), so a bare
// `tsc -b` after an edit runs the fresh modules, never a stale bundle.
import { BUNDLE, MODULES, bundleIsFresh } from './bundle-state.js';

await import((bundleIsFresh() ? BUNDLE : MODULES).href);
