/**
 * The live map in a real browser against the real server: the page loads from the
 * server, vessels appear, clicking a vessel opens its panel, an event opens its evidence,
 * and the time slider changes what the map shows.
 *
 * One server and one browser for the whole file (chromium starts slowly); the steps run
 * in order, each relying on the traffic ingested before it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumAbsent, openBrowser } from './support/browser.mjs';
import { builtPageMissing, ingest, startServer } from './support/server.mjs';
import { DRAGGED_ASSET, DRAGGER, ENTERED_ZONE, ENTRANT, FISHER, LATECOMER, LISTED, TANKER, T0, realTrafficPresent, scenarioChunks } from './support/scenario.mjs';

const skip = chromiumAbsent;
const WAIT = { timeout: 60_000 };
let server;
let browser;
let page;

before(async () => {
  if (skip) return;
  const missing = builtPageMissing();
  if (missing) throw new Error(missing);
  server = await startServer();
  browser = await openBrowser();
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The MMSIs the map draws right now. */
const drawnMmsis = () => page.evaluate(() => window.tidewatch.mmsis());

test('the page loads from the server and connects to the live stream', { skip }, async () => {
  // A view of the whole world, so the live box holds every vessel of the scenario
  // (without it the page frames the first traffic it sees).
  const response = await page.goto(`${server.url}?view=-50,45,1.2`);
  assert.equal(response.status(), 200);
  assert.equal(await page.title(), 'Tidewatch — live picture');
  await page.waitForFunction(() => document.getElementById('link-state')?.classList.contains('open'), null, WAIT);
  assert.equal(await page.locator('#link-state').innerText(), 'live');
});

test('vessels appear as traffic is ingested', { skip }, async () => {
  // Twenty minutes of data at a time, each chunk seen by the page before the next, so
  // the page's history holds several moments of the picture.
  for (const chunk of scenarioChunks(20)) {
    const counts = await ingest(server.url, chunk.lines);
    assert.ok(counts.messages > 0, `ingested ${JSON.stringify(counts)}`);
    // The server's reorder buffer may hold back the last half minute until more data comes.
    await page.waitForFunction((t) => window.tidewatch.dataTime >= t, chunk.lastTime - 60_000, WAIT);
  }
  const mmsis = await drawnMmsis();
  for (const v of [TANKER, FISHER, LATECOMER, ENTRANT, DRAGGER, LISTED]) assert.ok(mmsis.includes(v.mmsi), `${v.name} (${v.mmsi}) is drawn`);
  if (realTrafficPresent) assert.ok(mmsis.length > 50, `real traffic drawn too (${mmsis.length} vessels)`);
  await page.waitForFunction((n) => window.tidewatch.drawn.count === n, mmsis.length, WAIT);
  // New events were announced politely, and focus stayed where it was.
  const announcer = page.locator('#announcer');
  assert.equal(await announcer.getAttribute('aria-live'), 'polite');
  await page.waitForFunction(() => /new event/i.test(document.getElementById('announcer').textContent), null, WAIT);
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  assert.match(await page.locator('#vessel-count').innerText(), new RegExp(`^${mmsis.length.toLocaleString('en')} vessels$`));
});

test('clicking a vessel opens its panel: identity, history, track', { skip }, async () => {
  // The latecomer is alone on its course; zoom to it so no other vessel is under the pointer.
  await page.evaluate((mmsi) => window.tidewatch.zoomTo(mmsi, 11), LATECOMER.mmsi);
  await page.waitForFunction((mmsi) => window.tidewatch.project(mmsi) !== null, LATECOMER.mmsi, WAIT);
  await page.waitForTimeout(500);
  const [x, y] = await page.evaluate((mmsi) => window.tidewatch.project(mmsi), LATECOMER.mmsi);
  const box = await page.locator('#map').boundingBox();
  await page.mouse.click(box.x + x, box.y + y);
  const panel = page.locator('#vessel-panel');
  await panel.locator('h2', { hasText: LATECOMER.name }).waitFor(WAIT);
  const text = await panel.innerText();
  assert.match(text, new RegExp(`MMSI\\s+${LATECOMER.mmsi}`));
  assert.match(text, new RegExp(`Call sign\\s+${LATECOMER.callsign}`));
  assert.match(text, new RegExp(`IMO\\s+${LATECOMER.imo}`));
  assert.match(text, /Type\s+Cargo \(70\)/);
  assert.match(text, /Flag\s+(USA|United States)/);
  assert.match(text, /Identity history/i);
  const points = Number(/— (\d+) positions/.exec(text)?.[1]);
  assert.ok(points > 10, `track of ${points} positions`);
  const track = await page.evaluate(() => window.tidewatch.layers.find((l) => l.id === 'vessel-track'));
  assert.ok(track, 'the track is drawn');
  // Focus went to the panel the operator opened.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'vessel-title');
  await panel.getByRole('button', { name: 'Close vessel panel' }).click();
  assert.equal(await panel.isHidden(), true);
});

