/**
 * A fake IAB GPP 1.1 CMP, from the IAB "GPP CMP API" specification:
 * - the stub: `__gpp` that answers `ping` itself (`cmpStatus: 'stub'`,
 *   `signalStatus: 'not ready'`) and queues other calls in `__gpp.queue`;
 * - the CMP: `ping` (callback and return value), `addEventListener(cb)` that
 *   answers at once with a `listenerRegistered` event, then sends
 *   `cmpStatus`, `signalStatus` and `sectionChange` events, each
 *   `{ eventName, listenerId, data, pingData }`; `removeEventListener(cb, id)`.
 *   `pingData.parsedSections` holds the decoded sections, e.g. `usnat` as
 *   `[core, gpcSubsection]`, with opt-outs `0` n/a, `1` opted out, `2` did not;
 * - the order of signals GPP 1.1 prescribes: the CMP sets `signalStatus` to
 *   `'not ready'` before it changes anything, fires `sectionChange`, then sets
 *   `'ready'`. A new visitor's CMP stays `'not ready'` until the first choice;
 *   re-opening the choices screen goes `'not ready'` again until it is saved
 *   or closed. The reference implementation (`@iabgpp/cmpapi`) does the same
 *   through `setSignalStatus` and `fireSectionChange`, which the end-to-end
 *   tests drive for real.
 */
import { wipeAfter } from './adapter-harness'

type Callback = (...args: any[]) => void
type Section = Record<string, number | boolean>

const NOT_OPTED_OUT: Section = { Version: 1, SharingNotice: 1, SaleOptOutNotice: 1, TargetedAdvertisingOptOutNotice: 1, SaleOptOut: 2, SharingOptOut: 2, TargetedAdvertisingOptOut: 2, MspaCoveredTransaction: 2 }

export function gppFake() {
  const w = globalThis as Record<string, any>
  wipeAfter('__gpp')
  const queue: unknown[][] = []
  const listeners = new Map<number, Callback>()
  let nextId = 0
  let cmpStatus = 'loaded'
  let cmpDisplayStatus = 'hidden'
  let signalStatus = 'not ready'
  let parsedSections: Record<string, unknown> = {}

  const ping = () => ({
    gppVersion: '1.1',
    cmpStatus,
    cmpDisplayStatus,
    signalStatus,
    supportedAPIs: ['7:usnat', '8:usca'],
    cmpId: 300,
    sectionList: Object.keys(parsedSections).map((s) => (s === 'usnat' ? 7 : 8)),
    applicableSections: Object.keys(parsedSections).length ? [7] : [-1],
    gppString: 'DBABLA~fake',
    parsedSections,
  })
  const send = (eventName: string, data: unknown) => {
    for (const [listenerId, callback] of [...listeners]) callback({ eventName, listenerId, data, pingData: ping() }, true)
  }

  const signal = (status: 'ready' | 'not ready', display: 'visible' | 'hidden') => {
    cmpDisplayStatus = display
    if (signalStatus === status) return
    signalStatus = status
    send('signalStatus', status)
  }

  const cmp = (command: string, callback: Callback, parameter?: unknown) => {
    if (command === 'ping') {
      const data = ping()
      callback?.(data, true)
      return data
    }
    if (command === 'addEventListener') {
      const listenerId = nextId++
      listeners.set(listenerId, callback)
      callback({ eventName: 'listenerRegistered', listenerId, data: true, pingData: ping() }, true)
    } else if (command === 'removeEventListener') callback(listeners.delete(parameter as number), true)
    else callback(null, false)
  }

  const stub = Object.assign(
    (...args: unknown[]) => {
      if (args[0] === 'ping') {
        const data = { gppVersion: '1.1', cmpStatus: 'stub', cmpDisplayStatus: 'hidden', signalStatus: 'not ready', supportedAPIs: [], cmpId: 0, sectionList: [], applicableSections: [], gppString: '', parsedSections: {} }
        ;(args[1] as Callback | undefined)?.(data, true)
        return data
      }
      stub.queue.push(args)
    },
    { queue, events: [] as unknown[] },
  )

  /** The CMP script runs and answers the queue. */
  const takeOver = () => {
    w.__gpp = cmp
    for (const args of queue.splice(0)) (cmp as Callback)(...args)
  }

  return {
    installStub() {
      w.__gpp = stub
    },
    /** The CMP script runs, answers the queue, then decodes the stored string and signals ready. */
    load(sections: Record<string, unknown> = { usnat: [{ ...NOT_OPTED_OUT }, { SubsectionType: 1, Gpc: false }] }) {
      takeOver()
      parsedSections = sections
      signal('ready', 'hidden')
    },
    /** The CMP script runs for a visitor with no stored string: its notice shows, the signal stays 'not ready'. */
    loadNewVisitor() {
      takeOver()
      signal('not ready', 'visible')
    },
    /** The user saves a choice: 'not ready', new opt-out values in a section, sectionChange, then 'ready'. */
    optOut(section: string, fields: Section) {
      signal('not ready', 'visible')
      const current = parsedSections[section]
      parsedSections = {
        ...parsedSections,
        [section]: Array.isArray(current) ? [{ ...current[0], ...fields }, ...current.slice(1)] : current ? { ...(current as Section), ...fields } : [{ ...NOT_OPTED_OUT, ...fields }],
      }
      send('sectionChange', section)
      signal('ready', 'hidden')
    },
    /** The user opens the choices screen again: 'not ready' until they save or close it. */
    showChoices() {
      signal('not ready', 'visible')
    },
    /** The user closes the choices screen without saving. */
    closeChoices() {
      signal('ready', 'hidden')
    },
    error() {
      cmpStatus = 'error'
      send('error', 'broken')
    },
    listenerCount: () => listeners.size,
    NOT_OPTED_OUT,
  }
}
