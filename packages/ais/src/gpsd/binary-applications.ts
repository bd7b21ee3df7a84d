/**
 * gpsd JSON bodies for the binary messages 6 (addressed) and 8 (broadcast).
 *
 * A message whose application gpsd does not decode carries `data`
 * ("<bits>:<hex>") and prints as it is. The applications gpsd decodes
 * (IMO 236/289 under DAC 1, Inland AIS under DAC 200, GLA AtoN monitoring
 * under DAC 235/250) each have a plan: the scaling and legends gpsd applies.
 * The constants are gpsd's (`AIS_LATLON3_DIV` 60000 for 1/1000 minute,
 * `AIS_LATLON4_DIV` 600000 for 1/10000 minute, the DAC 1 FID 11/31 offsets).
 */
import {
  alwaysFixed,
  coded,
  divided,
  printFields,
  legendWhenScaled,
  multiplied,
  NO_RULES,
  objects,
  offset,
  offsetDivided,
  printed,
  type FieldRule,
  type Fields,
  type Plan,
} from './fields.js';
import {
  EMMA_WIND,
  EMMA_WIND_INVALID,
  HAZARD,
  HAZARD_INVALID,
  ICE,
  inlandShipType,
  LIGHT_STATUS,
  LOAD_STATUS,
  LOAD_STATUS_INVALID,
  MOORING_POSITION,
  PRECIPITATION,
  RACON_STATUS,
  ROUTE_TYPE,
  RTA_STATUS,
  SIGNAL_DIRECTION,
  SIGNAL_DIRECTION_INVALID,
  SIGNAL_STATUS,
  SIGNAL_STATUS_INVALID,
  TARGET_ID_TYPE,
  TRAFFIC_SIGNAL,
  TRAFFIC_SIGNAL_INVALID,
  TREND,
} from './legends.js';
import { fixed, jsonString } from './printf.js';
import { plainLayout } from './plain-layouts.js';
import type { BodyPrinter } from './reports.js';
import type { AsciiBuffer } from './ascii-buffer.js';

/** Position in 1/1000 minute, `%.4f` degrees when scaled. */
const lonLat3 = { lon: divided('lon', 60000, 4), lat: divided('lat', 60000, 4) };
/** Position in 1/10000 minute, `%.6f` degrees when scaled. */
const lonLat4 = { lon: divided('lon', 600000, 6), lat: divided('lat', 600000, 6) };

/** GLA AtoN analogue readings in 0.05 V; gpsd prints 0 as the integer even when scaled. */
function volts(key: string): FieldRule {
  return printed(key, (v, scaled) => (scaled && v !== 0 ? fixed(v * 0.05, 2) : String(v)));
}

/** `"targets"` idtype plus the legend, which also names the id key that follows. */
const TARGET_PLAN: Plan = { idtype: coded('idtype', TARGET_ID_TYPE, ''), ...lonLat3 };

const ROUTE_PLAN: Plan = { rtype: coded('rtype', ROUTE_TYPE, ''), waypoints: objects('waypoints', lonLat4) };

const TIDAL_PLAN: Plan = { tidals: objects('tidals', { ...lonLat3, cspeed: divided('cspeed', 10, 1) }) };

/** DAC 1 FID 11 (IMO 236 met/hydro): unsigned fields with offsets. */
const MET_HYDRO_236: Plan = {
  ...lonLat3,
  airtemp: offsetDivided('airtemp', 600, 10, 1),
  dewpoint: offsetDivided('dewpoint', 200, 10, 1),
  pressure: offset('pressure', -800),
  pressuretend: legendWhenScaled('pressuretend', TREND),
  visibility: divided('visibility', 10, 1),
  waterlevel: offsetDivided('waterlevel', 100, 10, 1),
  leveltrend: legendWhenScaled('leveltrend', TREND),
  cspeed: divided('cspeed', 10, 1),
  cspeed2: divided('cspeed2', 10, 1),
  cspeed3: divided('cspeed3', 10, 1),
  waveheight: divided('waveheight', 10, 1),
  swellheight: divided('swellheight', 10, 1),
  watertemp: offsetDivided('watertemp', 100, 10, 1),
  preciptype: coded('preciptype', PRECIPITATION, ''),
  salinity: divided('salinity', 10, 1),
  ice: coded('ice', ICE, ''),
};

/**
 * DAC 1 FID 31 (IMO 289 met/hydro): signed temperatures, and a water level
 * gpsd computes in unsigned arithmetic, so that levels below the 1000 offset
 * wrap around 2^32 as they do in gpsd.
 */
