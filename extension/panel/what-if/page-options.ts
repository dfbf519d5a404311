/**
 * The routing options a page's plugin reported in `hello` (its options
 * summary), read defensively: it is page data, so anything unexpected falls
 * back to the plugin's default and says so.
 */
import type { DiagnosticOf, Json } from '../../../shared/protocol/protocol'
import type { ConsentModel } from '../../../shared/routing/types'

export interface PageOptions {
  /** The `consentModel` option; undefined: the CMP's model decides. */
  consentModel?: ConsentModel
  categoryRule: 'all' | 'any'
  unmappedDestinations: 'allow' | 'block'
  gpc: { deny: string[] } | false
  integrationCategoryMappings: Record<string, string[]>
  notes: string[]
}

const isStrings = (v: Json | undefined): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')
const isObject = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v)

function readMappings(v: Json | undefined): Record<string, string[]> {
  if (!isObject(v)) return {}
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string[]] => isStrings(e[1])))
}

/** Options of a plugin instance, from its `hello`; without one (the panel missed it), the defaults. */
export function readPageOptions(hello: DiagnosticOf<'hello'> | undefined): PageOptions {
  const notes: string[] = []
  if (!hello) notes.push('No hello message from this plugin instance: its default options are assumed (rule "all", unmapped destinations allowed, no GPC option).')
  const o = hello?.options ?? {}
  const model = o.consentModel
  const rule = o.categoryRule
  let categoryRule: PageOptions['categoryRule'] = 'all'
  if (rule === 'any') categoryRule = 'any'
  else if (rule === 'function') {
    notes.push('categoryRule is a function on this page: the panel cannot run it, so what-if uses "all" (differences from what happened may come from that).')
  }
  const gpc = isObject(o.gpc) && isStrings(o.gpc.deny) ? { deny: [...o.gpc.deny] } : false
  return {
    ...(model === 'opt-in' || model === 'opt-out' ? { consentModel: model } : {}),
    categoryRule,
    unmappedDestinations: o.unmappedDestinations === 'block' ? 'block' : 'allow',
    gpc,
    integrationCategoryMappings: readMappings(o.integrationCategoryMappings),
    notes,
  }
}
