/**
 * Chains onto `window.__SEGMENT_INSPECTOR__.attach`. analytics-next keeps a
 * reference to that object from the moment its module runs
 * (`globalThis.__SEGMENT_INSPECTOR__ ??= {}`) and later calls
 * `host.attach?.(analytics)`, so the object must be kept, never replaced, and
 * a hook installed before or after ours (Segment's own inspector assigns
 * `attach` with Object.assign) must keep working.
 */

export type AttachHook = (analytics: unknown) => unknown

export interface InspectorGlobal {
  __SEGMENT_INSPECTOR__?: { attach?: AttachHook } & Record<string, unknown>
}

/**
 * Installs `ours` so that it runs on every attach, before any other hook.
 * Ours never throws into analytics-next; the other hook's behaviour (and
 * return value) is passed through untouched.
 */
export function chainInspectorAttach(win: InspectorGlobal, ours: (analytics: unknown) => void): void {
  const host = (win.__SEGMENT_INSPECTOR__ ??= {})
  let other: AttachHook | undefined = typeof host.attach === 'function' ? host.attach : undefined
  const chained: AttachHook = (analytics) => {
    try {
      ours(analytics)
    } catch {
      // A debugger must never break the page it inspects.
    }
    return other?.(analytics)
  }
  const descriptor = Object.getOwnPropertyDescriptor(host, 'attach')
  if (descriptor && descriptor.configurable === false) {
    // Someone froze the slot: wrap what is there if we can, else give up quietly.
    if (descriptor.writable) host.attach = chained
    return
  }
  try {
    Object.defineProperty(host, 'attach', {
      configurable: true,
      enumerable: true,
      get: () => chained,
      // A later assignment becomes the next hook in the chain instead of evicting ours.
      set: (fn: unknown) => {
        other = typeof fn === 'function' && fn !== chained ? (fn as AttachHook) : undefined
      },
    })
  } catch {
    // A non-extensible host object: nothing more we can do without breaking it.
  }
}
