/** Test helpers: build sentences with correct checksums, and a sink that records everything. */
import type { AisMessage, LineRejection, MessageContext, ReceiverSink } from '../../src/index.js';

/** `!<body>*hh` with the checksum computed. */
export function sentence(body: string, lead = '!'): string {
  return `${lead}${body}*${checksum(body)}`;
}

/** `\<body>*hh\` tag block with the checksum computed. */
export function tagBlock(body: string): string {
  return `\\${body}*${checksum(body)}\\`;
}

export function checksum(body: string): string {
  let x = 0;
  for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
  return x.toString(16).toUpperCase().padStart(2, '0');
}

export interface Received {
  message: AisMessage;
  context: MessageContext;
}

/** A sink that keeps copies of what it is given. */
export class RecordingSink implements ReceiverSink {
  readonly messages: Received[] = [];
  readonly rejections: LineRejection[] = [];
  message(message: AisMessage, context: MessageContext): void {
    this.messages.push({ message, context: { ...context } });
  }
  reject(r: LineRejection): void {
    this.rejections.push({ ...r });
  }
  reasons(): string[] {
    return this.rejections.map((r) => r.reason);
  }
}
