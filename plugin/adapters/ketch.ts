import { attempt, consentState, firstState, guarded, isFunction, isObject, page, pending, unqueue, type Categories, type OnChange, type AsyncConsentSource } from './adapter-kit'

const NAME = 'ketch'

/**
 * Ketch Smart Tag: the `consent` event and `getConsent`, through
 * `window.ketch(...)` or, before the tag loads, its `window.semaphore` queue
 * (created here when the page has not). Categories are Ketch purpose codes
 * (e.g. `'analytics'`, `'behavioral_advertising'`). Ketch resolves a consent
 * (stored, or the defaults of purposes that need no opt-in) before the user
 * acts: that is reported as decided with `explicit: false`; an opt-in purpose
 * the user has not answered is absent, so it counts as refused under opt-in.
 *
 * @example
 * consentGuard({ cmp: ketch() })
 */
export function ketch(): AsyncConsentSource {
  // An experience (banner, modal, preferences) was shown on this page view:
  // the consents that follow are the user's answer.
  let shown = false

  const fromConsent = (consent: unknown) => {
    if (!isObject(consent) || !isObject(consent.purposes)) throw new Error('Ketch sent a consent without purposes')
    const categories: Categories = {}
    for (const [purpose, value] of Object.entries(consent.purposes)) if (typeof value === 'boolean') categories[purpose] = value
    return consentState(NAME, true, categories, shown)
  }

  // Calls the Ketch API, or queues the call; returns the queued item, if any.
  const call = (...args: unknown[]): unknown => {
    const g = page()
    if (isFunction(g.ketch)) return g.ketch(...args)
    const queue = (g.semaphore ??= [])
    if (!isFunction(queue.push)) throw new Error('window.semaphore is not a queue')
    queue.push(args)
    return args
  }

  const deliverTo = (onChange: OnChange, live: () => boolean) =>
    guarded(NAME, (consent: unknown) => {
      if (live()) onChange(attempt(NAME, () => fromConsent(consent)) ?? pending(NAME))
    })

  return {
    name: NAME,
    read: () =>
      firstState(NAME, (deliver) => {
        let live = true
        const queued = attempt(NAME, () => call('getConsent', deliverTo(deliver, () => live)))
        return () => {
          live = false
          unqueue(page().semaphore, queued)
        }
      }),
    subscribe(onChange) {
      let live = true
      const onConsent = deliverTo(onChange, () => live)
      const onShow = guarded(NAME, () => {
        shown = true
      })
      attempt(NAME, () => {
        call('on', 'consent', onConsent)
        call('on', 'willShowExperience', onShow)
      })
      return () => {
        live = false
        // Queued before the tag loads, 'off' is run after 'on': the pair cancels out.
        attempt(NAME, () => {
          call('off', 'consent', onConsent)
          call('off', 'willShowExperience', onShow)
        })
      }
    },
  }
}
