/**
 * The live picture: composition root. Wires the live socket, the vessel tables, the map
 * layers, the panels and the time slider; everything else is in the modules it imports.
 */
import { MapboxOverlay } from '@deck.gl/mapbox';
import { PathLayer } from '@deck.gl/layers';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { NavigationControl, ScaleControl } from 'maplibre-gl';
import type { BBox, ClientMessage, EventRecord, LayerInfo, ServerMessage } from '@tidewatch/protocol';
import { ApiClient, type FeatureCollection } from './api/client.js';
import { apiBase, connectLive, liveUrl, type LinkState } from './live/live-socket.js';
import { KnownEvents } from './live/known-events.js';
import { VesselTable } from './live/vessel-table.js';
import { createBasemap, type View } from './map/basemap.js';
import { eventLayer } from './map/event-layer.js';
import { evidenceBounds, evidenceLayers, type Evidence } from './map/evidence-layers.js';
import { loadAnchorages } from './map/anchorages.js';
import { hideReferenceLayer, showReferenceLayer } from './map/reference-layers.js';
import { shipClassLabel } from './map/ship-types.js';
import { selectionLayer, vesselLayer } from './map/vessel-layer.js';
import { Announcer } from './panels/announcer.js';
import { EvidencePanel } from './panels/evidence-panel.js';
import { EventsPanel, passes } from './panels/events-panel.js';
import { knots, utc } from './panels/format.js';
import { LayersPanel } from './panels/layers-panel.js';
import { renderSources } from './panels/sources-panel.js';
import { VesselPanel } from './panels/vessel-panel.js';
import { EventStrip } from './timeline/event-strip.js';
import { PositionLog } from './timeline/position-log.js';
import { TimeSlider } from './timeline/time-slider.js';
import { createProbe, type PageProbe } from './probe.js';
import './style.css';

/** A vessel silent this long (data time) is no longer drawn when replaying history. */
const REPLAY_MAX_AGE_MS = 20 * 60_000;
const EVENTS_ON_LOAD = 1000;
const ANNOUNCE_BATCH_MS = 1000;

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const api = new ApiClient(apiBase(location));
const live = new VesselTable(1 << 14);
const replay = new VesselTable(1 << 14);
const log = new PositionLog();
const known = new KnownEvents();
let layerInfos: LayerInfo[] = [];
const layerCache = new Map<string, Promise<FeatureCollection | null>>();
let selectedMmsi: number | null = null;
let vesselTrack: [number, number][] = [];
let evidence: Evidence | null = null;
let fittedOnce = false;

const urlView = parseView(new URLSearchParams(location.search).get('view'));
const map = createBasemap(byId('map'), urlView ?? { center: [0, 20], zoom: 1.5 });
map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
map.addControl(new ScaleControl({ unit: 'nautical' }), 'bottom-right');

const probe = createProbe(map, () => shownTable());
(window as unknown as { tidewatch: PageProbe }).tidewatch = probe;

let drawnLayerVersion = -1;
const overlay = new MapboxOverlay({
  interleaved: false,
  layers: [],
  onAfterRender: () => {
    probe.drawn = { count: layers.vessels ? shownTable().count : 0, version: drawnLayerVersion, at: performance.now() };
  },
  getTooltip: (info: PickingInfo) => tooltip(info),
});
map.addControl(overlay);

const vesselPanel = new VesselPanel(byId('vessel-panel'), api, {
  now: () => slider.time || Date.now(),
  track: (mmsi, path) => {
    if (mmsi === selectedMmsi) vesselTrack = path.length ? path : log.trackOf(mmsi, slider.time - 6 * 3_600_000, slider.time).path;
    redraw();
  },
  openEvent: (e) => void openEvidence(e),
  close: () => closeVessel(),
});

const evidencePanel = new EvidencePanel(byId('evidence-panel'), api, {
  layers: () => layerInfos,
  layerFeatures: (id) => features(id),
  localTrack: (mmsi, from, to) => log.trackOf(mmsi, from, to).path,
  show: (ev) => {
    evidence = ev;
    const [w, s, e, n] = evidenceBounds(ev);
    // The evidence panel covers the map's left side: frame the evidence in the rest.
    const width = map.getContainer().clientWidth;
    map.fitBounds([[w, s], [e, n]], { padding: { top: 80, bottom: 80, left: Math.min(460, width / 2), right: Math.min(80, width / 8) }, maxZoom: 13, duration: 0 });
    redraw();
  },
  openVessel: (mmsi) => void openVessel(mmsi),
  close: () => {
    evidencePanel.close();
    evidence = null;
    redraw();
  },
});

const eventsPanel = new EventsPanel(byId('events-panel'), () => eventsChanged(), (e) => void openEvidence(e));
const layersPanel = new LayersPanel(byId('layers-panel'), (changed) => void layerToggled(changed));
const layers = layersPanel.toggles;
const announcer = new Announcer(byId('announcer'));
const slider = new TimeSlider(byId('slider-row'), () => timeChanged());
const strip = new EventStrip(byId<HTMLCanvasElement>('event-strip'), (e) => void openEvidence(e));

