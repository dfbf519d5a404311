import { describe, expect, it } from 'vitest'
import { createMessage } from '../../shared/protocol/protocol'
import { MemoryStorage } from './buffer-storage'
import { handleRuntimeMessage, type SenderLike } from './runtime-messages'
import { TabBuffers } from './tab-buffers'

const ID = 'abcdefghijklmnopabcdefghijklmnop'
const batch = { type: 'relay-batch', pageId: 'page-1', batch: 0, floor: 0, messages: JSON.stringify(createMessage('s', 0, 'probe', {})) }
const contentScript: SenderLike = { id: ID, tab: { id: 3 }, frameId: 0, url: 'http://127.0.0.1/shop' }
const panelTab: SenderLike = { id: ID, tab: { id: 9 }, url: `chrome-extension://${ID}/panel/panel.html` }

describe(handleRuntimeMessage, () => {
  it('stores a batch from a tab’s top frame, under the URL the browser reports', async () => {
    const buffers = new TabBuffers(new MemoryStorage())
    expect(await handleRuntimeMessage(batch, contentScript, buffers, ID)).toEqual({ added: 2 })
    expect(await buffers.list()).toMatchObject([{ tabId: 3, url: 'http://127.0.0.1/shop', count: 1 }])
  })

  it('ignores batches from frames, from outside a tab, or from another extension', () => {
    const buffers = new TabBuffers(new MemoryStorage())
    expect(handleRuntimeMessage(batch, { ...contentScript, frameId: 2 }, buffers, ID)).toBeUndefined()
    expect(handleRuntimeMessage(batch, { ...contentScript, tab: undefined }, buffers, ID)).toBeUndefined()
    expect(handleRuntimeMessage(batch, { ...contentScript, id: 'other' }, buffers, ID)).toBeUndefined()
    expect(handleRuntimeMessage({ ...batch, type: 'relay' }, contentScript, buffers, ID)).toBeUndefined()
    // A batch without its place in the page's order (or a floor past itself) is not a relay batch.
    expect(handleRuntimeMessage({ ...batch, batch: undefined }, contentScript, buffers, ID)).toBeUndefined()
    expect(handleRuntimeMessage({ ...batch, floor: 1 }, contentScript, buffers, ID)).toBeUndefined()
  })

  it('refuses a batch that overtook an earlier one of its page, and stores it once the earlier one is in', async () => {
    const buffers = new TabBuffers(new MemoryStorage())
    const text = (seq: number) => JSON.stringify(createMessage('s', seq, 'hold', { action: 'held', held: seq }))
    const nth = (n: number, floor: number) => ({ ...batch, batch: n, floor, messages: text(n) })
    await handleRuntimeMessage(nth(0, 0), contentScript, buffers, ID)
    await expect(handleRuntimeMessage(nth(2, 1), contentScript, buffers, ID)).rejects.toThrow(/refused/)
    expect(await handleRuntimeMessage(nth(1, 1), contentScript, buffers, ID)).toEqual({ added: 1 })
    expect(await handleRuntimeMessage(nth(2, 2), contentScript, buffers, ID)).toEqual({ added: 1 })
    const { entries } = await buffers.read(3)
    expect(entries.flatMap((e) => (e.type === 'message' ? [e.message.seq] : []))).toEqual([0, 1, 2])
  })

  it('answers the tab list to extension pages only, not to content scripts', async () => {
    const buffers = new TabBuffers(new MemoryStorage())
    await handleRuntimeMessage(batch, contentScript, buffers, ID)
    expect(await handleRuntimeMessage({ type: 'list-tabs' }, panelTab, buffers, ID)).toHaveLength(1)
    expect(await handleRuntimeMessage({ type: 'list-tabs' }, { id: ID, url: `chrome-extension://${ID}/panel/panel.html` }, buffers, ID)).toHaveLength(1)
    expect(handleRuntimeMessage({ type: 'list-tabs' }, contentScript, buffers, ID)).toBeUndefined()
  })

  it('knows the extension’s pages by the base URL it is given (Firefox: moz-extension://<uuid>/, not the add-on id)', async () => {
    const buffers = new TabBuffers(new MemoryStorage())
    const geckoId = 'debugger@example.org'
    const base = 'moz-extension://6a8c2f1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b/'
    const firefoxPanelTab: SenderLike = { id: geckoId, tab: { id: 9 }, url: `${base}panel/panel.html` }
    expect(await handleRuntimeMessage({ type: 'list-tabs' }, firefoxPanelTab, buffers, geckoId, base)).toEqual([])
    expect(handleRuntimeMessage({ type: 'list-tabs' }, { ...firefoxPanelTab, url: 'http://127.0.0.1/panel/panel.html' }, buffers, geckoId, base)).toBeUndefined()
  })
})
