import { BACKLOG_MAX_MESSAGES } from '../../shared/protocol/limits'
import { createMessage, isAnnounce, type Diagnostic, type MessageKind, type PluginMessages } from '../../shared/protocol/protocol'
import type { Builders, DiagnosticsRuntime, Entry } from './diagnostics-runtime'

export type DiagnosticListener = (d: Diagnostic) => void
/**
 * A message body, or a function that builds it from the runtime's builders:
 * built only if someone ever looks, and the builders' code stays in the
 * on-demand chunk.
 */
export type Body<K extends MessageKind> = PluginMessages[K] | ((build: Builders) => PluginMessages[K])

export interface DiagnosticsRecorder {
  readonly sid: string
  record<K extends MessageKind>(kind: K, body: Body<K>): void
  onDiagnostic(listener: DiagnosticListener): () => void
  stop(): void
}

function randomId(): string {
  const bytes = new Uint8Array(8)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The always-loaded half of diagnostics: numbers each record and keeps the
 * last ones unbuilt (a body is often a function, so a page without the
 * debugger pays almost nothing per event). The other half - building,
 * bounding, posting - is a separate chunk, loaded once a debugger announces
 * itself (`auto`), from the start (`always`), or for `onDiagnostic` listeners.
 */
export function createRecorder(mode: 'auto' | 'always' | 'off'): DiagnosticsRecorder {
  const sid = randomId()
  const listeners = new Set<DiagnosticListener>()
  let ring: Entry[] = []
  let seq = 0
  let runtime: DiagnosticsRuntime | undefined
  let loading: Promise<void> | undefined
  let post = mode === 'always'
  const win = typeof window === 'undefined' ? undefined : window

  const start = () =>
    (loading ??= import('./diagnostics-runtime').then(({ createRuntime }) => {
      runtime = createRuntime(win, listeners, sid)
      if (post) runtime.goLive()
      for (const entry of ring.splice(0).slice(-BACKLOG_MAX_MESSAGES)) runtime.emit(entry)
    }, () => undefined))

  const onMessage = (e: MessageEvent) => {
    if (post || e.source !== win || e.origin !== win!.location.origin || !isAnnounce(e.data)) return
    post = true
    runtime ? runtime.goLive() : void start()
  }

  if (win && mode !== 'off') {
    win.addEventListener('message', onMessage)
    // The probe goes out at once, whatever the mode: it is how a debugger learns we are here.
    const probe = createMessage(sid, seq++, 'probe', {})
    ring.push({ seq: probe.seq, time: probe.time, kind: 'probe', body: {} })
    try {
      win.postMessage(probe, win.location.origin)
    } catch {
      // An opaque origin cannot be targeted: stay silent.
    }
    if (mode === 'always') void start()
  }

  return {
    sid,
    record(kind, body) {
      if (mode === 'off' && listeners.size === 0) return
      const entry: Entry = { seq: seq++, time: Date.now(), kind, body }
      if (runtime) return runtime.emit(entry)
      ring.push(entry)
      // Trim in batches: slicing on every record would cost O(backlog) per event.
      if (ring.length >= 2 * BACKLOG_MAX_MESSAGES) ring = ring.slice(-BACKLOG_MAX_MESSAGES)
    },
    onDiagnostic(listener) {
      listeners.add(listener)
      void start()
      return () => listeners.delete(listener)
    },
    stop: () => win?.removeEventListener('message', onMessage),
  }
}