test('a vessel found by MMSI opens its panel from the keyboard', { skip }, async () => {
  await page.locator('#find-mmsi').fill(String(LISTED.mmsi));
  await page.locator('#find-mmsi').press('Enter');
  const panel = page.locator('#vessel-panel');
  await panel.locator('h2', { hasText: LISTED.name }).waitFor(WAIT);
  assert.match(await panel.innerText(), new RegExp(`IMO\\s+${LISTED.imo}`));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'vessel-title');
  // The map centres on it (the move is animated, and the vessel may reach the live table a frame later).
  const box = await page.locator('#map').boundingBox();
  const centred = ([mmsi, w, h]) => {
    const p = window.tidewatch.project(mmsi);
    return p !== null && p !== undefined && Math.abs(p[0] - w / 2) < 40 && Math.abs(p[1] - h / 2) < 40;
  };
  await page.waitForFunction(centred, [LISTED.mmsi, box.width, box.height], WAIT).catch(() => undefined);
  const p = await page.evaluate((mmsi) => window.tidewatch.project(mmsi), LISTED.mmsi);
  assert.ok(p && Math.abs(p[0] - box.width / 2) < 40 && Math.abs(p[1] - box.height / 2) < 40, `centred: ${p}`);
  await panel.getByRole('button', { name: 'Close vessel panel' }).click();
});

test('watchlist hits are listed and can be switched off on the map', { skip }, async () => {
  await page.locator('#event-list .event-item[data-event-type="watchlist_match"]', { hasText: String(LISTED.mmsi) }).waitFor(WAIT);
  const markers = () => page.evaluate(() => window.tidewatch.layers.find((l) => l.id === 'events')?.size ?? 0);
  const hits = await page.locator('#event-list .event-item[data-event-type="watchlist_match"]').count();
  const before = await markers();
  await page.locator('summary', { hasText: 'Layers' }).click();
  await page.locator('#layer-watchlist-hits').uncheck();
  await page.waitForFunction((n) => window.tidewatch.layers.find((l) => l.id === 'events')?.size === n, before - hits, WAIT);
  await page.locator('#layer-watchlist-hits').check();
  await page.waitForFunction((n) => window.tidewatch.layers.find((l) => l.id === 'events')?.size === n, before, WAIT);
  await page.locator('summary', { hasText: 'Layers' }).click();
});

test('an encounter opens its evidence: both vessels and their tracks', { skip }, async () => {
  const pair = `${Math.min(TANKER.mmsi, FISHER.mmsi)} & ${Math.max(TANKER.mmsi, FISHER.mmsi)}`;
  const item = page.locator('#event-list .event-item[data-event-type="encounter"]', { hasText: pair });
  await item.waitFor(WAIT);
  await item.click();
  const panel = page.locator('#evidence-panel');
  await panel.locator('h2', { hasText: 'Encounter' }).waitFor(WAIT);
  await page.waitForFunction(() => !document.getElementById('evidence-panel').innerText.includes('Loading evidence'), null, WAIT);
  const text = await panel.innerText();
  for (const v of [TANKER, FISHER]) {
    const n = Number(new RegExp(`MMSI ${v.mmsi} — (\\d+) track points`).exec(text)?.[1]);
    assert.ok(n > 60, `${v.name}: ${n} track points shown`);
  }
  assert.match(text, /minDistanceM/);
  const tracks = await page.evaluate(() => window.tidewatch.layers.find((l) => l.id === 'evidence-tracks'));
  assert.equal(tracks?.size, 2, 'two tracks drawn');
  // The evidence links to each vessel; its panel shows the track over the window chosen.
  await panel.getByRole('button', { name: `MMSI ${TANKER.mmsi}` }).click();
  const vessel = page.locator('#vessel-panel');
  await vessel.locator('h2', { hasText: TANKER.name }).waitFor(WAIT);
  const positions = async () => Number(/— (\d+) positions/.exec(await vessel.innerText())?.[1]);
  const sixHours = await positions();
  await vessel.locator('#track-window').selectOption({ label: '1 hour' });
  await page.waitForFunction((n) => {
    const m = /— (\d+) positions/.exec(document.getElementById('vessel-panel').innerText);
    return m && Number(m[1]) < n;
  }, sixHours, WAIT);
  const oneHour = await positions();
  assert.ok(oneHour > 0 && oneHour < sixHours, `1 hour: ${oneHour} positions, 6 hours: ${sixHours}`);
  await vessel.getByRole('button', { name: 'Close vessel panel' }).click();
  await item.click();
  await panel.locator('h2', { hasText: 'Encounter' }).waitFor(WAIT);
  // The map moved to the evidence: both vessels come into the live box and are on screen.
  const box = await page.locator('#map').boundingBox();
  for (const v of [TANKER, FISHER]) {
    await page.waitForFunction((mmsi) => window.tidewatch.project(mmsi) !== null, v.mmsi, WAIT);
    const p = await page.evaluate((mmsi) => window.tidewatch.project(mmsi), v.mmsi);
    assert.ok(p[0] >= 0 && p[0] <= box.width && p[1] >= 0 && p[1] <= box.height, `${v.name} on screen at ${p}`);
  }
});

