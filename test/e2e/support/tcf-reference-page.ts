/**
 * Entry of the TCF reference bundle (see real-iab-cmps.ts): the IAB's own
 * CMP API and TC string encoder, as a page global for plain-HTML test pages.
 */
import { CmpApi } from '@iabtechlabtcf/cmpapi'
import { GVL, TCModel, TCString } from '@iabtechlabtcf/core'

;(window as unknown as Record<string, unknown>).TcfReference = { CmpApi, GVL, TCModel, TCString }
