import { createMessage, type Diagnostic, type MessageKind, type PluginMessages } from '../../shared/protocol/protocol'
import { serializeBounded } from './bounded-json'
import { createWindowTransport, type WindowTransport } from './window-transport'

export type DiagnosticListener = (d: Diagnostic) => void

export interface DiagnosticsEmitter {
  readonly sid: string
  /** Whether anyone can see diagnostics: build them only then. */
  wanted(): boolean
  emit<K extends MessageKind>(kind: K, body: PluginMessages[K]): void
  onDiagnostic(listener: DiagnosticListener): () => void
  stop(): void
}

function randomId(): string {
  const bytes = new Uint8Array(8)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Numbers and serialises every diagnostic once, hands it to `onDiagnostic`
 * listeners and to the window transport. The first message is the probe.
 */
export function createDiagnostics(mode: 'auto' | 'always' | 'off'): DiagnosticsEmitter {
  const sid = randomId()
  const listeners = new Set<DiagnosticListener>()
  const transport: WindowTransport | undefined =
    mode !== 'off' && typeof window !== 'undefined' ? createWindowTransport(mode, window) : undefined
  let seq = 0

  const emitter: DiagnosticsEmitter = {
    sid,
    wanted: () => transport !== undefined || listeners.size > 0,
    emit(kind, body) {
      if (!emitter.wanted()) return
      const serialized = serializeBounded(createMessage(sid, seq++, kind, body) as unknown as Record<string, unknown>)
      if (!serialized) return
      transport?.send(serialized, kind === 'probe')
      if (listeners.size === 0) return
      const message = JSON.parse(serialized.text) as Diagnostic
      for (const listener of listeners) {
        try {
          listener(message)
        } catch {
          // A failing listener must not break event delivery.
        }
      }
    },
    onDiagnostic(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop: () => transport?.stop(),
  }
  emitter.emit('probe', {})
  return emitter
}
