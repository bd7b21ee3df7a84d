/**
 * The one catalogue of reasons a line or a message is rejected.
 *
 * Codes are stable: tools, stored statistics and tests refer to them by
 * string. A retired code is never reused for a different meaning.
 */
export const Reject = {
  /** Not an NMEA sentence: no `!`, `$` or tag block where one must start. */
  NOT_AIS: 'not_ais',
  /**
   * A well-formed NMEA sentence that is not AIS (`$PGHP`, `$BSALR`, ...): receivers
   * interleave these with AIS. Counted, not decoded, not an error of the input.
   */
  OTHER_SENTENCE: 'other_sentence',
  /** The line is longer than any real sentence (with tag block) can be. */
  LINE_TOO_LONG: 'line_too_long',
  /** A sentence without the `*hh` checksum, or with non-hex digits in it. */
  MISSING_CHECKSUM: 'missing_checksum',
  /** The XOR checksum after `*` does not match the sentence. */
  BAD_CHECKSUM: 'bad_checksum',
  /** Wrong number of comma-separated fields for a VDM/VDO sentence. */
  BAD_FIELD_COUNT: 'bad_field_count',
  /** Fragment count/number/sequence id not digits, or number > count, or count > 9. */
  BAD_FRAGMENT_HEADER: 'bad_fragment_header',
  /** Channel other than A, B, 1, 2 or empty. */
  BAD_CHANNEL: 'bad_channel',
  /** Fill bits not a digit 0-5, or non-zero on a fragment that is not the last. */
  BAD_FILL_BITS: 'bad_fill_bits',
  /** A payload character outside the AIS six-bit armour alphabet. */
  BAD_ARMOUR: 'bad_armour',
  /** Payload empty. */
  EMPTY_PAYLOAD: 'empty_payload',
  /** An NMEA 4.0 tag block that is unterminated, malformed, or fails its checksum. */
  BAD_TAG_BLOCK: 'bad_tag_block',
  /** A multi-sentence message whose fragments never all arrived (timed out, evicted, or cut by a restart of the sequence). */
  INCOMPLETE_GROUP: 'incomplete_group',
  /** A fragment 2..n with no group it could belong to. */
  ORPHAN_FRAGMENT: 'orphan_fragment',
  /** Message type 0 or 28-63: not defined by ITU-R M.1371. */
  UNKNOWN_TYPE: 'unknown_type',
  /** Fewer bits than the message type needs. Nothing is decoded from a truncated payload. */
  TOO_SHORT: 'too_short',
  /** More bits than the message type can carry (beyond the tolerances documented per type). */
  TOO_LONG: 'too_long',
} as const;

export type RejectReason = (typeof Reject)[keyof typeof Reject];

/** Why a payload could not become a message; `detail` shows the offending values. */
export interface MessageFailure {
  readonly ok: false;
  readonly reason: RejectReason;
  readonly detail: string;
}

/**
 * Failures are instances of one class so that `isFailure` can tell them from
 * messages by `instanceof`, whose cost does not depend on the shape of what it
 * looks at; reading a property instead meets some thirty message shapes at one
 * place in the code and goes to V8's slow, megamorphic look-up every time.
 */
class Failure implements MessageFailure {
  readonly ok = false as const;

  constructor(
    readonly reason: RejectReason,
    readonly detail: string,
  ) {}
}

export function failure(reason: RejectReason, detail: string): MessageFailure {
  return new Failure(reason, detail);
}

/** A decode result that is a failure, not a message. */
export function isFailure(r: unknown): r is MessageFailure {
  return r instanceof Failure;
}
