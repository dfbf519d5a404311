/**
 * Entry of the test page bundle (built by vite.pages.config.ts into
 * test/e2e/pages/dist/analytics-page.js, served at /pages/analytics-page.js).
 * Test pages are plain HTML strings, so they reach the real libraries
 * through globals: `window.AnalyticsNext.AnalyticsBrowser`, and
 * `window.ConsentGuard` (every named export of plugin/index.ts) once the
 * plugin exists.
 */
import { AnalyticsBrowser } from '@segment/analytics-next'
import * as consentGuard from './consent-guard-exports'

// No `declare global`: the plugin's IIFE build may type window.ConsentGuard itself.
const pageGlobals = window as unknown as Record<string, unknown>

pageGlobals.AnalyticsNext = { AnalyticsBrowser }
if (Object.keys(consentGuard).length > 0) pageGlobals.ConsentGuard = { ...consentGuard }
