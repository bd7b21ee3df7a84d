/** The built `tidewatch` command, run as a child process, and scratch files to feed it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../../bin/tidewatch.js', import.meta.url));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The layer cache of the commands a test file runs: its own folder, so that
 * tests neither read nor fill the user's cache, shared by the file's runs so
 * that the first parses the shipped layers and the rest read them packed.
 */
export const LAYER_CACHE = mkdtempSync(join(tmpdir(), 'tidewatch-layer-cache-'));
process.on('exit', () => rmSync(LAYER_CACHE, { recursive: true, force: true }));

/** Runs `tidewatch args...` with `input` on standard input; `env` adds to the environment. */
export function tidewatch(args: readonly string[], input?: string | Uint8Array, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, maxBuffer: 1 << 28, encoding: 'utf8', env: { ...process.env, TIDEWATCH_CACHE_DIR: LAYER_CACHE, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch folder, removed when the process exits, and a writer of numbered files in it. */
export function scratchFiles(prefix: string): { dir: string; file: (content: string | Uint8Array, ending?: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  const file = (content: string | Uint8Array, ending = ''): string => {
    const path = join(dir, `input-${files++}${ending}`);
    writeFileSync(path, content);
    return path;
  };
  return { dir, file };
}