function shownTable(): VesselTable {
  return slider.live ? live : replay;
}

// ---- drawing -----------------------------------------------------------------------

let drawPending = false;
function redraw(): void {
  if (drawPending) return;
  drawPending = true;
  requestAnimationFrame(() => {
    drawPending = false;
    draw();
  });
}

function visibleEvents(): EventRecord[] {
  eventsPanel.filter.until = slider.live ? null : slider.time;
  return known.list.filter((e) => passes(e, eventsPanel.filter) && (e.type !== 'watchlist_match' || layers.watchlistHits));
}

function draw(): void {
  const table = shownTable();
  const shownEvents = visibleEvents();
  const list: Layer[] = [];
  if (layers.events) list.push(eventLayer(shownEvents, known.version, (e) => void openEvidence(e)));
  if (evidence) list.push(...evidenceLayers(evidence));
  if (vesselTrack.length > 1) {
    list.push(new PathLayer({ id: 'vessel-track', data: [vesselTrack], getPath: (p: [number, number][]) => p, getColor: [255, 255, 255, 200], getWidth: 2, widthUnits: 'pixels' }));
  }
  if (layers.vessels) list.push(vesselLayer(table, { visible: true, onPick: (mmsi) => void openVessel(mmsi) }));
  const ring = selectionLayer(table, selectedMmsi);
  if (ring) list.push(ring);
  drawnLayerVersion = table.version;
  overlay.setProps({ layers: list });
  probe.layers = list.map((l) => ({ id: l.id, size: dataSize(l.props.data) }));
  byId('vessel-count').textContent = `${table.count.toLocaleString('en')} vessel${table.count === 1 ? '' : 's'}`;
  strip.update(shownEvents, slider.bounds(), slider.time);
}

function dataSize(data: unknown): number {
  if (Array.isArray(data)) return data.length;
  const length = (data as { length?: unknown } | null)?.length;
  return typeof length === 'number' ? length : 0;
}

function tooltip(info: PickingInfo): { text: string } | null {
  if (info.layer?.id === 'vessels' && info.index >= 0) {
    const t = shownTable();
    const i = info.index;
    return { text: `MMSI ${t.mmsi[i]}\n${shipClassLabel(t.shipType[i]!)}\n${knots(t.sog[i])} · ${utc(t.time[i]!)}` };
  }
  if (info.layer?.id === 'events' && info.object) {
    const e = info.object as EventRecord;
    return { text: `${e.type} · ${utc(e.start)}\n${e.mmsi.join(' & ')}` };
  }
  return null;
}

// ---- live data ---------------------------------------------------------------------

function subscriptions(): ClientMessage[] {
  return [{ type: 'subscribe-positions', bbox: viewBox() }, { type: 'subscribe-events' }];
}

/** The view with a margin, so panning a little shows vessels at once. */
function viewBox(): BBox {
  const b = map.getBounds();
  const w = b.getWest(), e = b.getEast(), s = b.getSouth(), n = b.getNorth();
  if (e - w >= 180) return [-180, -90, 180, 90];
  const dx = (e - w) / 2, dy = (n - s) / 2;
  return [Math.max(-180, w - dx), Math.max(-90, s - dy), Math.min(180, e + dx), Math.min(90, n + dy)];
}

const link = connectLive(liveUrl(location), {
  frame: (columns) => {
    probe.frames++;
    probe.frameAt = performance.now();
    live.applyFrame(columns, log);
    probe.appliedAt = performance.now();
    probe.dataTime = columns.time;
    slider.setBounds(Math.min(log.earliest, known.earliestStart()), Math.max(log.latest, columns.time));
    if (!fittedOnce && !urlView && live.count > 0) fitToTraffic();
    if (slider.live) redraw();
  },
  message: (m) => received(m),
  state: (s, retry) => showLinkState(s, retry),
  fault: (error) => (byId('fault').textContent = error),
}, subscriptions);

let moveTimer: ReturnType<typeof setTimeout> | undefined;
map.on('moveend', () => {
  clearTimeout(moveTimer);
  moveTimer = setTimeout(() => link.send({ type: 'subscribe-positions', bbox: viewBox() }), 200);
});

function received(m: ServerMessage): void {
  switch (m.type) {
    case 'event':
      pendingAnnouncements.push(m.event);
      eventArrived(m.event);
      scheduleAnnouncement();
      break;
    case 'sources':
      renderSources(byId('sources-panel'), m.sources);
      break;
    case 'error':
      byId('fault').textContent = `${m.code}: ${m.message}`;
      break;
    case 'lagging':
      byId('fault').textContent = `display behind: ${m.dropped} frames skipped`;
      break;
    case 'hello':
    case 'pong':
      break;
  }
}

const pendingAnnouncements: EventRecord[] = [];
let announceTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleAnnouncement(): void {
  // Bursts (a replay catching up) become one announcement, not a stream of them.
  if (announceTimer !== undefined) return;
  announceTimer = setTimeout(() => {
    announceTimer = undefined;
    announcer.announce(pendingAnnouncements.splice(0));
  }, ANNOUNCE_BATCH_MS);
}

