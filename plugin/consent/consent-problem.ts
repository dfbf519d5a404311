/**
 * What went wrong with a consent source, as data: the words are put
 * together only when a diagnostic is built (explain-problem.ts, in the
 * on-demand diagnostics chunk), so a page never downloads them up front.
 * A plain string is an adapter's own account (source-problems.ts).
 */
export type ConsentProblem =
  | string
  | readonly [kind: 'not-a-state', got: unknown]
  | readonly [kind: 'bad-status', status: unknown]
  | readonly [kind: 'bad-categories']
  | readonly [kind: 'not-boolean', category: string]
  | readonly [kind: 'failed', what: string, error: unknown]
