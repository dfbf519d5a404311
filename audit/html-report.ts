/**
 * The HTML report: one self-contained file (no script, no external resource,
 * a CSP that forbids both) that support can open anywhere. Every piece of
 * page data is interpolated through the escaping `html` template, so it
 * renders as text only, as in the debugger's panel.
 */
import { Html, html } from './html-escape'
import { REPORT_CSS } from './html-report-style'
import type { AuditReport, ScenarioReport } from './report-types'
import { unjudgedCount } from './scenario-warnings'
import { verdictLine } from './verdict-line'

const CSP = "default-src 'none'; style-src 'unsafe-inline'"
/** Our own stylesheet, trusted: inside <style> entities are not decoded, so it must not be escaped. */
const STYLE = new Html(REPORT_CSS)
const MODE: Record<ScenarioReport['mode'], string> = {
  plugin: 'Consent Guard diagnostics',
  inspector: 'no plugin: inspector hook + network (routing predicted)',
  'network-only': 'no plugin: network and cookies only',
}

const clock = (time: number) => (Number.isFinite(time) ? new Date(time).toISOString().slice(11, 23) : '')

function chips(categories: Record<string, boolean> | null): Html {
  if (categories === null) return html`<span class="badge bad">no consent object</span>`
  const entries = Object.entries(categories)
  if (entries.length === 0) return html`<span class="empty">none</span>`
  return html`${entries.map(([c, v]) => html`<span class="chip ${v ? 'on' : 'off'}">${v ? '✓' : '✗'} ${c}</span>`)}`
}

const table = (head: string[], rows: Html[], empty: string) =>
  rows.length === 0 ? html`<p class="empty">${empty}</p>` : html`<table><thead><tr>${head.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table>`

function leaksTable(s: ScenarioReport): Html {
  const rows = s.leaks.map(
    (l) => html`<tr class="leak"><td class="mono nowrap">${clock(l.time)}</td><td><span class="badge bad">${l.kind}</span></td><td>${l.destination}</td><td class="mono">${l.kind === 'cookie' ? l.cookie : l.url}</td><td>${l.reason}</td></tr>`,
  )
  return table(['time', 'kind', 'destination', 'URL / cookie', 'why'], rows, 'No leak: nothing was sent or stored without consent.')
}

function destinationsTable(s: ScenarioReport): Html {
  const rows = s.destinations.map(
    (d) => html`<tr${d.leaks ? html` class="leak"` : ''}><td>${d.destination}</td><td>${d.mode}</td><td>${d.mode === 'segment' ? '-' : d.categories.join(', ') || 'unmapped'}</td>
<td><span class="badge ${d.allowed ? 'ok' : 'bad'}">${d.allowed ? 'allowed' : 'blocked'}</span> ${d.reason}</td>
<td class="num">${d.delivered}</td><td class="num">${d.blocked}</td><td class="num">${d.requests}</td><td class="num">${d.leaks}</td><td class="mono">${d.cookies.join(', ')}</td></tr>`,
  )
  return table(['destination', 'mode', 'categories', 'consent at the end', 'delivered', 'blocked', 'requests', 'leaks', 'cookies'], rows, 'No destination known on this page.')
}

function eventsTable(s: ScenarioReport): Html {
  const rows = s.events.map(
    (e) => html`<tr><td>${e.type}</td><td>${e.name ?? ''}</td><td>${chips(e.consent)}</td><td>${e.sentToSegment ? 'yes' : 'no'}</td>
<td>${e.delivered.join(', ')}</td><td>${e.blocked.join(', ')}${e.dropped ? html`<div class="meta">dropped: ${e.dropped}</div>` : ''}</td><td class="meta">${e.source}</td></tr>`,
  )
  return table(['type', 'name', 'consent stamped', 'to Segment', 'delivered to', 'blocked for', 'seen by'], rows, 'No event.')
}

