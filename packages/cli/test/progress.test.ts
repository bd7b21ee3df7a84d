import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { Progress } from '../src/decode/progress.js';

/** A stderr stand-in that records what is drawn. */
function terminal(isTTY: boolean): Writable & { isTTY: boolean; text: string } {
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      out.text += chunk.toString();
      done();
    },
  }) as Writable & { isTTY: boolean; text: string };
  out.isTTY = isTTY;
  out.text = '';
  return out;
}

test('on a terminal, progress appears after the first second, with rates and the share of a known size, and is cleared', () => {
  let now = 0;
  const tty = terminal(true);
  const p = new Progress(tty, () => now, 10e6);
  now = 500;
  p.update(1e6, 20000);
  assert.equal(tty.text, '', 'nothing in the first second');
  now = 2000;
  p.update(5e6, 100000);
  assert.match(tty.text, /^\r5\.0 MB 50\.0% {2}2\.5 MB\/s {2}50 k lines\/s/);
  const drawn = tty.text.length;
  now = 2100;
  p.update(6e6, 120000);
  assert.equal(tty.text.length, drawn, 'not redrawn within a quarter second');
  p.finish();
  assert.ok(tty.text.endsWith('\r\u001b[K'), 'the line is cleared before the summary');
});

test('without a known size there is no percentage; when stderr is not a terminal nothing is drawn', () => {
  let now = 0;
  const tty = terminal(true);
  const p = new Progress(tty, () => now, undefined);
  now = 4000;
  p.update(8e6, 40000);
  assert.match(tty.text, /^\r8\.0 MB {2}2\.0 MB\/s {2}10 k lines\/s/);

  const pipe = terminal(false);
  const q = new Progress(pipe, () => now, 10e6);
  now = 9000;
  q.update(9e6, 1);
  q.finish();
  assert.equal(pipe.text, '');
});