test('a zone entry opens its evidence: the zone entered and the track', { skip }, async () => {
  const item = page.locator('#event-list .event-item[data-event-type="zone_entry"]', { hasText: String(ENTRANT.mmsi) });
  await item.waitFor(WAIT);
  await item.click();
  const panel = page.locator('#evidence-panel');
  await panel.locator('h2', { hasText: 'Zone entry' }).waitFor(WAIT);
  await panel.locator('.evidence-feature', { hasText: ENTERED_ZONE }).waitFor(WAIT);
  const layers = await page.evaluate(() => window.tidewatch.layers.map((l) => l.id));
  assert.ok(layers.includes('evidence-feature'), `zone drawn (${layers})`);
  assert.match(await panel.innerText(), new RegExp(`MMSI ${ENTRANT.mmsi} — [1-9]\\d* track points`));
});

test('an anchor dragged over a pipeline opens its evidence: the asset and its corridor', { skip }, async () => {
  const item = page.locator('#event-list .event-item[data-event-type="infrastructure_proximity"]', { hasText: String(DRAGGER.mmsi) });
  await item.waitFor(WAIT);
  await item.click();
  const panel = page.locator('#evidence-panel');
  await panel.locator('h2', { hasText: 'Near cable or pipeline' }).waitFor(WAIT);
  const shown = panel.locator('.evidence-feature', { hasText: DRAGGED_ASSET });
  await shown.waitFor(WAIT);
  assert.match(await shown.innerText(), /corridor \d+ m/);
  const layers = await page.evaluate(() => window.tidewatch.layers.map((l) => l.id));
  for (const id of ['evidence-corridor', 'evidence-feature', 'evidence-tracks']) assert.ok(layers.includes(id), `${id} drawn (${layers})`);
});

test('the layers panel lists the server\'s layers and switches them and the anchorages', { skip }, async () => {
  await page.locator('summary', { hasText: 'Layers' }).click();
  const zones = page.locator('#layers-panel input[id^="layer-builtin-zones"]');
  assert.ok((await zones.count()) > 0, 'builtin zone layers listed');
  const first = zones.first();
  const id = (await first.getAttribute('id')).slice('layer-'.length);
  // Zones are on from the start; switching one off takes it off the map.
  await page.waitForFunction((ref) => window.tidewatch.referenceLayers().some((l) => l.id === ref && l.features > 0), `ref:${id}`, WAIT);
  await first.uncheck();
  await page.waitForFunction((ref) => !window.tidewatch.referenceLayers().some((l) => l.id === ref), `ref:${id}`, WAIT);
  await page.locator('#layer-anchorages').check();
  await page.waitForFunction(() => window.tidewatch.referenceLayers().some((l) => l.id === 'ref:anchorages' && l.features > 1000), null, WAIT);
  await page.locator('#layer-anchorages').uncheck();
  await first.check();
});

test('the time slider replays history: early on the latecomer is not there yet', { skip }, async () => {
  const slider = page.locator('#time-slider');
  // A view holding the whole scenario; the live box follows it.
  await page.evaluate(() => window.tidewatch.view(-120.8, 33.5, 7.5));
  await page.waitForFunction((mmsi) => window.tidewatch.mmsis().includes(mmsi), LATECOMER.mmsi, WAIT);
  // One hour in: the latecomer first reports at two hours.
  await slider.fill(String(T0 + 60 * 60_000));
  await page.waitForFunction(() => document.getElementById('time-label').textContent.includes('replay'), null, WAIT);
  // The replayed frame is drawn in steps (the latecomer may be gone before the pair is back):
  // wait for the whole of it, then say which part is missing if it never comes.
  await page
    .waitForFunction(
      ([late, a, b]) => {
        const drawn = window.tidewatch.mmsis();
        return !drawn.includes(late) && drawn.includes(a) && drawn.includes(b);
      },
      [LATECOMER.mmsi, TANKER.mmsi, FISHER.mmsi],
      WAIT,
    )
    .catch(() => undefined);
  const early = await drawnMmsis();
  assert.ok(!early.includes(LATECOMER.mmsi), 'the latecomer is not there an hour in');
  assert.ok(early.includes(TANKER.mmsi) && early.includes(FISHER.mmsi), 'the encounter pair was already there');
  assert.match(await page.locator('#time-label').innerText(), /2018-06-01 01:00Z/);
  assert.equal(await page.locator('#live-button').getAttribute('aria-pressed'), 'false');
  await page.getByRole('button', { name: 'Live' }).click();
  await page.waitForFunction((mmsi) => window.tidewatch.mmsis().includes(mmsi), LATECOMER.mmsi, WAIT);
  assert.equal(await page.locator('#live-button').getAttribute('aria-pressed'), 'true');
});

test('the page raised no errors', { skip }, () => {
  assert.deepEqual(browser.errors, []);
});
