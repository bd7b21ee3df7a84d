/**
 * The event timeline: a tick per event across the slider's span, coloured by type, with a
 * line at the time shown. A visual index only (the events panel is the accessible list);
 * clicking a tick opens that event.
 */
import type { EventRecord } from '@tidewatch/protocol';
import { eventRgb } from '../map/event-style.js';

const HIT_PX = 5;

export class EventStrip {
  private events: readonly EventRecord[] = [];
  private span: [number, number] = [0, 0];
  private cursor = 0;

  constructor(private readonly canvas: HTMLCanvasElement, onOpen: (e: EventRecord) => void) {
    canvas.setAttribute('aria-hidden', 'true');
    canvas.addEventListener('click', (ev) => {
      const x = ev.offsetX;
      let best: EventRecord | null = null;
      let bestD = HIT_PX;
      for (const e of this.events) {
        const d = Math.abs(this.x(Date.parse(e.start)) - x);
        if (d <= bestD) [best, bestD] = [e, d];
      }
      if (best) onOpen(best);
    });
    new ResizeObserver(() => this.draw()).observe(canvas);
  }

  update(events: readonly EventRecord[], span: [number, number], cursor: number): void {
    this.events = events;
    this.span = span;
    this.cursor = cursor;
    this.draw();
  }

  private x(t: number): number {
    const [a, b] = this.span;
    return b > a ? ((t - a) / (b - a)) * this.canvas.clientWidth : 0;
  }

  private draw(): void {
    const c = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth, hgt = c.clientHeight;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(hgt * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(hgt * dpr);
    }
    const g = c.getContext('2d');
    if (!g) return;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, hgt);
    // One lane per event type present, so a flood of one type does not hide the others.
    const lanes = [...new Set(this.events.map((e) => e.type))].sort();
    const laneH = lanes.length ? (hgt - 2) / lanes.length : 0;
    for (const e of this.events) {
      const y = 1 + lanes.indexOf(e.type) * laneH;
      const x = this.x(Date.parse(e.start));
      const x2 = this.x(Date.parse(e.end));
      const [r, gr, b] = eventRgb(e.type);
      g.fillStyle = `rgb(${r} ${gr} ${b} / 0.12)`;
      g.fillRect(x, y, Math.max(0, x2 - x), laneH - 1);
      g.fillStyle = `rgb(${r} ${gr} ${b})`;
      g.fillRect(x, y, 2, laneH - 1);
    }
    if (this.span[1] > this.span[0]) {
      g.fillStyle = '#fff';
      g.fillRect(this.x(this.cursor) - 1, 0, 2, hgt);
    }
  }
}
