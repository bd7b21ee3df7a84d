/**
 * Debian's chromium, headless, driven by playwright-core (which brings no browser of its
 * own). Software WebGL (SwiftShader) draws the map: slow, but the same code path as a GPU.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumAbsent = existsSync(CHROMIUM) ? false : 'skipped: chromium not installed (bash scripts/setup-test-deps.sh installs it)';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A fresh browser profile each time, removed by `close()`. Page errors are collected. */
export async function openBrowser(viewport = { width: 1400, height: 880 }) {
  const userDir = mkdtempSync(join(tmpdir(), 'tidewatch-chromium-'));
  const context = await chromium.launchPersistentContext(userDir, { executablePath: CHROMIUM, headless: true, viewport, args: FLAGS });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    page,
    errors,
    async close() {
      await context.close();
      rmSync(userDir, { recursive: true, force: true });
    },
  };
}
