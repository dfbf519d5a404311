/**
 * Size limits of the diagnostics protocol; both sides enforce the same
 * numbers. The validator's field caps are in field-limits.ts: the plugin's
 * always-loaded code imports these, and only its on-demand diagnostics
 * chunk needs those.
 */

/** A message larger than this (UTF-8 JSON) is truncated by the plugin and refused by the debugger. */
export const MAX_MESSAGE_BYTES = 256 * 1024
/** The plugin's replay backlog under `diagnostics: 'auto'`. */
export const BACKLOG_MAX_MESSAGES = 1000
export const BACKLOG_MAX_BYTES = 2 * 1024 * 1024
