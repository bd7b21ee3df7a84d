/**
 * Message → complete `!AIVDM` sentences, split into fragments when the
 * payload is longer than one sentence should carry.
 */
import type { EncodedPayload } from './bit-writer.js';
import { encodeMessage, type EncodableMessage } from './message.js';

export interface SentenceOptions {
  /** Radio channel: `A` (161.975 MHz, the default), `B` (162.025 MHz), `1`, `2`, or '' for none. */
  channel?: string;
  /** Two-letter talker: `AI` (mobile station, the default), `AB`, `BS`, ... */
  talker?: string;
  /**
   * Sequential message identifier 0-9 that ties the fragments of one message
   * together (default 0). Used only when the message takes several sentences;
   * a single sentence leaves the field empty, as AIS transceivers do.
   */
  sequenceId?: number;
  /**
   * Most payload characters in one sentence (default 60, which keeps a sentence
   * within NMEA's 82 characters and sends a type 5 in two, as transceivers do).
   */
  maxPayloadChars?: number;
}

const CHANNELS: ReadonlySet<string> = new Set(['A', 'B', '1', '2', '']);
/** The fragment count is one digit. */
const MAX_FRAGMENTS = 9;

/** The sentences that carry `m`, each with its checksum, without line endings. Throws RangeError on bad options or fields. */
export function encodeSentences(m: EncodableMessage, options: SentenceOptions = {}): string[] {
  return sentencesOf(encodeMessage(m), options);
}

/** The sentences that carry an already armoured payload. */
export function sentencesOf(encoded: EncodedPayload, options: SentenceOptions = {}): string[] {
  const { channel = 'A', talker = 'AI', sequenceId = 0, maxPayloadChars = 60 } = options;
  if (!CHANNELS.has(channel)) throw new RangeError(`channel = ${JSON.stringify(channel)}: not A, B, 1, 2 or ''`);
  if (!/^[A-Z]{2}$/.test(talker)) throw new RangeError(`talker = ${JSON.stringify(talker)}: not two capital letters`);
  if (!Number.isInteger(sequenceId) || sequenceId < 0 || sequenceId > 9) throw new RangeError(`sequenceId = ${sequenceId}: not 0-9`);
  if (!Number.isInteger(maxPayloadChars) || maxPayloadChars < 1) throw new RangeError(`maxPayloadChars = ${maxPayloadChars}: not a positive integer`);
  const { payload, fillBits } = encoded;
  const count = Math.max(1, Math.ceil(payload.length / maxPayloadChars));
  if (count > MAX_FRAGMENTS) {
    throw new RangeError(`maxPayloadChars = ${maxPayloadChars}: a ${payload.length}-character payload would take ${count} sentences, at most ${MAX_FRAGMENTS}`);
  }
  const sequence = count > 1 ? String(sequenceId) : '';
  const sentences: string[] = [];
  for (let i = 0; i < count; i++) {
    const chunk = payload.slice(i * maxPayloadChars, (i + 1) * maxPayloadChars);
    // Only the last fragment ends in a partial character.
    const fill = i === count - 1 ? fillBits : 0;
    const body = `${talker}VDM,${count},${i + 1},${sequence},${channel},${chunk},${fill}`;
    sentences.push(`!${body}*${checksum(body)}`);
  }
  return sentences;
}

/** NMEA checksum: XOR of the characters between `!` and `*`, as two upper-case hex digits. */
function checksum(body: string): string {
  let x = 0;
  for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
  return (x < 16 ? '0' : '') + x.toString(16).toUpperCase();
}
