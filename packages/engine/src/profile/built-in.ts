/**
 * The profiles shipped with the engine (profiles/*.json) and the default.
 * They are parsed once at module load; a shipped profile that does not parse
 * is a bug in this package, so that throws.
 */
import gfw2018 from '../../profiles/gfw-2018.json' with { type: 'json' };
import rendezvousFast from '../../profiles/rendezvous-fast.json' with { type: 'json' };
import { parseProfile, type Profile } from './profile.js';

/** The profile used when none is chosen: Global Fishing Watch's published definitions. */
export const DEFAULT_PROFILE_ID = 'gfw-2018';

function shipped(json: unknown): Profile {
  const result = parseProfile(json);
  if (!result.ok) throw new Error(`shipped profile is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.profile;
}

/** Shipped profiles by id. */
export const BUILT_IN_PROFILES: ReadonlyMap<string, Profile> = new Map([gfw2018, rendezvousFast].map((json) => {
  const profile = shipped(json);
  return [profile.id, profile] as const;
}));

/** A shipped profile by id (default: DEFAULT_PROFILE_ID), or undefined. */
export function builtInProfile(id: string = DEFAULT_PROFILE_ID): Profile | undefined {
  return BUILT_IN_PROFILES.get(id);
}
