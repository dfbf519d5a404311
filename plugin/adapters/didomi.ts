import { attempt, consentState, firstState, guarded, isFunction, isObject, page, pending, unqueue, type Categories, type OnChange, type AsyncConsentSource } from './adapter-kit'

const NAME = 'didomi'

/**
 * Didomi Web SDK: waits for `window.didomiOnReady`, reads
 * `Didomi.getCurrentUserStatus().purposes` (categories are Didomi purpose
 * ids, e.g. `'analytics'`, `'cookies'`) and follows the `consent.changed`
 * event through `window.didomiEventListeners`. Both queues are the SDK's
 * documented pre-load interface, created here when the page has not yet.
 *
 * @example
 * consentGuard({ cmp: didomi() })
 */
export function didomi(): AsyncConsentSource {
  let acted = false
  let sawUndecided = false

  const compute = () => {
    const sdk: unknown = page().Didomi
    if (!isObject(sdk) || !isFunction(sdk.getCurrentUserStatus)) throw new Error('window.Didomi has no getCurrentUserStatus()')
    const status: unknown = sdk.getCurrentUserStatus()
    const purposes = isObject(status) && isObject(status.purposes) ? status.purposes : {}
    // Not required (e.g. a visitor outside the regulation's scope): Didomi
    // says to enable everything, so consent is implied for every purpose.
    const required = !isFunction(sdk.isConsentRequired) || sdk.isConsentRequired() !== false
    const categories: Categories = {}
    for (const [id, purpose] of Object.entries(purposes)) categories[id] = !required || (isObject(purpose) && purpose.enabled === true)
    const undecided = required && isFunction(sdk.shouldConsentBeCollected) && sdk.shouldConsentBeCollected() === true
    if (undecided) sawUndecided = true
    return consentState(NAME, !undecided, categories, required && (acted || sawUndecided), required ? 'opt-in' : undefined)
  }

  // `listen`: also follow consent.changed (read() only needs the ready callback).
  const watch = (onChange: OnChange, listen: boolean) => {
    const g = page()
    let live = true
    let ready = false
    const emit = () => {
      if (live && ready) onChange(attempt(NAME, compute) ?? pending(NAME))
    }
    const onReady = guarded(NAME, () => {
      ready = true
      emit()
    })
    const listener = {
      event: 'consent.changed',
      listener: guarded(NAME, () => {
        acted = true
        emit()
      }),
    }
    const queues = attempt(NAME, () => {
      const onReadyQueue = (g.didomiOnReady ??= [])
      const listeners = (g.didomiEventListeners ??= [])
      if (!isFunction(onReadyQueue.push) || !isFunction(listeners.push)) throw new Error('window.didomiOnReady or didomiEventListeners is not a queue')
      if (listen) listeners.push(listener)
      // Once the SDK is ready its push() runs the callback at once.
      onReadyQueue.push(onReady)
      return [onReadyQueue, listeners]
    })
    // Callbacks the SDK already took cannot be removed: they go quiet instead.
    return () => {
      live = false
      if (queues) {
        unqueue(queues[0], onReady)
        unqueue(queues[1], listener)
      }
    }
  }

  return {
    name: NAME,
    read: () => firstState(NAME, (deliver) => watch(deliver, false)),
    subscribe: (onChange) => watch(onChange, true),
  }
}
