/**
 * One decode run: input bytes → lines → AisReceiver → output lines, with the
 * rejections on stderr and the summary at the end. Streams and the clock come
 * in from the caller; the run returns the exit code.
 */
import type { Writable } from 'node:stream';
import { AisReceiver, type AisMessage, type LineRejection, type MessageContext, type ReceiverSink } from '@tidewatch/ais';
import { messageFormat, type Format } from './formats.js';
import type { Input } from './input.js';
import { LineSplitter } from './lines.js';
import { TextOutput } from './output.js';
import { Progress } from './progress.js';
import { OTHER_SENTENCE, Tally } from './tally.js';

export interface DecodeOptions {
  readonly format: Format;
  readonly scaled: boolean;
  /** Only the summary, on stdout. */
  readonly statsOnly: boolean;
}

export interface DecodeStreams {
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
  readonly now: () => number;
}

export const ExitCode = {
  OK: 0,
  /** The input broke off (read error, truncated gzip) after everything readable was decoded. */
  INPUT_BROKEN: 1,
  USAGE: 2,
} as const;

export async function runDecode(input: Input, options: DecodeOptions, io: DecodeStreams): Promise<number> {
  const out = new TextOutput(io.stdout);
  const err = new TextOutput(io.stderr);
  const tally = new Tally();
  const format = options.statsOnly ? undefined : messageFormat(options.format, options.scaled, out);
  const sink: ReceiverSink = {
    message(m: AisMessage, c: MessageContext): void {
      tally.message(m.type);
      format?.message(m, c);
    },
    reject(r: LineRejection): void {
      tally.reject(r.reason);
      if (r.reason !== OTHER_SENTENCE) err.write(`line ${r.line}: ${r.reason}: ${r.detail}\n`);
    },
  };
  // Every format writes a message out during the call: reports may be reused.
  const receiver = new AisReceiver(sink, { reusePositionReports: true });
  const splitter = new LineSplitter((buf, start, end) => receiver.pushBytes(buf, start, end));
  const progress = new Progress(io.stderr, io.now, input.size);

  for await (const chunk of input.chunks) {
    splitter.push(chunk);
    progress.update(input.bytesRead(), receiver.lines);
    format?.pour();
    await Promise.all([out.flush(), err.flush()]);
    if (out.closed) break;
  }
  if (out.closed) {
    input.close();
    return ExitCode.OK; // the reader went away (`| head`): not an error
  }
  splitter.end();
  receiver.end();
  format?.pour();
  tally.lines = receiver.lines;
  progress.finish();
  const broken = input.error();
  if (broken !== undefined) err.write(`input ended early: ${broken.message}\n`);
  (options.statsOnly ? out : err).write(tally.summary());
  await Promise.all([out.flush(true), err.flush(true)]);
  if (out.error !== undefined) {
    io.stderr.write(`cannot write output: ${out.error.message}\n`);
    return ExitCode.INPUT_BROKEN;
  }
  return broken === undefined ? ExitCode.OK : ExitCode.INPUT_BROKEN;
}
