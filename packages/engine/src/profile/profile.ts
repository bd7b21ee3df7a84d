/**
 * Parameter profiles: every number that changes what the engine reports,
 * as data. A profile has an id and a version, stamped on every event, so an
 * event always says which definitions produced it.
 *
 * `parseProfile` is pure and strict: every detector in the registry must be
 * present (its parameters, or `false` to switch it off), every parameter
 * stated, nothing unknown; problems come back as values with their JSON path.
 */
import { DETECTORS, type DetectorParamsMap } from '../detect/registry.js';
import { describe, parseParams, type ProfileError } from './params.js';
import { TRACK_PARAMS, type TrackParams } from './track-params.js';

export interface Profile {
  /** Lower-case letters, digits and dashes; appears in event ids. */
  readonly id: string;
  readonly version: string;
  readonly description: string;
  readonly tracks: TrackParams;
  readonly detectors: DetectorParamsMap;
}

export type ProfileResult = { readonly ok: true; readonly profile: Profile } | { readonly ok: false; readonly errors: readonly ProfileError[] };

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const TOP_LEVEL = ['id', 'version', 'description', 'tracks', 'detectors'];

export function parseProfile(json: unknown): ProfileResult {
  const errors: ProfileError[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, errors: [{ path: '', message: `expected a profile object, got ${describe(json)}` }] };
  }
  const record = json as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!TOP_LEVEL.includes(key)) errors.push({ path: key, message: `unknown key (known: ${TOP_LEVEL.join(', ')})` });
  }
  const { id, version, description } = record;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) errors.push({ path: 'id', message: `expected lower-case letters, digits and dashes, got ${describe(id)}` });
  if (typeof version !== 'string' || version === '') errors.push({ path: 'version', message: `expected a non-empty string, got ${describe(version)}` });
  if (typeof description !== 'string') errors.push({ path: 'description', message: `expected a string, got ${describe(description)}` });
  const tracks = parseParams(TRACK_PARAMS, record.tracks, 'tracks', errors);
  const detectors = parseDetectors(record.detectors, errors);
  if (detectors !== undefined) checkAgreement(detectors, errors);
  if (errors.length > 0 || tracks === undefined || detectors === undefined) return { ok: false, errors };
  return { ok: true, profile: { id: id as string, version: version as string, description: description as string, tracks, detectors } };
}

function parseDetectors(json: unknown, errors: ProfileError[]): DetectorParamsMap | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    errors.push({ path: 'detectors', message: `expected an object keyed by detector, got ${describe(json)}` });
    return undefined;
  }
  const record = json as Record<string, unknown>;
  const known = DETECTORS.map((d) => d.type as string);
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) errors.push({ path: `detectors.${key}`, message: `unknown detector (known: ${known.join(', ')})` });
  }
  const out: Record<string, unknown> = {};
  for (const definition of DETECTORS) {
    const path = `detectors.${definition.type}`;
    const value = record[definition.type];
    if (value === undefined) errors.push({ path, message: 'missing: give its parameters, or false to switch it off' });
    else if (value === false) out[definition.type] = false;
    else out[definition.type] = parseParams(definition.params, value, path, errors);
  }
  return out as DetectorParamsMap;
}

/**
 * Rules that span detectors. A jump followed by alternation is either a
 * position_jump (at most maxReturns returns) or an identity_conflict (at
 * least minSwitches switches); with minSwitches = maxReturns + 1 every such
 * jump is reported by exactly one of them.
 */
function checkAgreement(detectors: DetectorParamsMap, errors: ProfileError[]): void {
  const jump = detectors.position_jump;
  const conflict = detectors.identity_conflict;
  if (jump !== false && conflict !== false && jump !== undefined && conflict !== undefined && conflict.minSwitches !== jump.maxReturns + 1) {
    errors.push({
      path: 'detectors.identity_conflict.minSwitches',
      message: `must be position_jump.maxReturns + 1 = ${jump.maxReturns + 1} (got ${conflict.minSwitches}), so each jump is reported by exactly one of them`,
    });
  }
}
