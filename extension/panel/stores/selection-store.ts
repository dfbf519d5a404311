/** Which event is open in the detail view (by row key, so it survives filtering). */
import { Listeners } from './listeners'

export class SelectionStore {
  key: string | undefined
  readonly changed = new Listeners()

  select(key: string | undefined): void {
    if (key === this.key) return
    this.key = key
    this.changed.emit()
  }
}
