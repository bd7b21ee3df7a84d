/**
 * `--profile NAME|FILE`: a built-in parameter profile by id, or a JSON file.
 */
import { readFile } from 'node:fs/promises';
import { BUILT_IN_PROFILES, builtInProfile, parseProfile, type Profile } from '@tidewatch/engine';

export type ProfileChoice = { ok: true; profile: Profile } | { ok: false; message: string };

export async function chooseProfile(nameOrFile: string | undefined): Promise<ProfileChoice> {
  const builtIn = builtInProfile(nameOrFile);
  if (builtIn !== undefined) return { ok: true, profile: builtIn };
  if (nameOrFile === undefined) return { ok: false, message: 'no default profile' };
  let json: unknown;
  try {
    json = JSON.parse(await readFile(nameOrFile, 'utf8'));
  } catch (e) {
    const known = [...BUILT_IN_PROFILES.keys()].join(', ');
    return { ok: false, message: `profile "${nameOrFile}" is neither a built-in profile (${known}) nor a readable JSON file: ${(e as Error).message}` };
  }
  const parsed = parseProfile(json);
  if (!parsed.ok) return { ok: false, message: `profile ${nameOrFile}: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` };
  return { ok: true, profile: parsed.profile };
}
