/** Where the shared real data lies: `../shared/data` beside the repository, or $TIDEWATCH_SHARED_DATA. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
export const SHARED_DATA = process.env.TIDEWATCH_SHARED_DATA ?? fileURLToPath(new URL('../../../../../../shared/data/', import.meta.url));
export const sharedDataAbsent: false | string = existsSync(SHARED_DATA) ? false : 'skipped: shared data absent';
