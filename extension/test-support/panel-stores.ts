/**
 * The panel's stores wired as the panel wires them (session -> event index ->
 * filter -> list model), with a plugin and an inspector session to feed them:
 * the starting point of the stores' tests.
 */
import { EventIndex } from '../panel/stores/event-index'
import { FilterStore } from '../panel/stores/filter-store'
import { ListModel } from '../panel/stores/list-model'
import { SessionStore } from '../panel/stores/session-store'
import { InspectorSession, PluginSession } from './diagnostics'

export function panelStores() {
  const store = new SessionStore()
  const index = new EventIndex(store)
  const filter = new FilterStore()
  const model = new ListModel(index, filter)
  return { store, index, filter, model, p: new PluginSession(), i: new InspectorSession() }
}
