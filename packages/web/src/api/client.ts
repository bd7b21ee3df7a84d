/**
 * The HTTP API as the page uses it: every URL the page builds is in this file. Failures
 * come back as values (`{ ok: false, error }`) for the panels to show, never as exceptions.
 */
import type { ApiError, EventRecord, LayerInfo, Page, SourceHealth, VesselDetail } from '@tidewatch/protocol';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** A GeoJSON FeatureCollection as layers carry it; geometry is read by MapLibre and deck.gl. */
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; id?: string | number; properties: Record<string, unknown> | null; geometry: { type: string; coordinates: unknown } | null }[];
}

export interface EventQuery {
  types?: readonly string[];
  from?: number;
  to?: number;
  mmsi?: number;
  limit?: number;
  cursor?: string | null;
}

export class ApiClient {
  constructor(private readonly root: string) {}

  vessel(mmsi: number, from: number, to: number): Promise<Result<VesselDetail>> {
    return this.get(`api/v1/vessels/${mmsi}`, { from: iso(from), to: iso(to) });
  }

  events(q: EventQuery): Promise<Result<Page<EventRecord>>> {
    return this.get('api/v1/events', {
      type: q.types?.length ? q.types.join(',') : undefined,
      from: q.from === undefined ? undefined : iso(q.from),
      to: q.to === undefined ? undefined : iso(q.to),
      mmsi: q.mmsi?.toString(),
      limit: q.limit?.toString(),
      cursor: q.cursor ?? undefined,
    });
  }

  async layers(): Promise<Result<LayerInfo[]>> {
    const r = await this.get<LayerInfo[] | Page<LayerInfo>>('api/v1/layers', {});
    return r.ok ? { ok: true, value: Array.isArray(r.value) ? r.value : r.value.items } : r;
  }

  /** A layer's features, whatever envelope the server wraps them in. */
  async layerFeatures(id: string): Promise<Result<FeatureCollection>> {
    const r = await this.get<unknown>(`api/v1/layers/${encodeURIComponent(id)}`, {});
    if (!r.ok) return r;
    const fc = findFeatureCollection(r.value);
    return fc ? { ok: true, value: fc } : { ok: false, error: `layer ${id} has no GeoJSON features` };
  }

  async sources(): Promise<Result<SourceHealth[]>> {
    const r = await this.get<SourceHealth[] | { sources: SourceHealth[] }>('api/v1/sources', {});
    return r.ok ? { ok: true, value: Array.isArray(r.value) ? r.value : r.value.sources } : r;
  }

  private async get<T>(path: string, params: Record<string, string | undefined>): Promise<Result<T>> {
    const url = new URL(path, this.root);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
    let res: Response;
    try {
      res = await fetch(url);
    } catch (e) {
      return { ok: false, error: `server unreachable (${(e as Error).message})` };
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const api = body as Partial<ApiError> | null;
      return { ok: false, error: api?.message ? `${api.code ?? res.status}: ${api.message}` : `HTTP ${res.status} for ${url.pathname}` };
    }
    return { ok: true, value: body as T };
  }
}

function findFeatureCollection(body: unknown): FeatureCollection | null {
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    if (o['type'] === 'FeatureCollection' && Array.isArray(o['features'])) return o as unknown as FeatureCollection;
    for (const key of ['geojson', 'data', 'features']) {
      const inner = o[key];
      if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
        const fc = findFeatureCollection(inner);
        if (fc) return fc;
      }
    }
  }
  return null;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
