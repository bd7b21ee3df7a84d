/**
 * JSON Schemas of the API's records: Fastify validates and serialises with
 * them, and the OpenAPI document lists them as its components. They describe
 * the types in `@tidewatch/protocol`; the API tests check real responses
 * against both.
 */
import { EVENT_TYPES } from '@tidewatch/protocol';

const time = { type: 'string', format: 'date-time', description: 'ISO 8601 UTC' } as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const nullableInteger = { type: ['integer', 'null'] } as const;
const nullableString = { type: ['string', 'null'] } as const;

export const RECORD_SCHEMAS = {
  ApiError: {
    $id: 'ApiError',
    type: 'object',
    description: 'Every 4xx and 5xx body. `code` is stable; `message` shows the offending values.',
    required: ['statusCode', 'code', 'message'],
    properties: {
      statusCode: { type: 'integer' },
      code: { type: 'string', pattern: '^TW_[A-Z_]+$' },
      message: { type: 'string' },
      issues: {
        type: 'array',
        description: 'For a malformed layer: every problem found, located by JSON path or line.',
        items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
      },
    },
  },
  VesselSummary: {
    $id: 'VesselSummary',
    type: 'object',
    required: ['mmsi', 'name', 'callsign', 'imo', 'shipType', 'flag', 'lat', 'lon', 'sog', 'cog', 'heading', 'navStatus', 'time'],
    properties: {
      mmsi: { type: 'integer' },
      name: nullableString,
      callsign: nullableString,
      imo: nullableInteger,
      shipType: { ...nullableInteger, description: 'AIS ship and cargo type 0-99' },
      flag: { ...nullableString, description: "Flag state from the MMSI's MID" },
      lat: { type: 'number' },
      lon: { type: 'number' },
      sog: { ...nullableNumber, description: 'knots' },
      cog: { ...nullableNumber, description: 'degrees true' },
      heading: { ...nullableNumber, description: 'degrees true' },
      navStatus: nullableInteger,
      time: { ...time, description: 'Time of the last position' },
    },
  },
  IdentityChange: {
    $id: 'IdentityChange',
    type: 'object',
    description: "The vessel's broadcast identity from `time` on.",
    required: ['time', 'name', 'callsign', 'imo', 'shipType'],
    properties: { time, name: nullableString, callsign: nullableString, imo: nullableInteger, shipType: nullableInteger },
  },
  TrackPoint: {
    $id: 'TrackPoint',
    type: 'object',
    required: ['time', 'lat', 'lon', 'sog', 'cog'],
    properties: { time, lat: { type: 'number' }, lon: { type: 'number' }, sog: nullableNumber, cog: nullableNumber },
  },
  EventRecord: {
    $id: 'EventRecord',
    type: 'object',
    required: ['id', 'type', 'start', 'end', 'mmsi', 'lat', 'lon', 'profile', 'details'],
    properties: {
      id: { type: 'string', description: 'Deterministic: the same input gives the same id' },
      type: { type: 'string', enum: [...EVENT_TYPES] },
      start: time,
      end: time,
      mmsi: { type: 'array', items: { type: 'integer' } },
      lat: { type: 'number' },
      lon: { type: 'number' },
      profile: { type: 'object', required: ['id', 'version'], properties: { id: { type: 'string' }, version: { type: 'string' } } },
      details: { type: 'object', additionalProperties: true, description: 'Thresholds crossed and the evidence; per event type' },
    },
  },
  VesselDetail: {
    $id: 'VesselDetail',
    type: 'object',
    required: ['mmsi', 'name', 'callsign', 'imo', 'shipType', 'flag', 'lat', 'lon', 'sog', 'cog', 'heading', 'navStatus', 'time', 'identityHistory', 'track', 'events'],
    properties: {
      mmsi: { type: 'integer' },
      name: nullableString,
      callsign: nullableString,
      imo: nullableInteger,
      shipType: nullableInteger,
      flag: nullableString,
      lat: { type: 'number' },
      lon: { type: 'number' },
      sog: nullableNumber,
      cog: nullableNumber,
      heading: nullableNumber,
      navStatus: nullableInteger,
      time,
      identityHistory: { type: 'array', items: { $ref: 'IdentityChange#' } },
      track: { type: 'array', items: { $ref: 'TrackPoint#' } },
      events: { type: 'array', items: { $ref: 'EventRecord#' } },
    },
  },
  LayerInfo: {
    $id: 'LayerInfo',
    type: 'object',
    required: ['id', 'kind', 'name', 'size', 'origin'],
    properties: {
      id: { type: 'string' },
      kind: { type: 'string', enum: ['zones', 'infrastructure', 'watchlist'] },
      name: { type: 'string' },
      size: { type: 'integer', description: 'Features or watchlist entries' },
      origin: { type: 'string', enum: ['builtin', 'upload'] },
    },
  },
  SourceHealth: {
    $id: 'SourceHealth',
    type: 'object',
    required: ['name', 'kind', 'state', 'lines', 'messages', 'rejected', 'lastMessage'],
    properties: {
      name: { type: 'string' },
      kind: { type: 'string', enum: ['tcp-client', 'tcp-listener', 'udp-listener', 'http-post', 'file-replay'] },
      state: { type: 'string', enum: ['connecting', 'connected', 'disconnected', 'listening', 'replaying', 'finished'] },
      lines: { type: 'integer' },
      messages: { type: 'integer' },
      rejected: { type: 'object', additionalProperties: { type: 'integer' }, description: 'Lines or messages rejected, by reason code' },
      lastMessage: { ...nullableString, format: 'date-time' },
    },
  },
  VesselPage: {
    $id: 'VesselPage',
    type: 'object',
    required: ['items', 'next'],
    properties: { items: { type: 'array', items: { $ref: 'VesselSummary#' } }, next: { ...nullableString, description: 'Pass as `after` for the next page' } },
  },
  EventPage: {
    $id: 'EventPage',
    type: 'object',
    required: ['items', 'next'],
    properties: { items: { type: 'array', items: { $ref: 'EventRecord#' } }, next: { ...nullableString, description: 'Pass as `cursor` for the next page' } },
  },
  IngestResult: {
    $id: 'IngestResult',
    type: 'object',
    required: ['lines', 'messages', 'rejected'],
    properties: { lines: { type: 'integer' }, messages: { type: 'integer' }, rejected: { type: 'object', additionalProperties: { type: 'integer' } } },
  },
  Health: {
    $id: 'Health',
    type: 'object',
    required: ['status', 'vessels', 'newestData'],
    properties: { status: { type: 'string', enum: ['ok'] }, vessels: { type: 'integer' }, newestData: { ...nullableString, format: 'date-time' } },
  },
} as const;

/** `{ $ref: 'Name#' }`: a record by its schema id. */
export function ref(name: keyof typeof RECORD_SCHEMAS): { $ref: string } {
  return { $ref: `${name}#` };
}

/** The error responses every route may give. */
export const ERROR_RESPONSES = { 400: ref('ApiError'), 404: ref('ApiError'), 500: ref('ApiError') };
