/**
 * How decoded messages become output lines.
 *
 * - `json` (default): the message object as the decoder made it (gpsd's
 *   unscaled field names and values, no presentation keys), plus `tagblock`.
 * - `gpsd`: gpsd's own line, `gpsdecode -j` (scaled) or `gpsdecode -u -j`
 *   (`--unscaled`), plus `tagblock`; printed as bytes, no string per message.
 *
 * `tagblock` appears only for messages that came with an NMEA 4.0 tag block:
 * `{"source": s:, "time": c: as ISO 8601 UTC}`, each part only when present.
 */
import { GpsdJsonWriter, type AisMessage, type MessageContext, type TagBlockFields } from '@tidewatch/ais';
import { BLOCK, type TextOutput } from './output.js';

export const FORMATS = ['json', 'gpsd'] as const;
export type Format = (typeof FORMATS)[number];

export interface MessageFormat {
  /** Prints one message. */
  message(m: AisMessage, context: MessageContext): void;
  /** Hands what has been printed to the output (call before flushing it). */
  pour(): void;
}

export function messageFormat(format: Format, scaled: boolean, out: TextOutput): MessageFormat {
  return format === 'gpsd' ? gpsdFormat(scaled, out) : jsonFormat(out);
}

/** The tag block parts of a message, in one object refilled per message; undefined without a tag block. */
function tagReader(): (c: MessageContext) => TagBlockFields | undefined {
  const tag = { source: undefined as string | undefined, time: undefined as number | undefined };
  return (c) => {
    if (c.tagSource === undefined && c.tagTime === undefined) return undefined;
    tag.source = c.tagSource;
    tag.time = c.tagTime;
    return tag;
  };
}

/**
 * Lines are printed straight into an output block; a block is handed on when
 * it has less room left than the longest line takes (a message's bytes never
 * straddle two blocks), or at the end of each input chunk.
 */
const POUR_AT = BLOCK - (1 << 16);

function gpsdFormat(scaled: boolean, out: TextOutput): MessageFormat {
  const writer = new GpsdJsonWriter({ scaled, device: 'stdin' });
  writer.take(out.emptyBlock());
  const tagOf = tagReader();
  const pour = (): void => {
    if (writer.length > 0) out.writeBlock(writer.take(out.emptyBlock()));
  };
  return {
    message: (m, c) => {
      writer.append(m, tagOf(c));
      if (writer.length >= POUR_AT) pour();
    },
    pour,
  };
}

function jsonFormat(out: TextOutput): MessageFormat {
  const tagOf = tagReader();
  return {
    message: (m, c) => {
      const json = JSON.stringify(m);
      const t = tagOf(c);
      if (t === undefined) {
        out.write(json + '\n');
        return;
      }
      const parts: Record<string, string> = {};
      if (t.source !== undefined) parts['source'] = t.source;
      if (t.time !== undefined && Number.isFinite(t.time)) parts['time'] = new Date(t.time).toISOString();
      out.write(`${json.slice(0, -1)},"tagblock":${JSON.stringify(parts)}}\n`);
    },
    pour: () => undefined,
  };
}
