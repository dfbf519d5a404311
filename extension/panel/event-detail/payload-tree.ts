/**
 * A collapsible tree of a JSON payload, built from <details> elements and
 * text nodes only. Large objects show their first children and a count.
 */
import type { Json } from '../../../shared/protocol/protocol'
import { h } from '../ui/dom'

const MAX_CHILDREN = 200

function leaf(value: Json): HTMLElement {
  const kind = value === null ? 'null' : typeof value
  return h('span', { class: `json json-${kind}` }, JSON.stringify(value))
}

export function payloadTree(value: Json, label = 'payload', depth = 0): HTMLElement {
  if (value === null || typeof value !== 'object') {
    return h('div', { class: 'tree-leaf', role: 'treeitem' }, h('span', { class: 'tree-key' }, `${label}: `), leaf(value))
  }
  const entries: Array<[string, Json]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value)
  const summary = h('summary', {}, h('span', { class: 'tree-key' }, label), h('span', { class: 'tree-meta' }, Array.isArray(value) ? ` [${entries.length}]` : ` {${entries.length}}`))
  const children = h('div', { class: 'tree-children', role: 'group' })
  for (const [key, child] of entries.slice(0, MAX_CHILDREN)) children.append(payloadTree(child, key, depth + 1))
  if (entries.length > MAX_CHILDREN) children.append(h('div', { class: 'tree-more' }, `… ${entries.length - MAX_CHILDREN} more`))
  return h('details', { class: 'tree-node', role: 'treeitem', open: depth < 2 }, summary, children)
}
