/**
 * Renders a sink report (see demo/server/sink-report-types.ts) as DOM. All
 * request data goes in as text nodes through `el`, never as markup.
 */
import type { SinkDestinationRow, SinkReport, SinkRequestRow, SinkSegmentEvent } from '../../server/sink-report-types'
import { el } from '../layout/dom'

const MODE_LABELS: Record<SinkDestinationRow['mode'], string> = {
  classic: 'device (classic)',
  action: 'device (action)',
  cloud: 'cloud',
}

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour12: false })
}

/** The one-word verdict of a destination and its CSS tone. */
export function destinationStatus(row: SinkDestinationRow, segmentTotal: number): { text: string; tone: 'good' | 'bad' | 'warn' | 'info' } {
  if (row.mode === 'cloud') {
    return { text: `Segment would deliver ${row.cloudWouldDeliver ?? 0} of ${segmentTotal} events`, tone: 'info' }
  }
  const received = row.eventsReceived.length
  if (received > 0) return { text: `received ${received} event${received === 1 ? '' : 's'}`, tone: 'good' }
  if (row.codeFetched) return { text: 'code loaded, received nothing', tone: 'warn' }
  return { text: 'blocked: code never loaded, nothing received', tone: 'bad' }
}

function hasCookie(name: string): boolean {
  return document.cookie.split(';').some((part) => part.trim().startsWith(`${name}=`))
}

function consentChips(consent: Record<string, boolean> | null): HTMLElement {
  if (!consent) return el('span', { class: 'chip chip-pending' }, 'no consent object')
  return el(
    'span',
    { class: 'chips' },
    ...Object.entries(consent).map(([id, on]) => el('span', { class: `chip ${on ? 'chip-on' : 'chip-off'}` }, `${id} ${on ? '✓' : '✗'}`)),
  )
}

export function renderDestinations(report: SinkReport): HTMLElement {
  const total = report.segmentEvents.length
  return el(
    'table',
    { class: 'sink-table' },
    el(
      'thead',
      {},
      el('tr', {}, ...['Destination', 'Mode', 'Categories', 'Code loaded', 'Cookie set', 'What reached it'].map((h) => el('th', { scope: 'col' }, h))),
    ),
    el(
      'tbody',
      {},
      ...report.destinations.map((row) => {
        const status = destinationStatus(row, total)
        const device = row.mode !== 'cloud'
        const last = row.eventsReceived.slice(-3).reverse()
        return el(
          'tr',
          { 'data-destination': row.name },
          el('th', { scope: 'row' }, row.name),
          el('td', {}, MODE_LABELS[row.mode]),
          el('td', {}, row.categories.length ? row.categories.join(', ') : 'unmapped'),
          el('td', {}, device ? (row.codeFetched ? 'yes' : 'no') : '—'),
          el('td', { title: device ? `${row.key}_loaded` : undefined }, device ? (hasCookie(`${row.key}_loaded`) ? 'yes' : 'no') : '—'),
          el(
            'td',
            {},
            el('span', { class: `status status-${status.tone}` }, status.text),
            last.length ? el('span', { class: 'muted small' }, ` latest: ${last.join(', ')}`) : null,
          ),
        )
      }),
    ),
  )
}

function segmentRow(event: SinkSegmentEvent): HTMLElement {
  return el(
    'li',
    {},
    el('span', { class: 'time' }, time(event.time)),
    el('span', { class: 'type' }, event.type),
    el('span', { class: 'label' }, event.label),
    consentChips(event.consent),
    el('span', { class: 'muted small' }, event.cloudDelivery.length ? `cloud: ${event.cloudDelivery.join(', ')}` : 'cloud: none'),
  )
}

export function renderSegment(report: SinkReport): HTMLElement {
  if (report.segmentEvents.length === 0) return el('p', { class: 'muted' }, 'No event has reached Segment yet.')
  return el('ol', { class: 'event-list' }, ...report.segmentEvents.map(segmentRow))
}

function requestRow(request: SinkRequestRow): HTMLElement {
  return el(
    'li',
    { class: `kind-${request.kind}` },
    el('span', { class: 'time' }, time(request.time)),
    el('span', { class: 'badge' }, request.kind),
    el('span', { class: 'label' }, request.summary),
    el('code', { class: 'muted small' }, `${request.method} ${request.path}`),
  )
}

export function renderRequests(report: SinkReport): HTMLElement {
  if (report.requests.length === 0) return el('p', { class: 'muted' }, 'No request yet: open the shop.')
  const cut = report.requestCount - report.requests.length
  return el(
    'div',
    {},
    el('ol', { class: 'request-list' }, ...report.requests.map(requestRow)),
    cut > 0 ? el('p', { class: 'muted small' }, `${cut} older requests not shown.`) : null,
  )
}