function showLinkState(s: LinkState, retryMs?: number): void {
  const el = byId('link-state');
  el.className = `link-state ${s}`;
  el.textContent = s === 'open' ? 'live' : s === 'connecting' ? 'connecting…' : `disconnected, retrying in ${Math.ceil((retryMs ?? 0) / 1000)} s`;
}

function fitToTraffic(): void {
  fittedOnce = true;
  let w = 180, s = 90, e = -180, n = -90;
  for (let i = 0; i < live.count; i++) {
    w = Math.min(w, live.lon[i]!);
    e = Math.max(e, live.lon[i]!);
    s = Math.min(s, live.lat[i]!);
    n = Math.max(n, live.lat[i]!);
  }
  map.fitBounds([[w, s], [e, n]], { padding: 60, maxZoom: 11, duration: 0 });
}

// ---- events ------------------------------------------------------------------------

/** Events from the socket are merged once a frame: a replay catching up sends hundreds. */
const arriving: EventRecord[] = [];
function eventArrived(e: EventRecord): void {
  if (arriving.push(e) > 1) return;
  requestAnimationFrame(() => {
    known.add(arriving.splice(0));
    eventsChanged();
  });
}

function eventsChanged(): void {
  visibleEvents();
  eventsPanel.render(known.list);
  redraw();
}

async function loadEvents(): Promise<void> {
  const r = await api.events({ limit: EVENTS_ON_LOAD });
  if (r.ok) {
    known.add(r.value.items);
    eventsChanged();
  }
  else byId('fault').textContent = `events: ${r.error}`;
}

// ---- panels and layers -----------------------------------------------------------------

async function openVessel(mmsi: number, centre = false): Promise<void> {
  selectedMmsi = mmsi;
  vesselTrack = [];
  evidencePanel.close();
  evidence = null;
  redraw();
  await vesselPanel.open(mmsi);
  if (centre && vesselPanel.mmsi === mmsi && vesselPanel.position) map.jumpTo({ center: vesselPanel.position, zoom: Math.max(map.getZoom(), 9) });
  byId('vessel-title')?.focus();
}

// Finding a vessel by MMSI: the keyboard's way to what a click on the map does.
byId<HTMLFormElement>('find-vessel').addEventListener('submit', (e) => {
  e.preventDefault();
  const value = byId<HTMLInputElement>('find-mmsi').value.trim();
  if (/^\d{9}$/.test(value)) void openVessel(Number(value), true);
});

function closeVessel(): void {
  vesselPanel.close();
  selectedMmsi = null;
  vesselTrack = [];
  redraw();
}

async function openEvidence(e: EventRecord): Promise<void> {
  closeVessel();
  await evidencePanel.open(e);
  byId('evidence-title')?.focus();
}

function features(id: string): Promise<FeatureCollection | null> {
  let p = layerCache.get(id);
  if (!p) {
    p = api.layerFeatures(id).then((r) => (r.ok ? r.value : null));
    layerCache.set(id, p);
  }
  return p;
}

async function layerToggled(changed?: LayerInfo | 'anchorages'): Promise<void> {
  if (changed === 'anchorages') {
    const fc = layers.anchorages ? await loadAnchorages() : null;
    if (fc && layers.anchorages) showReferenceLayer(map, 'anchorages', 'anchorages', fc);
    else hideReferenceLayer(map, 'anchorages');
  } else if (changed) {
    if (layers.reference.has(changed.id)) {
      const fc = await features(changed.id);
      if (fc && layers.reference.has(changed.id)) showReferenceLayer(map, changed.id, changed.kind, fc);
    } else {
      hideReferenceLayer(map, changed.id);
    }
  }
  eventsChanged();
}

async function loadLayers(): Promise<void> {
  const r = await api.layers();
  layerInfos = r.ok ? r.value : [];
  // Zones and infrastructure are shown from the start: they are why the picture matters.
  for (const l of layerInfos) if (l.kind !== 'watchlist') layers.reference.add(l.id);
  layersPanel.render(layerInfos, r.ok ? null : `layers: ${r.error}`);
  const draw = (): void => {
    for (const l of layerInfos) if (layers.reference.has(l.id)) void layerToggled(l);
  };
  if (map.loaded()) draw();
  else map.once('load', draw);
}

async function loadSources(): Promise<void> {
  const r = await api.sources();
  if (r.ok) renderSources(byId('sources-panel'), r.value);
}

// ---- time --------------------------------------------------------------------------

let replayPending = false;
function timeChanged(): void {
  if (!slider.live && !replayPending) {
    replayPending = true;
    requestAnimationFrame(() => {
      replayPending = false;
      log.pictureAt(slider.time, REPLAY_MAX_AGE_MS, replay);
      eventsChanged();
    });
    return;
  }
  eventsChanged();
}

function parseView(v: string | null): View | null {
  const parts = v?.split(',').map(Number);
  if (!parts || parts.length !== 3 || parts.some((x) => !Number.isFinite(x))) return null;
  return { center: [parts[0]!, parts[1]!], zoom: parts[2]! };
}

void loadEvents();
void loadLayers();
void loadSources();
