import type { ConsentState } from '../../shared/routing/types'
import type { ConsentProblem } from './consent-problem'

/** Reads the Global Privacy Control signal; absent or odd values mean off. */
export function readGpc(): boolean {
  try {
    return typeof navigator !== 'undefined' && (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl === true
  } catch {
    return false
  }
}

export function pendingState(source: string): ConsentState {
  return { status: 'pending', categories: {}, source, gpc: readGpc() }
}

/**
 * Turns whatever a consent source returned into a well-formed state, or
 * explains why it cannot. Sources are user code and CMP globals: trust nothing.
 */
export function normalizeState(raw: unknown, sourceName: string): { state: ConsentState } | { problem: ConsentProblem } {
  if (typeof raw !== 'object' || raw === null) return { problem: ['not-a-state', raw] }
  const r = raw as Record<string, unknown>
  if (r.status !== 'pending' && r.status !== 'decided') return { problem: ['bad-status', r.status] }
  if (typeof r.categories !== 'object' || r.categories === null || Array.isArray(r.categories)) {
    return { problem: ['bad-categories'] }
  }
  const categories: Record<string, boolean> = {}
  for (const [key, value] of Object.entries(r.categories as Record<string, unknown>)) {
    if (typeof value !== 'boolean') return { problem: ['not-boolean', key] }
    if (key === '__proto__') continue
    categories[key] = value
  }
  const state: ConsentState = {
    status: r.status,
    categories,
    source: typeof r.source === 'string' && r.source ? r.source : sourceName,
    gpc: typeof r.gpc === 'boolean' ? r.gpc : readGpc(),
  }
  if (typeof r.explicit === 'boolean') state.explicit = r.explicit
  if (r.model === 'opt-in' || r.model === 'opt-out') state.model = r.model
  return { state }
}

export function sameCategories(a: Record<string, boolean>, b: Record<string, boolean>): boolean {
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k])
}

export function sameState(a: ConsentState, b: ConsentState): boolean {
  return (
    a.status === b.status &&
    a.explicit === b.explicit &&
    a.model === b.model &&
    a.gpc === b.gpc &&
    a.source === b.source &&
    sameCategories(a.categories, b.categories)
  )
}
