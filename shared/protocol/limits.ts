/** Size limits of the diagnostics protocol; both sides enforce the same numbers. */

/** A message larger than this (UTF-8 JSON) is truncated by the plugin and refused by the debugger. */
export const MAX_MESSAGE_BYTES = 256 * 1024
/** The plugin's replay backlog under `diagnostics: 'auto'`. */
export const BACKLOG_MAX_MESSAGES = 1000
export const BACKLOG_MAX_BYTES = 2 * 1024 * 1024
/** Field caps the validator applies. */
export const MAX_STRING = 4096
export const MAX_NAME = 512
export const MAX_LIST = 500
export const MAX_JSON_DEPTH = 24
/** Inside free-form JSON (an event's payload, option values): longer strings and lists than in typed fields. */
export const MAX_JSON_TEXT = MAX_STRING * 16
export const MAX_JSON_ITEMS = MAX_LIST * 4
