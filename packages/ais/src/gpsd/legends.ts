/**
 * The controlled vocabularies gpsd prints beside coded fields (`status_text`,
 * `shiptype_text`, ...), word for word as gpsd 3.22 prints them, including its
 * spellings and its words for codes outside a table ("INVALID EPFD").
 * Source: gpsd `gpsd_json.c` (BSD-2), cross-checked against `gpsdecode` output.
 */

/** Picks `table[code]`, or gpsd's word for a code past the end of the table. */
export function legend(table: readonly string[], code: number, invalid: string): string {
  return code >= 0 && code < table.length ? table[code]! : invalid;
}

/** Navigational status (types 1-3 `status_text`, type 27 scaled `status`). */
export const NAV_STATUS: readonly string[] = [
  'Under way using engine',
  'At anchor',
  'Not under command',
  'Restricted manoeuverability',
  'Constrained by her draught',
  'Moored',
  'Aground',
  'Engaged in fishing',
  'Under way sailing',
  'Reserved for HSC',
  'Reserved for WIG',
  'Reserved',
  'Reserved',
  'Reserved',
  'Reserved',
  'Not defined',
];

/** Electronic position-fixing device (`epfd_text`). */
export const EPFD: readonly string[] = [
  'Undefined',
  'GPS',
  'GLONASS',
  'Combined GPS/GLONASS',
  'Loran-C',
  'Chayka',
  'Integrated navigation system',
  'Surveyed',
  'Galileo',
];
export const EPFD_INVALID = 'INVALID EPFD';

/** Ship and cargo type (`shiptype_text`), codes 0-99. */
export const SHIP_TYPE: readonly string[] = (() => {
  const t: string[] = ['Not available'];
  for (let i = 1; i < 20; i++) t.push('Reserved for future use');
  const hazard = (kind: string, last: string): string[] => [
    `${kind} - all ships of this type`,
    `${kind} - Hazardous category A`,
    `${kind} - Hazardous category B`,
    `${kind} - Hazardous category C`,
    `${kind} - Hazardous category D`,
    `${kind} - Reserved for future use`,
    `${kind} - Reserved for future use`,
    `${kind} - Reserved for future use`,
    `${kind} - Reserved for future use`,
    `${kind} - ${last}`,
  ];
  t.push(...hazard('Wing in ground (WIG)', 'Reserved for future use'));
  t.push(
    'Fishing',
    'Towing',
    'Towing: length exceeds 200m or breadth exceeds 25m',
    'Dredging or underwater ops',
    'Diving ops',
    'Military ops',
    'Sailing',
    'Pleasure Craft',
    'Reserved',
    'Reserved',
  );
  t.push(...hazard('High speed craft (HSC)', 'No additional information'));
  t.push(
    'Pilot Vessel',
    'Search and Rescue vessel',
    'Tug',
    'Port Tender',
    'Anti-pollution equipment',
    'Law Enforcement',
    'Spare - Local Vessel',
    'Spare - Local Vessel',
    'Medical Transport',
    'Ship according to RR Resolution No. 18',
  );
  t.push(...hazard('Passenger', 'No additional information'));
  t.push(...hazard('Cargo', 'No additional information'));
  t.push(...hazard('Tanker', 'No additional information'));
  t.push(...hazard('Other Type', 'no additional information'));
  return t;
})();
export const SHIP_TYPE_INVALID = 'INVALID SHIP TYPE';

/** Type 23 `stationtype_text`. */
export const STATION_TYPE: readonly string[] = [
  'All types of mobiles',
  'Reserved for future use',
  'All types of Class B mobile stations',
  'SAR airborne mobile station',
  'Aid to Navigation station',
  'Class B shipborne mobile station',
  'Regional use and inland waterways',
  'Regional use and inland waterways',
  'Regional use and inland waterways',
  'Regional use and inland waterways',
  'Reserved for future use',
  'Reserved for future use',
  'Reserved for future use',
  'Reserved for future use',
  'Reserved for future use',
  'Reserved for future use',
];
export const STATION_TYPE_INVALID = 'INVALID STATION TYPE';

