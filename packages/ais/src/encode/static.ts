/**
 * Writers for the static messages: types 5, 21 and 24.
 */
import { SIXBIT_TEXT, TEXT_SIXBIT } from '../armour.js';
import type { StaticAndVoyageData } from '../messages/static-voyage.js';
import type { AidToNavigationReport } from '../messages/aid-to-navigation.js';
import { isAuxiliaryCraft, type StaticDataReport } from '../messages/static-b.js';
import type { BitWriter } from './bit-writer.js';
import { writeHeader } from './position.js';

const ETA = /^(\d\d)-(\d\d)T(\d\d):(\d\d)Z$/;

/** Type 5: 424 bits. The ETA must be in the decoder's form, `MM-DDTHH:MMZ`. */
export function writeStaticAndVoyageData(w: BitWriter, m: StaticAndVoyageData): void {
  const eta = ETA.exec(m.eta);
  if (eta === null) throw new RangeError(`eta = ${JSON.stringify(m.eta)}: not MM-DDTHH:MMZ`);
  writeHeader(w, m);
  w.uint(m.ais_version, 2, 'ais_version')
    .uint(m.imo, 30, 'imo')
    .text(m.callsign, 7, 'callsign')
    .text(m.shipname, 20, 'shipname')
    .uint(m.shiptype, 8, 'shiptype')
    .uint(m.to_bow, 9, 'to_bow')
    .uint(m.to_stern, 9, 'to_stern')
    .uint(m.to_port, 6, 'to_port')
    .uint(m.to_starboard, 6, 'to_starboard')
    .uint(m.epfd, 4, 'epfd')
    .uint(Number(eta[1]), 4, 'eta month')
    .uint(Number(eta[2]), 5, 'eta day')
    .uint(Number(eta[3]), 5, 'eta hour')
    .uint(Number(eta[4]), 6, 'eta minute')
    .uint(m.draught, 8, 'draught')
    .text(m.destination, 20, 'destination')
    .uint(m.dte, 1, 'dte')
    .zeros(1);
}

const NAME_CHARS = 20;
const NAME_EXTENSION_CHARS = 14;

/**
 * Type 21: 272 bits, plus the name extension when the name is longer than 20
 * characters, padded to a byte boundary as M.1371 asks. The assigned-mode flag
 * is written as 0 (autonomous).
 */
export function writeAidToNavigationReport(w: BitWriter, m: AidToNavigationReport): void {
  if (typeof m.name !== 'string' || m.name.length > NAME_CHARS + NAME_EXTENSION_CHARS) {
    throw new RangeError(`name = ${JSON.stringify(m.name)}: more than ${NAME_CHARS + NAME_EXTENSION_CHARS} characters`);
  }
  writeHeader(w, m);
  w.uint(m.aid_type, 5, 'aid_type')
    .text(m.name.slice(0, NAME_CHARS), NAME_CHARS, 'name')
    .bool(m.accuracy, 'accuracy')
    .int(m.lon, 28, 'lon')
    .int(m.lat, 27, 'lat')
    .uint(m.to_bow, 9, 'to_bow')
    .uint(m.to_stern, 9, 'to_stern')
    .uint(m.to_port, 6, 'to_port')
    .uint(m.to_starboard, 6, 'to_starboard')
    .uint(m.epfd, 4, 'epfd')
    .uint(m.second, 6, 'second')
    .bool(m.off_position, 'off_position')
    .uint(m.regional, 8, 'regional')
    .bool(m.raim, 'raim')
    .bool(m.virtual_aid, 'virtual_aid')
    .zeros(2); // assigned-mode flag, spare
  const extension = m.name.slice(NAME_CHARS);
  if (extension.length > 0) w.text(extension, extension.length, 'name').align(8);
}

/** Type 24 part A: 160 bits; part B: 168 bits. */
export function writeStaticDataReport(w: BitWriter, m: StaticDataReport): void {
  writeHeader(w, m);
  if (m.part === 'A') {
    w.uint(0, 2, 'part').text(m.shipname, 20, 'shipname');
    return;
  }
  if (m.part !== 'B') throw new RangeError(`part = ${JSON.stringify((m as { part: unknown }).part)}: not 'A' or 'B'`);
  const manufacturer = m.vendorid.slice(0, 3);
  w.uint(1, 2, 'part')
    .uint(m.shiptype, 8, 'shiptype')
    .text(manufacturer, 3, 'vendorid')
    .uint(m.model, 4, 'model')
    .uint(m.serial, 20, 'serial');
  const vendorid = vendorIdOf(manufacturer, m.model, m.serial);
  if (m.vendorid !== vendorid) {
    throw new RangeError(`vendorid = ${JSON.stringify(m.vendorid)}: model ${m.model} and serial ${m.serial} make it ${JSON.stringify(vendorid)}`);
  }
  w.text(m.callsign, 7, 'callsign');
  // The decoder gives an auxiliary craft's MMSI a mothership, every other one dimensions: so must the message.
  if (isAuxiliaryCraft(m.mmsi)) {
    if (!('mothership_mmsi' in m)) throw new RangeError(`mothership_mmsi missing: MMSI ${m.mmsi} is an auxiliary craft's`);
    w.uint(m.mothership_mmsi, 30, 'mothership_mmsi');
  } else {
    if (!('to_bow' in m)) throw new RangeError(`to_bow missing: MMSI ${m.mmsi} is not an auxiliary craft's, it sends dimensions`);
    w.uint(m.to_bow, 9, 'to_bow').uint(m.to_stern, 9, 'to_stern').uint(m.to_port, 6, 'to_port').uint(m.to_starboard, 6, 'to_starboard');
  }
  w.zeros(6);
}

/**
 * The `vendorid` a decoder prints for a type 24 part B: the six-bit text of
 * bits 48-89, that is the 3-character manufacturer followed by the model
 * (4 bits) and serial number (20 bits) read as four more characters, cut at
 * the first `@` and without trailing spaces.
 */
export function vendorIdOf(manufacturer: string, model: number, serial: number): string {
  const values = [0, 0, 0, (model << 2) | (serial >>> 18), (serial >>> 12) & 63, (serial >>> 6) & 63, serial & 63];
  for (let i = 0; i < 3 && i < manufacturer.length; i++) values[i] = TEXT_SIXBIT[manufacturer.charCodeAt(i)] ?? 0;
  let s = '';
  for (const v of values) {
    if (v === 0 || v === 0xff) break;
    s += SIXBIT_TEXT[v];
  }
  return s.trimEnd();
}
