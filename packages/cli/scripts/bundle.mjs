#!/usr/bin/env node
/**
 * Bundles the compiled `tidewatch` entry point with the `decode` command,
 * the decoder and commander into one file, dist/src/main.bundle.js.
 *
 * Why: `tidewatch decode` is a filter people run in pipes and loops, and on
 * a one-off run Node spends about 90 ms resolving, reading and compiling the
 * seventy-odd modules it would otherwise load one by one: half its start-up,
 * and 4 % of decoding a million lines. One file loads in one step.
 *
 * `replay` and `serve` stay outside (imported from the compiled modules next
 * to the bundle, as before): they find their data files relative to their own
 * module, and their run time dwarfs start-up.
 *
 * Run after `tsc -b`; `npm run build`, `npm ci` and `npm test` do. The
 * `tidewatch` bin uses the bundle only while it is newer than the last compile
 * of the packages inside it, so a bare `tsc -b` never leaves it stale.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const dist = (path) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));

await build({
  entryPoints: [dist('src/main.js')],
  outfile: dist('src/main.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Relative to dist/src, where the bundle sits beside the modules it leaves out.
  external: ['@tidewatch/server', './replay/command.js'],
  // commander is CommonJS: give its `require` calls one inside an ES module.
  banner: { js: "import { createRequire as tidewatchRequire } from 'node:module';\nconst require = tidewatchRequire(import.meta.url);" },
  legalComments: 'inline',
  logLevel: 'warning',
});
