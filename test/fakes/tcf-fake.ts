/**
 * A fake IAB TCF v2.2 CMP, from the IAB "CMP JS API v2" specification:
 * - the stub: `__tcfapi` that answers `ping` itself (`cmpStatus: 'stub'`) and
 *   queues every other call until the CMP loads;
 * - the CMP: `ping`, `addEventListener` (calls back at once with the current
 *   TCData, then on every change, each carrying its `listenerId`),
 *   `removeEventListener` (by `listenerId`, answers `success`); TCData has
 *   `eventStatus` ('tcloaded' | 'cmpuishown' | 'useractioncomplete'),
 *   `cmpStatus`, `gdprApplies`, `purpose.consents`, `vendor.consents`.
 */
import { wipeAfter } from './adapter-harness'

type Callback = (...args: any[]) => void

export interface TcfFakeOptions {
  gdprApplies?: boolean
  /** A TC string stored by an earlier visit: purposes and vendors consented. */
  stored?: { purposes: number[]; vendors?: number[] }
}

export function tcfFake(options: TcfFakeOptions = {}) {
  const w = globalThis as Record<string, any>
  wipeAfter('__tcfapi')
  const queue: unknown[][] = []
  const listeners = new Map<number, Callback>()
  let nextId = 0
  const gdprApplies = options.gdprApplies ?? true
  let eventStatus = options.stored || !gdprApplies ? 'tcloaded' : 'cmpuishown'
  let purposes = new Set(options.stored?.purposes ?? [])
  let vendors = new Set(options.stored?.vendors ?? [])

  const flags = (ids: Set<number>, max: number) => Object.fromEntries(Array.from({ length: max }, (_, i) => [i + 1, ids.has(i + 1)]))
  const tcData = (listenerId: number) => ({
    tcString: purposes.size ? 'CPxyz.fake' : '',
    tcfPolicyVersion: 4,
    cmpId: 300,
    cmpVersion: 1,
    gdprApplies,
    eventStatus,
    cmpStatus: 'loaded',
    listenerId,
    isServiceSpecific: true,
    useNonStandardTexts: false,
    publisherCC: 'DE',
    purposeOneTreatment: false,
    purpose: { consents: flags(purposes, 11), legitimateInterests: {} },
    vendor: { consents: flags(vendors, 1000), legitimateInterests: {} },
    specialFeatureOptins: {},
    publisher: { consents: {}, legitimateInterests: {}, customPurpose: { consents: {}, legitimateInterests: {} }, restrictions: {} },
  })

  const cmp = (command: string, _version: number, callback: Callback, parameter?: unknown) => {
    if (command === 'ping')
      callback({ gdprApplies, cmpLoaded: true, cmpStatus: 'loaded', displayStatus: eventStatus === 'cmpuishown' ? 'visible' : 'hidden', apiVersion: '2.2', cmpVersion: 1, cmpId: 300, gvlVersion: 100, tcfPolicyVersion: 4 }, true)
    else if (command === 'addEventListener') {
      const id = nextId++
      listeners.set(id, callback)
      callback(tcData(id), true)
    } else if (command === 'removeEventListener') callback(listeners.delete(parameter as number))
    else callback(undefined, false)
  }

  const stub = (...args: unknown[]) => {
    if (args[0] === 'ping') (args[2] as Callback)({ gdprApplies: undefined, cmpLoaded: false, cmpStatus: 'stub', displayStatus: 'hidden', apiVersion: '2.2' }, true)
    else queue.push(args)
  }

  const notify = () => {
    for (const [id, callback] of [...listeners]) callback(tcData(id), true)
  }

  return {
    installStub() {
      w.__tcfapi = stub
    },
    /** The CMP script runs: replaces the stub and answers the queued calls. */
    load() {
      w.__tcfapi = cmp
      for (const args of queue.splice(0)) (cmp as Callback)(...args)
    },
    /** The user confirms a choice in the CMP UI. */
    choose(choice: { purposes: number[]; vendors?: number[] }) {
      purposes = new Set(choice.purposes)
      vendors = new Set(choice.vendors ?? [])
      eventStatus = 'useractioncomplete'
      notify()
    },
    /** The CMP UI opens again (e.g. the user reopens the settings). */
    showUi() {
      eventStatus = 'cmpuishown'
      notify()
    },
    listenerCount: () => listeners.size,
    queued: () => queue.length,
  }
}
