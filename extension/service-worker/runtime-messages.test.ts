import { describe, expect, it } from 'vitest'
import { createMessage } from '../../shared/protocol/protocol'
import { MemoryStorage } from './buffer-storage'
import { handleRuntimeMessage, type SenderLike } from './runtime-messages'
import { TabBuffers } from './tab-buffers'

const ID = 'abcdefghijklmnopabcdefghijklmnop'
const batch = { type: 'relay-batch', pageId: 'page-1', messages: [createMessage('s', 0, 'probe', {})] }
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
  })

  it('answers the tab list to extension pages only, not to content scripts', async () => {
    const buffers = new TabBuffers(new MemoryStorage())
    await handleRuntimeMessage(batch, contentScript, buffers, ID)
    expect(await handleRuntimeMessage({ type: 'list-tabs' }, panelTab, buffers, ID)).toHaveLength(1)
    expect(await handleRuntimeMessage({ type: 'list-tabs' }, { id: ID, url: `chrome-extension://${ID}/panel/panel.html` }, buffers, ID)).toHaveLength(1)
    expect(handleRuntimeMessage({ type: 'list-tabs' }, contentScript, buffers, ID)).toBeUndefined()
  })
})
