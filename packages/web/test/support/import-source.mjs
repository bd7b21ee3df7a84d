/**
 * Imports one of the page's TypeScript modules into a node:test process: esbuild (Vite's
 * own compiler) bundles it in memory, so the pure modules are tested as written, without
 * a browser and without a compiled copy in the repository.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export async function importSource(path) {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../../src/${path}`, import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
