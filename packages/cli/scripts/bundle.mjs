#!/usr/bin/env node
/**
 * Bundles the compiled `tidewatch` entry point with the `decode` command and
 * the decoder: dist/src/main.bundle.js, and the decode command with the
 * decoder as one chunk under dist/src/bundled/.
 *
 * Why: `tidewatch decode` is a filter people run in pipes and loops, and on a
 * one-off run Node spent about 90 ms of its 180 ms start-up resolving, reading
 * and compiling the seventy-odd modules one by one. Two files load in two steps.
 *
 * Rollup, not esbuild: esbuild turns every top-level `const` of a bundle into
 * `var`, and V8 cannot fold a `var` (a lookup table, a printer list) into the
 * optimised code as it folds a module constant; decoding the 1 M-line corpus
 * then took 4 % more instructions than the modules did, where Rollup's
 * output, which keeps `const`, takes 2 % fewer.
 *
 * Left outside, imported as before: Node's built-ins; commander (CommonJS,
 * loaded by Node); `replay` and `serve`, which find their data files relative
 * to their own modules and whose run time dwarfs start-up.
 *
 * Run after `tsc -b`; `npm run build`, `npm ci` and `npm test` do. The
 * `tidewatch` bin uses the bundle only while it is newer than the last compile
 * of the packages inside it, so a bare `tsc -b` never leaves it stale.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';

const src = fileURLToPath(new URL('../dist/src/', import.meta.url));
const OUTSIDE = new Set(['commander', '@tidewatch/server']);

const bundle = await rollup({
  input: { 'main.bundle': `${src}main.js` },
  external: (id) => id.startsWith('node:') || OUTSIDE.has(id) || id.endsWith('/replay/command.js'),
  plugins: [
    {
      // Workspace packages (the decoder) resolve as Node resolves them, to their compiled modules.
      name: 'workspace-packages',
      resolveId: (id) => (id.startsWith('@tidewatch/') ? fileURLToPath(import.meta.resolve(id)) : null),
    },
  ],
  onwarn: (warning) => console.warn(`bundling the tidewatch command: ${warning.message}`),
});
await rm(`${src}bundled`, { recursive: true, force: true });
await bundle.write({ dir: src, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'bundled/[name]-[hash].js' });
await bundle.close();
