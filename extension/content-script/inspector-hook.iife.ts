/**
 * MAIN-world content script at document_start, built standalone: reports
 * analytics-next instances through the Segment inspector hook, for pages
 * without the plugin. Messages go through the same checked relay.
 */
import { chainInspectorAttach, type InspectorGlobal } from './inspector-host'
import { createInspectorReporter } from './inspector-report'
import { randomId } from './random-id'

// Captured now, before page scripts can replace them.
const post = window.postMessage.bind(window)
const origin = location.origin

chainInspectorAttach(
  window as unknown as InspectorGlobal,
  createInspectorReporter((message) => {
    try {
      post(message, origin)
    } catch {
      // Opaque origins cannot be targeted; nothing to report to.
    }
  }, randomId()),
)