function cookiesTable(s: ScenarioReport): Html {
  const badge = { leak: 'bad', allowed: 'ok', segment: 'info', 'not-judged': 'warn', unattributed: 'info' } as const
  const rows = s.cookies.map(
    (c) => html`<tr${c.verdict === 'leak' ? html` class="leak"` : ''}><td class="mono">${c.name}</td><td class="mono">${c.domain}</td><td>${c.checkpoint}</td><td>${c.destinations.join(', ')}</td><td><span class="badge ${badge[c.verdict]}">${c.verdict}</span></td></tr>`,
  )
  return table(['cookie', 'domain', 'first seen', 'set by', 'verdict'], rows, 'No cookie.')
}

function scenarioSection(s: ScenarioReport, index: number): Html {
  const unjudged = unjudgedCount(s)
  const status = s.leaks.length
    ? html`<span class="badge bad">${s.leaks.length} leak(s)</span>`
    : s.status === 'incomplete'
      ? html`<span class="badge warn">incomplete</span>`
      : unjudged
        ? html`<span class="badge warn">${unjudged} request(s) not judged</span>`
        : html`<span class="badge ok">clean</span>`
  return html`<section class="card" id="scenario-${index}">
<div class="card-head"><h2>${s.scenario}</h2>${status}${s.gpc ? html`<span class="badge info">GPC on</span>` : ''}<span class="meta">${MODE[s.mode]}</span></div>
${s.driver ? html`<p class="meta">Driver <b>${s.driver.platform}</b>: ${s.driver.ok ? 'ok' : 'failed'} - ${s.driver.detail}</p>` : ''}
<p>Consent ${s.consent.status}${s.consent.model ? ` (${s.consent.model})` : ''}${s.gpc ? ', GPC on' : ''}: ${chips(s.consent.categories)}</p>
${s.errors.length ? html`<ul class="errors">${s.errors.map((e) => html`<li>${e}</li>`)}</ul>` : ''}
${s.warnings.length ? html`<ul class="warnings">${s.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ''}
${s.notes.length ? html`<ul class="notes">${s.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}
<h3>Leaks</h3>${leaksTable(s)}
<h3>Destinations</h3>${destinationsTable(s)}
<h3>Events (${s.events.length})</h3>${eventsTable(s)}
<h3>Cookies</h3>${cookiesTable(s)}
${s.steps.length ? html`<h3>Steps</h3><ul class="notes">${s.steps.map((st) => html`<li>${st.ok ? '✓' : '✗'} ${st.step}${st.ok ? '' : html`: ${st.detail}`}</li>`)}</ul>` : ''}
<p class="meta">${s.requests.total} request(s): ${s.requests.segment} to Segment, ${s.requests.vendor} to vendors${s.requests.aborted.length ? `, ${s.requests.aborted.length} aborted (--allow-hosts)` : ''}; ${s.diagnostics} diagnostic message(s).</p>
</section>`
}

function summaryTable(report: AuditReport): Html {
  const rows = report.scenarios.map(
    (s, i) => html`<tr${s.leaks.length ? html` class="leak"` : ''}><td><a href="#scenario-${i}">${s.scenario}</a>${s.gpc ? html` <span class="badge info">GPC</span>` : ''}</td><td>${chips(s.consent.categories)}</td><td class="num">${s.events.length}</td><td class="num">${s.leaks.length}</td><td>${s.status}</td></tr>`,
  )
  return table(['scenario', 'consent at the end', 'events', 'leaks', 'status'], rows, 'No scenario ran.')
}

/** The complete HTML document. */
export function htmlReport(report: AuditReport): string {
  const verdict = report.summary.verdict
  // The CSP is a trusted constant, written as is (escaping would turn its quotes into entities).
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${CSP}">\n${html`<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Consent audit: ${report.url}</title>
<style>${STYLE}</style></head>
<body><main>
<header class="top"><div><h1>Consent audit</h1><div class="url">${report.url}</div>
<div class="meta">${report.startedAt} - ${report.finishedAt} · consent-guard ${report.tool.version} · ${report.extension ? 'debugger extension loaded' : 'without the debugger extension'}${report.platform ? ` · platform ${report.platform}` : ''}</div></div>
<div class="verdict ${verdict}">${verdictLine(report)}</div></header>
${report.notes.length ? html`<ul class="notes">${report.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}
<section class="card"><h2>Scenarios</h2>${summaryTable(report)}</section>
${report.scenarios.map(scenarioSection)}
</main></body></html>`.text}\n`
}
