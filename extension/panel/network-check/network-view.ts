/** The network check view: leaks and consent-less Segment requests. */
import type { SessionStore } from '../stores/session-store'
import { formatTime, h, replaceChildren } from '../ui/dom'
import { checkNetwork } from '../../../shared/network/network-check'
import type { NetworkSource } from './network-source'

export function createNetworkView(session: SessionStore, source: NetworkSource): { element: HTMLElement; render(): void } {
  const summary = h('p', { role: 'status' })
  const body = h('tbody')
  const table = h(
    'table',
    { class: 'network', 'aria-label': 'Network findings' },
    h('thead', {}, h('tr', {}, ...['Time', 'Finding', 'Destination', 'Request', 'Why'].map((c) => h('th', { scope: 'col' }, c)))),
    body,
  )
  return {
    element: h('div', { class: 'network-view' }, summary, table),
    render() {
      const report = checkNetwork(source.entries, session.messages())
      const leaks = report.findings.filter((f) => f.kind === 'leak').length
      const missing = report.findings.length - leaks
      summary.textContent = `${source.entries.length} requests seen; ${report.destinationRequests} to destination hosts, ${report.segmentRequests} Segment event requests. ${leaks} leak(s), ${missing} request(s) without a consent object.`
      table.hidden = report.findings.length === 0
      replaceChildren(
        body,
        ...report.findings.map((f) =>
          h(
            'tr',
            { class: 'bad' },
            h('td', {}, Number.isFinite(f.time) ? formatTime(f.time) : ''),
            h('td', {}, f.kind === 'leak' ? 'Leak' : 'No consent object'),
            h('td', {}, f.destination ?? 'Segment.io'),
            h('td', { class: 'url' }, f.url),
            h('td', {}, f.reason),
          ),
        ),
      )
    },
  }
}
