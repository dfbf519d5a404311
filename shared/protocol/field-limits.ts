/** Field caps the validator applies (and the shared trimming cuts to): the other half of limits.ts. */
export const MAX_STRING = 4096
export const MAX_NAME = 512
export const MAX_LIST = 500
export const MAX_JSON_DEPTH = 24
/** Inside free-form JSON (an event's payload, option values): longer strings and lists than in typed fields. */
export const MAX_JSON_TEXT = MAX_STRING * 16
export const MAX_JSON_ITEMS = MAX_LIST * 4
