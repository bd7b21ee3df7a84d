/** The fields every AIS message begins with. */
export interface MessageHeader {
  /** Message type, 1-27. */
  readonly type: number;
  /** Repeat indicator, 0-3: how many times a repeater has relayed it. */
  readonly repeat: number;
  /** The sender's Maritime Mobile Service Identity (30 bits). */
  readonly mmsi: number;
}
