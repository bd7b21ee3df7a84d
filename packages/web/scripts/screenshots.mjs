#!/usr/bin/env node
/**
 * Takes the README's screenshots of the live map: the real server (started as for the
 * browser tests), real AIS traffic from the Santa Barbara Channel (the SBARC week's first
 * three hours, from the shared real data) plus the browser tests' encounter scenario, and
 * Debian's chromium. Writes docs/screenshots/*.png.
 *
 * Usage: npm run build && node packages/web/scripts/screenshots.mjs
 */
import { join } from 'node:path';
import { chromiumAbsent, openBrowser } from '../e2e/support/browser.mjs';
import { builtPageMissing, ingest, REPO_ROOT, startServer } from '../e2e/support/server.mjs';
import { DRAGGER, FISHER, SCENARIO_MMSIS, T0, TANKER, realTrafficPresent, scenarioChunks } from '../e2e/support/scenario.mjs';

const OUT = join(REPO_ROOT, 'docs/screenshots');
const problem = chromiumAbsent || builtPageMissing() || (realTrafficPresent ? null : 'the shared real data (SBARC week) is not there');
if (problem) {
  console.error(problem);
  process.exit(1);
}

const server = await startServer();
const browser = await openBrowser({ width: 1600, height: 960 });
const page = browser.page;
const shot = async (name) => {
  // Let deck.gl and MapLibre finish drawing in software.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(OUT, name) });
  console.log(`wrote docs/screenshots/${name}`);
};

try {
  await page.goto(server.url);
  await page.waitForFunction(() => document.getElementById('link-state')?.classList.contains('open'));
  for (const chunk of scenarioChunks(20)) {
    await ingest(server.url, chunk.lines);
    await page.waitForFunction((t) => window.tidewatch.dataTime >= t, chunk.lastTime - 60_000, { timeout: 60_000 });
  }
  await page.evaluate(() => window.tidewatch.view(-119.9, 33.95, 7.6));
  await page.waitForTimeout(1500);
  await shot('live-picture.png');

  // The vessel panel of a real, named vessel near the middle of the view.
  const target = await page.evaluate(async (invented) => {
    const box = document.getElementById('map').getBoundingClientRect();
    const res = await fetch('api/v1/vessels?limit=5000');
    const { items } = await res.json();
    const named = items.filter((v) => v.name && v.shipType >= 70 && v.shipType <= 89 && v.sog > 5 && !invented.includes(v.mmsi));
    let best = null;
    for (const v of named) {
      const p = window.tidewatch.project(v.mmsi);
      if (!p) continue;
      const d = Math.hypot(p[0] - box.width / 2, p[1] - box.height / 2);
      if (!best || d < best.d) best = { mmsi: v.mmsi, d };
    }
    return best?.mmsi ?? null;
  }, SCENARIO_MMSIS);
  if (target !== null) {
    await page.evaluate((mmsi) => window.tidewatch.zoomTo(mmsi, 9), target);
    await page.waitForTimeout(1000);
    const [x, y] = await page.evaluate((mmsi) => window.tidewatch.project(mmsi), target);
    const box = await page.locator('#map').boundingBox();
    await page.mouse.click(box.x + x, box.y + y);
    await page.locator('#vessel-panel h2').waitFor();
    await page.mouse.move(box.x + box.width - 40, box.y + box.height - 40);
    await shot('vessel-panel.png');
    await page.getByRole('button', { name: 'Close vessel panel' }).click();
  }

  // An encounter's evidence: both tracks around the event.
  const pair = `${Math.min(TANKER.mmsi, FISHER.mmsi)} & ${Math.max(TANKER.mmsi, FISHER.mmsi)}`;
  await page.locator('#event-list .event-item[data-event-type="encounter"]', { hasText: pair }).click();
  await page.waitForFunction(() => !document.getElementById('evidence-panel').innerText.includes('Loading evidence'));
  await shot('encounter-evidence.png');
  await page.getByRole('button', { name: 'Close evidence panel' }).click();

  // An anchor dragged over the Balticconnector: the pipeline, its corridor, the track.
  await page.locator('#event-list .event-item[data-event-type="infrastructure_proximity"]', { hasText: String(DRAGGER.mmsi) }).click();
  await page.waitForFunction(() => !document.getElementById('evidence-panel').innerText.includes('Loading evidence'));
  await shot('pipeline-evidence.png');
  await page.getByRole('button', { name: 'Close evidence panel' }).click();

  // History: the picture one hour in.
  await page.evaluate(() => window.tidewatch.view(-119.9, 33.95, 7.6));
  await page.locator('#time-slider').fill(String(T0 + 60 * 60_000));
  await page.waitForFunction(() => document.getElementById('time-label').textContent.includes('replay'));
  await shot('time-slider-replay.png');
} finally {
  await browser.close();
  await server.stop();
}
