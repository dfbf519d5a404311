import type { ConsentProblem } from '../consent/consent-problem'

/** A consent source's problem in words, for the `consent` diagnostic's `error`. */
export function explainProblem(problem: ConsentProblem): string {
  if (typeof problem === 'string') return problem
  switch (problem[0]) {
    case 'not-a-state':
      return `read() returned ${problem[1] === null ? 'null' : typeof problem[1]}, not a consent state`
    case 'bad-status':
      return `status must be 'pending' or 'decided' (got ${String(problem[1])})`
    case 'bad-categories':
      return 'categories must be an object of category -> boolean'
    case 'not-boolean':
      return `category ${JSON.stringify(problem[1])} is not a boolean`
    case 'failed': {
      const error = problem[2]
      return `${problem[1]} failed: ${error instanceof Error ? error.message : String(error)}`
    }
  }
}
