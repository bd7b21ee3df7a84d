/**
 * An events query as SQL: the filters and the keyset on the narrow `events`
 * table (clustered by start, id), the served record joined in only for the
 * rows returned. One more row than the limit is asked for, to tell whether a
 * next page exists. The text depends only on which filters are set, so the
 * prepared statements stay few.
 */
import type { EventQuery } from './store.js';

export function eventsSql(q: EventQuery): { sql: string; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.types !== null) {
    where.push('type IN (SELECT value FROM json_each(?))');
    args.push(JSON.stringify(q.types));
  }
  if (q.from !== null) {
    where.push('end_ms >= ?');
    args.push(q.from);
  }
  if (q.to !== null) {
    where.push('start_ms <= ?');
    args.push(q.to);
  }
  if (q.bbox !== null) {
    const [w, s, e, n] = q.bbox;
    // West greater than east: the box crosses the antimeridian.
    where.push(w <= e ? 'lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?' : 'lat BETWEEN ? AND ? AND (lon >= ? OR lon <= ?)');
    args.push(s, n, w, e);
  }
  if (q.mmsi !== null) {
    where.push('id IN (SELECT event_id FROM event_vessels WHERE mmsi = ?)');
    args.push(q.mmsi);
  }
  if (q.zone !== null) {
    where.push('zone = ?');
    args.push(q.zone);
  }
  if (q.asset !== null) {
    where.push('asset = ?');
    args.push(q.asset);
  }
  const desc = q.order === 'desc';
  if (q.after !== null) {
    where.push(desc ? '(start_ms, id) < (?, ?)' : '(start_ms, id) > (?, ?)');
    args.push(q.after.start, q.after.id);
  }
  const dir = desc ? 'DESC' : 'ASC';
  const filtered = `SELECT start_ms, id FROM events${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY start_ms ${dir}, id ${dir} LIMIT ?`;
  args.push(q.limit + 1);
  return { sql: `SELECT e.start_ms, e.id, r.record FROM (${filtered}) AS e JOIN event_records AS r ON r.id = e.id ORDER BY e.start_ms ${dir}, e.id ${dir}`, args };
}
