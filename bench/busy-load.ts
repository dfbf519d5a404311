/**
 * Load on the machine, added by the bench itself so a "busy machine" figure
 * is reproducible: worker threads that spin until stopped, each keeping one
 * core busy (the machine running DevTools is never idle).
 */
import { Worker } from 'node:worker_threads'

export interface BusyLoad {
  stop(): Promise<void>
}

export function startBusyLoad(threads = 2): BusyLoad {
  const workers = Array.from({ length: threads }, () => new Worker('for (;;) {}', { eval: true }))
  return {
    async stop() {
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
