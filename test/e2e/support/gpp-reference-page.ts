/**
 * Entry of the GPP reference bundle (see real-iab-cmps.ts): the IAB's own
 * GPP CMP API, as a page global for plain-HTML test pages.
 */
import { CmpApi, CmpDisplayStatus, CmpStatus, SignalStatus } from '@iabgpp/cmpapi'

;(window as unknown as Record<string, unknown>).GppReference = { CmpApi, CmpDisplayStatus, CmpStatus, SignalStatus }
