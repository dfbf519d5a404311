/**
 * The real analytics-next, with one change for the README test: `load`
 * gets local CDN settings and a local Segment.io host, so the README's code
 * runs unmodified otherwise and without network.
 */
import { AnalyticsBrowser as Real, type AnalyticsBrowserSettings, type InitOptions } from '@segment/analytics-next'
import { API_HOST, cdnSettings } from './analytics-harness'

export const localSettings = cdnSettings({ cloud: { Mixpanel: ['C0001'] }, classic: { 'Google Ads': ['C0004'] } })

export const AnalyticsBrowser = {
  load(settings: AnalyticsBrowserSettings, options: InitOptions = {}) {
    return Real.load(
      { ...settings, cdnSettings: localSettings },
      { ...options, integrations: { 'Segment.io': { apiHost: API_HOST, protocol: 'http' } }, disableClientPersistence: true },
    )
  },
}