/** Type 21 `aid_type_text`. */
export const NAVAID_TYPE: readonly string[] = [
  'Unspecified',
  'Reference point',
  'RACON',
  'Fixed offshore structure',
  'Spare, Reserved for future use.',
  'Light, without sectors',
  'Light, with sectors',
  'Leading Light Front',
  'Leading Light Rear',
  'Beacon, Cardinal N',
  'Beacon, Cardinal E',
  'Beacon, Cardinal S',
  'Beacon, Cardinal W',
  'Beacon, Port hand',
  'Beacon, Starboard hand',
  'Beacon, Preferred Channel port hand',
  'Beacon, Preferred Channel starboard hand',
  'Beacon, Isolated danger',
  'Beacon, Safe water',
  'Beacon, Special mark',
  'Cardinal Mark N',
  'Cardinal Mark E',
  'Cardinal Mark S',
  'Cardinal Mark W',
  'Port hand Mark',
  'Starboard hand Mark',
  'Preferred Channel Port hand',
  'Preferred Channel Starboard hand',
  'Isolated danger',
  'Safe Water',
  'Special Mark',
  'Light Vessel / LANBY / Rigs',
];
export const NAVAID_TYPE_INVALID = 'INVALID NAVAID TYPE';

/** IMO 289 marine traffic signals (type 8 DAC 1 FID 19 `signal_text`). */
export const TRAFFIC_SIGNAL: readonly string[] = [
  'N/A',
  'Serious emergency – stop or divert according to instructions.',
  'Vessels shall not proceed.',
  'Vessels may proceed. One way traffic.',
  'Vessels may proceed. Two way traffic.',
  'Vessels shall proceed on specific orders only.',
  'Vessels in main channel shall not proceed.',
  'Vessels in main channel shall proceed on specific orders only.',
  'Vessels in main channel shall proceed on specific orders only.',
  'I = "in-bound" only acceptable.',
  'O = "out-bound" only acceptable.',
  'F = both "in- and out-bound" acceptable.',
  'XI = Code will shift to "I" in due time.',
  'XO = Code will shift to "O" in due time.',
  'X = Vessels shall proceed only on direction.',
];
export const TRAFFIC_SIGNAL_INVALID = 'INVALID SIGNAL TYPE';

/** IMO 289 route type (`rtype_text`). */
export const ROUTE_TYPE: readonly string[] = [
  'Undefined (default)',
  'Mandatory',
  'Recommended',
  'Alternative',
  'Recommended route through ice',
  'Ship route plan',
  ...Array.from({ length: 25 }, () => 'Reserved for future use.'),
  'Cancel route identified by message linkage',
];

/** IMO 289 VTS target identifier type (`idtype_text`, also the name of the id key). */
export const TARGET_ID_TYPE: readonly string[] = ['mmsi', 'imo', 'callsign', 'other'];

/** GLA AtoN monitoring (type 6 DAC 235/250 FID 10). */
export const RACON_STATUS: readonly string[] = ['No RACON installed', 'RACON not monitored', 'RACON operational', 'RACON ERROR'];
export const LIGHT_STATUS: readonly string[] = ['No light or no monitoring', 'Light ON', 'Light OFF', 'Light ERROR'];

/** Inland RTA status (type 6 DAC 200 FID 22 `status_text`). */
export const RTA_STATUS: readonly string[] = ['Operational', 'Limited operation', 'Out of order', 'N/A'];

/** IMO 289 berthing data mooring position (`position_text`). */
export const MOORING_POSITION: readonly string[] = [
  'Not available',
  'Port-side to',
  'Starboard-side to',
  'Mediterranean (end-on) mooring',
  'Mooring buoy',
  'Anchorage',
  'Reserved for future use',
  'Reserved for future use',
];

/** Meteorological/hydrological data (type 8 DAC 1 FID 11 and 31). */
export const TREND: readonly string[] = ['steady', 'increasing', 'decreasing', 'N/A'];
/** WMO 306, code table 4.201. */
export const PRECIPITATION: readonly string[] = ['reserved', 'rain', 'thunderstorm', 'freezing rain', 'mixed/ice', 'snow', 'reserved', 'N/A'];
export const ICE: readonly string[] = ['no', 'yes', 'reserved', 'N/A'];