const MET_HYDRO_289: Plan = {
  ...MET_HYDRO_236,
  airtemp: divided('airtemp', 10, 1),
  dewpoint: divided('dewpoint', 10, 1),
  pressure: offset('pressure', -799),
  waterlevel: printed('waterlevel', (v, scaled) => (scaled ? fixed(((v - 1000) >>> 0) / 100, 1) : String(v))),
  watertemp: divided('watertemp', 10, 1),
  preciptype: legendWhenScaled('preciptype', PRECIPITATION),
  ice: legendWhenScaled('ice', ICE),
};

/** DAC 1 FID 19: gpsd prints this position with `%.4f` in both modes. */
const TRAFFIC_SIGNAL_PLAN: Plan = {
  lon: alwaysFixed('lon', 4),
  lat: alwaysFixed('lat', 4),
  signal: coded('signal', TRAFFIC_SIGNAL, TRAFFIC_SIGNAL_INVALID),
  nextsignal: coded('nextsignal', TRAFFIC_SIGNAL, TRAFFIC_SIGNAL_INVALID),
};

const INLAND_STATIC_PLAN: Plan = {
  shiptype: printed('shiptype', (v) => `${v},"shiptype_text":${jsonString(inlandShipType(v))}`),
  hazard: coded('hazard', HAZARD, HAZARD_INVALID),
  loaded: coded('loaded', LOAD_STATUS, LOAD_STATUS_INVALID),
};

const EMMA_PLAN: Plan = {
  start_lon: divided('start_lon', 600000, 6),
  start_lat: divided('start_lat', 600000, 6),
  end_lon: divided('end_lon', 600000, 6),
  end_lat: divided('end_lat', 600000, 6),
  wind: coded('wind', EMMA_WIND, EMMA_WIND_INVALID),
};

const SIGNAL_STRENGTH_PLAN: Plan = {
  ...lonLat4,
  direction: coded('direction', SIGNAL_DIRECTION, SIGNAL_DIRECTION_INVALID),
  status: coded('status', SIGNAL_STATUS, SIGNAL_STATUS_INVALID),
};

/** Plans by `dac * 64 + fid` for message 6. */
const ADDRESSED: ReadonlyMap<number, Plan> = new Map([
  [1 * 64 + 14, TIDAL_PLAN],
  [1 * 64 + 18, lonLat3],
  [
    1 * 64 + 20,
    {
      position: coded('position', MOORING_POSITION, ''),
      berth_lon: divided('berth_lon', 60000, 4),
      berth_lat: divided('berth_lat', 60000, 4),
      berth_depth: multiplied('berth_depth', 0.1, 1),
    },
  ],
  [1 * 64 + 28, ROUTE_PLAN],
  [1 * 64 + 32, TIDAL_PLAN],
  [200 * 64 + 22, { status: coded('status', RTA_STATUS, '') }],
  [235 * 64 + 10, gla()],
  [250 * 64 + 10, gla()],
]);

/** Plans by `dac * 64 + fid` for message 8. */
const BROADCAST: ReadonlyMap<number, Plan> = new Map([
  [1 * 64 + 11, MET_HYDRO_236],
  [1 * 64 + 17, { targets: objects('targets', TARGET_PLAN) }],
  [1 * 64 + 19, TRAFFIC_SIGNAL_PLAN],
  [1 * 64 + 27, ROUTE_PLAN],
  [1 * 64 + 31, MET_HYDRO_289],
  [200 * 64 + 10, INLAND_STATIC_PLAN],
  [200 * 64 + 23, EMMA_PLAN],
  [200 * 64 + 40, SIGNAL_STRENGTH_PLAN],
]);

function gla(): Plan {
  return {
    ana_int: volts('ana_int'),
    ana_ext1: volts('ana_ext1'),
    ana_ext2: volts('ana_ext2'),
    racon: coded('racon', RACON_STATUS, ''),
    light: coded('light', LIGHT_STATUS, ''),
  };
}

/** Binary messages: as they are when not decoded (`data`), else through the application's plan. */
function applicationPrinter(plans: ReadonlyMap<number, Plan>, undecoded: BodyPrinter): BodyPrinter {
  return (m: Fields, scaled: boolean, w: AsciiBuffer) => {
    if (m.data !== undefined) {
      undecoded(m, scaled, w);
      return;
    }
    printFields(m, plans.get(m.dac * 64 + m.fid) ?? NO_RULES, scaled, w);
  };
}

export const printAddressedBinary = applicationPrinter(ADDRESSED, plainLayout(['seqno', 'dest_mmsi', 'retransmit', 'dac', 'fid', 'data']));
export const printBroadcastBinary = applicationPrinter(BROADCAST, plainLayout(['dac', 'fid', 'data']));
