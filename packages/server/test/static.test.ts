/**
 * The built web UI served at `/`: its files with their media types, the UI's
 * own routes falling back to index.html, nothing outside the web root.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, tempDir, type TestServer } from './support/server.js';

describe('web UI files', () => {
  const root = tempDir();
  let s: TestServer;

  before(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tidewatch</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(root, '..', 'secret.txt'), 'not for the web');
    s = await startServer({ webRoot: root });
  });
  after(async () => {
    await s.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(join(root, '..', 'secret.txt'), { force: true });
  });

  test('index.html at /, assets with their media type', async () => {
    const index = await s.server.app.inject({ url: '/' });
    assert.equal(index.statusCode, 200);
    assert.match(String(index.headers['content-type']), /text\/html/);
    assert.match(index.body, /<title>Tidewatch/);
    const js = await s.server.app.inject({ url: '/assets/app.js' });
    assert.equal(js.statusCode, 200);
    assert.match(String(js.headers['content-type']), /javascript/);
  });

  test("the UI's own routes get index.html; a missing asset is a 404", async () => {
    assert.match((await s.server.app.inject({ url: '/vessel/244670000?at=x' })).body, /<title>Tidewatch/);
    assert.equal((await s.server.app.inject({ url: '/assets/missing.js' })).statusCode, 404);
  });

  test('nothing outside the web root, however the path is spelt', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const r = await s.server.app.inject({ url });
      assert.ok(!r.body.includes('not for the web'), url);
    }
  });

  test('API routes are not the UI: an unknown one is an ApiError', async () => {
    const r = await s.server.app.inject({ url: '/api/v1/nothing' });
    assert.equal(r.statusCode, 404);
    assert.equal(r.json().code, 'TW_NOT_FOUND');
  });
});
