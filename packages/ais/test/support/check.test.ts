import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { SHARED_DATA, sharedDataAbsent } from './shared-data.js';
test('shared data path resolves beside the repository', { skip: sharedDataAbsent }, () => {
  assert.ok(existsSync(`${SHARED_DATA}/README.md`));
});
