/**
 * The `/sink` page: polls `/sink/log.json` every second and re-renders when
 * the log changed. Text only (see sink-render.ts).
 */
import type { SinkReport } from '../../server/sink-report-types'
import { byId, replaceChildren } from '../layout/dom'
import { renderDestinations, renderRequests, renderSegment } from './sink-render'

const POLL_MS = 1000
let shown = ''

async function refresh(): Promise<void> {
  const status = byId('status')
  try {
    const response = await fetch('/sink/log.json', { cache: 'no-store' })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    const report = (await response.json()) as SinkReport
    status.textContent = `Third parties at ${report.thirdPartyOrigin}.`
    if (report.revision === shown) return
    shown = report.revision
    replaceChildren(byId('destinations'), renderDestinations(report))
    byId('segment-title').textContent = `Segment API (${report.segmentEvents.length} events)`
    replaceChildren(byId('segment'), renderSegment(report))
    byId('requests-title').textContent = `All requests (${report.requestCount})`
    replaceChildren(byId('requests'), renderRequests(report))
  } catch (error) {
    status.textContent = `The demo server is not answering (${(error as Error).message}); is \`npm start\` still running?`
  }
}

async function loop(): Promise<void> {
  await refresh()
  setTimeout(() => void loop(), POLL_MS)
}

byId('clear').addEventListener('click', () => {
  void fetch('/sink/clear', { method: 'POST' }).then(refresh)
})
void loop()
