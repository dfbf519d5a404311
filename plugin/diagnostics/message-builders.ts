/**
 * The message builders a record's body may call (see raw-entry.ts). They
 * live in the on-demand diagnostics chunk: only the runtime imports this
 * module at run time; the rest of the plugin refers to its type.
 */
import { describeOptions, describeSettings } from './describe'
import { describeDelivered, describeDropped } from './event-report'
import { explainProblem } from './explain-problem'

export const builders = { describeDelivered, describeDropped, describeOptions, describeSettings, explainProblem }
export type Builders = typeof builders
