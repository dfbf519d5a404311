/**
 * The bench page bundle: the real analytics-next, consent-guard and Segment's
 * consent-tools side by side, plus the in-page runner the bench drives.
 */
import { AnalyticsBrowser } from '@segment/analytics-next'
import { createWrapper } from '@segment/analytics-consent-tools'
import * as ConsentGuard from '../../plugin/index'
import { holdEvents, prepareHeld, releaseHeld, runPerEvent } from './bench-runner'

Object.assign(window, { AnalyticsNext: { AnalyticsBrowser }, ConsentTools: { createWrapper }, ConsentGuard, bench: { runPerEvent, prepareHeld, holdEvents, releaseHeld } })
