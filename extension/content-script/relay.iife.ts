/**
 * ISOLATED-world content script at document_start, top frame only. Built as a
 * standalone IIFE (no web-accessible chunks): relays checked diagnostics to
 * the service worker.
 */
import browser from 'webextension-polyfill'
import { startRelay } from './relay'
import { createForwarder } from './relay-forwarder'
import { randomId } from './random-id'

const forwarder = createForwarder((batch) => browser.runtime.sendMessage(batch), randomId())
startRelay(window, (checked) => forwarder.push(checked))
