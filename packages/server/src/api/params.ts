/**
 * Query parameters the schemas cannot check alone: times, time ranges and
 * paging cursors. Each parser returns a value or an `ApiError`, never throws.
 */
import type { ApiError } from '@tidewatch/protocol';
import type { EventKey } from '../store/store.js';
import { apiError } from './errors.js';

/** ISO 8601 date-time, UTC (`Z`) or with an offset; a bare date means its midnight UTC. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function parseTime(name: string, text: string | undefined): Parsed<number | null> {
  if (text === undefined) return { ok: true, value: null };
  const t = ISO_TIME.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(t)) return { ok: false, error: apiError('TW_BAD_TIME', `${name} ${JSON.stringify(text.slice(0, 40))} is not an ISO 8601 time such as 2024-05-01T12:00:00Z`) };
  return { ok: true, value: t };
}

export function parseTimeRange(from: string | undefined, to: string | undefined): Parsed<{ from: number | null; to: number | null }> {
  const f = parseTime('from', from);
  if (!f.ok) return f;
  const t = parseTime('to', to);
  if (!t.ok) return t;
  if (f.value !== null && t.value !== null && f.value > t.value) {
    return { ok: false, error: apiError('TW_BAD_TIME_RANGE', `from ${from} is after to ${to}`) };
  }
  return { ok: true, value: { from: f.value, to: t.value } };
}

/** An events cursor: the last item's key and the order it was listed in, base64url JSON. */
export function encodeCursor(key: EventKey, order: 'asc' | 'desc'): string {
  return Buffer.from(JSON.stringify([key.start, key.id, order])).toString('base64url');
}

export function decodeCursor(text: string | undefined, order: 'asc' | 'desc'): Parsed<EventKey | null> {
  if (text === undefined) return { ok: true, value: null };
  const bad = (why: string): Parsed<EventKey | null> => ({ ok: false, error: apiError('TW_BAD_CURSOR', `cursor ${JSON.stringify(text.slice(0, 40))} ${why}`) });
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return bad('is not one this server gave out');
  }
  if (!Array.isArray(value) || value.length !== 3 || typeof value[0] !== 'number' || !Number.isFinite(value[0]) || typeof value[1] !== 'string' || (value[2] !== 'asc' && value[2] !== 'desc')) {
    return bad('is not one this server gave out');
  }
  if (value[2] !== order) return bad(`was given for order=${value[2]}, not order=${order}`);
  return { ok: true, value: { start: value[0], id: value[1] } };
}