/** Inland ERI ship types (type 8 DAC 200 FID 10): code, the AIS type it maps to, legend. */
export const INLAND_SHIP_TYPE: ReadonlyArray<readonly [number, number, string]> = [
  [8000, 99, 'Vessel, type unknown'],
  [8010, 79, 'Motor freighter'],
  [8020, 89, 'Motor tanker'],
  [8021, 80, 'Motor tanker, liquid cargo, type N'],
  [8022, 80, 'Motor tanker, liquid cargo, type C'],
  [8023, 89, 'Motor tanker, dry cargo as if liquid (e.g. cement)'],
  [8030, 79, 'Container vessel'],
  [8040, 80, 'Gas tanker'],
  [8050, 79, 'Motor freighter, tug'],
  [8060, 89, 'Motor tanker, tug'],
  [8070, 79, 'Motor freighter with one or more ships alongside'],
  [8080, 89, 'Motor freighter with tanker'],
  [8090, 79, 'Motor freighter pushing one or more freighters'],
  [8100, 89, 'Motor freighter pushing at least one tank-ship'],
  [8110, 79, 'Tug, freighter'],
  [8120, 89, 'Tug, tanker'],
  [8130, 31, 'Tug freighter, coupled'],
  [8140, 31, 'Tug, freighter/tanker, coupled'],
  [8150, 99, 'Freightbarge'],
  [8160, 99, 'Tankbarge'],
  [8161, 90, 'Tankbarge, liquid cargo, type N'],
  [8162, 90, 'Tankbarge, liquid cargo, type C'],
  [8163, 99, 'Tankbarge, dry cargo as if liquid (e.g. cement)'],
  [8170, 99, 'Freightbarge with containers'],
  [8180, 90, 'Tankbarge, gas'],
  [8210, 79, 'Pushtow, one cargo barge'],
  [8220, 79, 'Pushtow, two cargo barges'],
  [8230, 79, 'Pushtow, three cargo barges'],
  [8240, 79, 'Pushtow, four cargo barges'],
  [8250, 79, 'Pushtow, five cargo barges'],
  [8260, 79, 'Pushtow, six cargo barges'],
  [8270, 79, 'Pushtow, seven cargo barges'],
  [8280, 79, 'Pushtow, eigth cargo barges'],
  [8290, 79, 'Pushtow, nine or more barges'],
  [8310, 80, 'Pushtow, one tank/gas barge'],
  [8320, 80, 'Pushtow, two barges at least one tanker or gas barge'],
  [8330, 80, 'Pushtow, three barges at least one tanker or gas barge'],
  [8340, 80, 'Pushtow, four barges at least one tanker or gas barge'],
  [8350, 80, 'Pushtow, five barges at least one tanker or gas barge'],
  [8360, 80, 'Pushtow, six barges at least one tanker or gas barge'],
  [8370, 80, 'Pushtow, seven barges at least one tanker or gas barg'],
];

/**
 * gpsd's inland ship type legend: the first entry whose ERI code or AIS type
 * matches, else "Illegal ship type value." (gpsd matches both because the
 * Inland AIS standard is unclear which one goes in the field).
 */
export function inlandShipType(code: number): string {
  for (const [eri, ais, text] of INLAND_SHIP_TYPE) if (eri === code || ais === code) return text;
  return 'Illegal ship type value.';
}

export const HAZARD: readonly string[] = ['0 blue cones/lights', '1 blue cone/light', '2 blue cones/lights', '3 blue cones/lights', '4 B-Flag', 'Unknown'];
export const HAZARD_INVALID = 'INVALID HAZARD TYPE';
export const LOAD_STATUS: readonly string[] = ['N/A (default)', 'Unloaded', 'Loaded'];
export const LOAD_STATUS_INVALID = 'INVALID LOAD STATUS';

/** EMMA warnings (type 8 DAC 200 FID 23). */
export const EMMA_TYPE: readonly string[] = ['Not Available', 'Wind', 'Rain', 'Snow and ice', 'Thunderstorm', 'Fog', 'Low temperature', 'High temperature', 'Flood', 'Forest Fire'];
export const EMMA_CLASS: readonly string[] = ['Slight', 'Medium', 'Strong'];
/** gpsd prints the type's word for an invalid class too. */
export const EMMA_INVALID = 'INVALID EMMA TYPE';
export const EMMA_WIND: readonly string[] = ['N/A', 'North', 'North East', 'East', 'South East', 'South', 'South West', 'West', 'North West'];
export const EMMA_WIND_INVALID = 'INVALID EMMA WIND DIRECTION';

/** Inland signal strength (type 8 DAC 200 FID 40). */
export const SIGNAL_DIRECTION: readonly string[] = ['Unknown', 'Upstream', 'Downstream', 'To left bank', 'To right bank'];
export const SIGNAL_DIRECTION_INVALID = 'INVALID DIRECTION';
export const SIGNAL_STATUS: readonly string[] = ['Unknown', 'No light', 'White', 'Yellow', 'Green', 'Red', 'White flashing', 'Yellow flashing.'];
export const SIGNAL_STATUS_INVALID = 'INVALID STATUS';
