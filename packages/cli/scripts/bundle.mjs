#!/usr/bin/env node
/**
 * Bundles the compiled `tidewatch` command: dist/src/main.bundle.js, and its
 * commands with the packages they use (the decoder, the engine, geo, the
 * reference layer readers) as chunks under dist/src/bundled/, loaded only
 * when their command runs.
 *
 * Why: Node loads an ES module graph file by file. `tidewatch decode` spent
 * about 90 ms of its 180 ms start-up resolving, reading and compiling some
 * seventy modules one by one, `tidewatch replay` about 200 ms more than it
 * does bundled; a filter run in pipes and loops, or a replay of a small file,
 * pays that every time.
 *
 * Rollup, not esbuild: esbuild turns every top-level `const` of a bundle into
 * `var`, and V8 cannot fold a `var` (a lookup table, a printer list) into the
 * optimised code as it folds a module constant; decoding the 1 M-line corpus
 * then took 4 % more instructions than the modules did, where Rollup's
 * output, which keeps `const`, takes 2 % fewer.
 *
 * Left outside, imported as before: Node's built-ins; commander (CommonJS,
 * loaded by Node); `serve` (@tidewatch/server), which finds the web pages
 * relative to its own module. The replay chunks sit at the same depth below
 * the package as the modules they come from, so `replay`'s path to data/
 * holds in both.
 *
 * Run after `tsc -b`; `npm run build`, `npm ci` and `npm test` do. The
 * `tidewatch` bin uses the bundle only while it is newer than the last compile
 * of every package inside it, so a bare `tsc -b` never leaves it stale.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';

const src = fileURLToPath(new URL('../dist/src/', import.meta.url));
const OUTSIDE = new Set(['commander', '@tidewatch/server']);

const bundle = await rollup({
  input: { 'main.bundle': `${src}main.js` },
  external: (id) => id.startsWith('node:') || OUTSIDE.has(id),
  plugins: [
    {
      // The engine's built-in profiles are JSON modules.
      name: 'json-modules',
      transform: (code, id) => (id.endsWith('.json') ? { code: `export default ${code};`, map: null } : null),
    },
    {
      // Workspace packages resolve as Node resolves them (exports maps included), to their compiled modules.
      name: 'workspace-packages',
      resolveId: (id) => (id.startsWith('@tidewatch/') ? fileURLToPath(import.meta.resolve(id)) : null),
    },
  ],
  onwarn: (warning) => console.warn(`bundling the tidewatch command: ${warning.message}`),
});
await rm(`${src}bundled`, { recursive: true, force: true });
await bundle.write({ dir: src, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'bundled/[name]-[hash].js' });
await bundle.close();
