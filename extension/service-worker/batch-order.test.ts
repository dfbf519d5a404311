import { describe, expect, it } from 'vitest'
import { admitBatch } from './batch-order'

// The property over a real relay and random worker failures is in relay-forwarder.test.ts.
describe(admitBatch, () => {
  it('admits a page’s batches in order, a retry of an earlier one, and refuses one that overtook', () => {
    const meta = { pageId: 'p', relayBatch: 0 }
    expect(admitBatch(meta, 'p', { batch: 0, floor: 0 })).toBe(true)
    expect(admitBatch(meta, 'p', { batch: 2, floor: 1 })).toBe(false)
    expect(meta.relayBatch).toBe(1)
    expect(admitBatch(meta, 'p', { batch: 1, floor: 1 })).toBe(true)
    expect(admitBatch(meta, 'p', { batch: 0, floor: 0 })).toBe(true)
    expect(admitBatch(meta, 'p', { batch: 2, floor: 2 })).toBe(true)
    expect(meta.relayBatch).toBe(3)
  })

  it('skips a batch the relay gave up (its floor moved past it), and starts over for a new page', () => {
    const meta = { pageId: 'p', relayBatch: 4 }
    expect(admitBatch(meta, 'p', { batch: 6, floor: 6 })).toBe(true)
    expect(meta.relayBatch).toBe(7)
    // Another document in the tab: its own numbering, from its floor.
    expect(admitBatch({ pageId: 'p', relayBatch: 9 }, 'q', { batch: 0, floor: 0 })).toBe(true)
    expect(admitBatch({ pageId: 'p', relayBatch: 9 }, 'q', { batch: 1, floor: 0 })).toBe(false)
    // Bookkeeping stored before batches were numbered.
    expect(admitBatch({ pageId: 'p' }, 'p', { batch: 0, floor: 0 })).toBe(true)
  })
})
