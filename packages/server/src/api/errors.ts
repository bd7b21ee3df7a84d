/**
 * The one catalogue of API errors. Codes are stable: clients and tests match
 * on them, a retired code is never reused, and messages show the offending
 * values. Every 4xx/5xx body is an `ApiError` built here.
 */
import type { ApiError } from '@tidewatch/protocol';

export const ApiErrors = {
  /** A parameter or body failed its schema (wrong type, unknown name, out of range). */
  TW_BAD_REQUEST: 400,
  TW_BAD_BBOX: 400,
  TW_BAD_TIME: 400,
  TW_BAD_TIME_RANGE: 400,
  TW_BAD_CURSOR: 400,
  TW_BAD_GEOJSON: 400,
  TW_BAD_CSV: 400,
  TW_BAD_BODY: 400,
  TW_NOT_FOUND: 404,
  TW_VESSEL_NOT_FOUND: 404,
  TW_LAYER_NOT_FOUND: 404,
  TW_EVENT_NOT_FOUND: 404,
  TW_LAYER_BUILTIN: 409,
  TW_BODY_TOO_LARGE: 413,
  TW_UNSUPPORTED_MEDIA_TYPE: 415,
  TW_INTERNAL: 500,
  TW_UNAVAILABLE: 503,
} as const;

export type ApiErrorCode = keyof typeof ApiErrors;

export function apiError(code: ApiErrorCode, message: string): ApiError {
  return { statusCode: ApiErrors[code], code, message };
}

/** Live protocol error codes (sent as `{type: 'error'}` messages). */
export const LiveErrors = {
  TW_LIVE_BAD_MESSAGE: 'TW_LIVE_BAD_MESSAGE',
  TW_LIVE_TOO_FAST: 'TW_LIVE_TOO_FAST',
} as const;
