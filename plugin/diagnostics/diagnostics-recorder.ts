import { createMessage, isAnnounce, type Diagnostic, type MessageKind } from '../../shared/protocol/protocol'
import type { AnalyticsLike, ContextLike, PluginLike } from '../analytics-slice'
import type { Routing } from '../enforcement/routing-table'
import type { DiagnosticsRuntime } from './diagnostics-runtime'
import type { Body, RawEntry } from './raw-entry'

export type { Body } from './raw-entry'
export type DiagnosticListener = (d: Diagnostic) => void

export interface DiagnosticsRecorder {
  readonly sid: string
  record<K extends MessageKind>(kind: K, body: Body<K>): void
  /** An event left the guard with this routing; its `event` diagnostic follows when analytics-next is done with it. */
  expect(ctx: ContextLike, routing: Routing, segmentExempt: boolean): void
  /** Follows analytics-next's deliveries (for the `event` diagnostics). */
  attach(analytics: AnalyticsLike): void
  onDiagnostic(listener: DiagnosticListener): () => void
  stop(): void
}

/**
 * Raw entries kept before anyone looks, trimmed in batches to the newest
 * half: each event takes two, so this keeps room for the newest 1,000 events
 * (the runtime then bounds the replay by the protocol's backlog limits). Not
 * imported from the protocol's limits: a module both halves import would
 * become a chunk of its own, one more request and its own gzip overhead.
 */
const RING_MAX = 4000

function randomId(): string {
  const bytes = new Uint8Array(8)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The always-loaded half of diagnostics: posts the probe, listens for the
 * debugger's announce, and keeps the newest happenings as raw references
 * (see RawEntry), so a page without the debugger pays almost nothing per
 * event. The other half - numbering, pairing deliveries, building, bounding,
 * posting - is a separate chunk, loaded once a debugger announces itself
 * (`auto`), from the start (`always`), or for `onDiagnostic` listeners.
 */
export function createRecorder(
  mode: 'auto' | 'always' | 'off',
  registered: (name: string) => PluginLike | undefined = () => undefined,
): DiagnosticsRecorder {
  const sid = randomId()
  const listeners = new Set<DiagnosticListener>()
  let ring: RawEntry[] = []
  let runtime: DiagnosticsRuntime | undefined
  let loading: Promise<void> | undefined
  let analytics: AnalyticsLike | undefined
  let post = mode === 'always'
  let stopped = false
  const win = typeof window === 'undefined' ? undefined : window
  const probed = win !== undefined && mode !== 'off'
  let probeTime: number | undefined
  const idle = () => mode === 'off' && listeners.size === 0
  const take = (entry: RawEntry) => {
    if (runtime) return runtime.take(entry)
    ring.push(entry)
    // Trim in batches: slicing on every record would cost O(backlog) per event.
    if (ring.length >= RING_MAX) ring = ring.slice(-RING_MAX / 2)
  }
  const start = () =>
    (loading ??= import('./diagnostics-runtime').then(({ createRuntime }) => {
      if (stopped) return
      runtime = createRuntime({ win, listeners, sid, registered, createMessage })
      if (post) runtime.goLive()
      runtime.replay(ring.splice(0), probeTime)
    }, () => undefined))
  const onMessage = (e: MessageEvent) => {
    if (post || e.source !== win || e.origin !== win!.location.origin || !isAnnounce(e.data)) return
    post = true
    runtime ? runtime.goLive() : void start()
  }
  const onDelivered = (ctx: ContextLike) => !idle() && take({ kind: 'delivered', time: Date.now(), ctx })
  const onFailed = (ctx: ContextLike, error: unknown) => !idle() && take({ kind: 'failed', time: Date.now(), ctx, error })

  if (probed) {
    win.addEventListener('message', onMessage)
    // The probe goes out at once: it is how a debugger learns we are here (and what a late one replies to).
    const probe = createMessage(sid, 0, 'probe', {})
    probeTime = probe.time
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
      if (!idle()) take({ kind, time: Date.now(), body: body as Body<MessageKind> })
    },
    expect(ctx, routing, exempt) {
      if (!idle()) take({ kind: 'expect', time: Date.now(), ctx, routing, exempt })
    },
    attach(instance) {
      analytics = instance
      instance.queue.on('message_delivered', onDelivered)
      instance.queue.on('delivery_failure', onFailed)
    },
    onDiagnostic(listener) {
      listeners.add(listener)
      void start()
      return () => listeners.delete(listener)
    },
    stop() {
      stopped = true
      win?.removeEventListener('message', onMessage)
      analytics?.queue.off('message_delivered', onDelivered)
      analytics?.queue.off('delivery_failure', onFailed)
      runtime?.stop()
    },
  }
}
