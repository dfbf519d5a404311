/**
 * The banner over the whole panel when the page's plugin and this debugger
 * speak different protocol versions: both versions, and which side to update.
 */
import { describeMismatch } from '../../../shared/protocol/protocol-version'
import type { VersionStore } from '../stores/version-store'
import { h, replaceChildren } from '../ui/dom'

export function createVersionBanner(versions: VersionStore): { element: HTMLElement; render(): void } {
  const element = h('p', { class: 'version-banner', role: 'alert', 'aria-label': 'Protocol version', hidden: true })
  return {
    element,
    render() {
      const m = versions.mismatch
      element.hidden = !m
      // Text only: the plugin's package version is page data.
      replaceChildren(element, m ? describeMismatch(m, 'the Consent Guard debugger') : '')
    },
  }
}
