/**
 * Which diagnostics protocol the page's plugin speaks, from its latest
 * `probe` or `hello` (the worker keeps those of any version), compared with
 * the panel's own. A mismatch is what the version banner shows; without it,
 * a plugin of another version looked like no plugin at all.
 */
import { PROTOCOL_VERSION } from '../../../shared/protocol/protocol'
import { versionMismatch, type VersionMismatch } from '../../../shared/protocol/protocol-version'
import { Listeners } from './listeners'
import type { SessionStore } from './session-store'

export class VersionStore {
  mismatch: VersionMismatch | undefined
  readonly changed = new Listeners()
  private done = 0

  constructor(
    private readonly session: SessionStore,
    /** The version this panel speaks (tests pass another one). */
    private readonly ours: number = PROTOCOL_VERSION,
  ) {
    session.changes.add((change) => {
      if (change.type === 'reset') {
        this.done = 0
        this.mismatch = undefined
      }
      this.catchUp()
    })
    this.catchUp()
  }

  private catchUp(): void {
    const before = this.mismatch
    const entries = this.session.entries
    for (; this.done < entries.length; this.done++) {
      const entry = entries[this.done]
      if (entry.type !== 'message') continue
      const m = entry.message
      if (m.kind !== 'probe' && m.kind !== 'hello') continue
      // A probe carries no package version: keep the one its plugin's hello gave, if that came first.
      const known = this.mismatch?.plugin === m.v ? this.mismatch.pluginVersion : undefined
      this.mismatch = versionMismatch(m.v, this.ours, m.kind === 'hello' ? m.pluginVersion : known)
    }
    if (before !== this.mismatch) this.changed.emit()
  }
}
