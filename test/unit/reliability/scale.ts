/**
 * How hard the reliability suite pushes. `npm test` runs the CI scale; the
 * full run (documented in the README) is `RELIABILITY=full npm run test:unit`.
 */
export const FULL = process.env.RELIABILITY === 'full'

/** fast-check runs for properties over the real analytics-next (each run loads a fresh instance). */
export const SEQUENCE_RUNS = FULL ? 10_000 : 300

