/** Type test (checked by tsc): the real analytics-next class fits the slice the inspector reads. */
import type { Analytics } from '@segment/analytics-next'
import type { InspectedAnalytics } from './inspector-report'

export const analyticsFits: Analytics extends InspectedAnalytics ? true : false = true
