/**
 * Listening on 127.0.0.1 with the port fallback `npm start` promises: the
 * wanted port, else the next free one (a second `npm start`, or another dev
 * server on 4173, must not stop the demo). Port 0 lets the system choose.
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** How many ports after the wanted one are tried. */
export const PORT_ATTEMPTS = 20

function listenOnce(server: Server, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening)
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false)
      else reject(error)
    }
    const onListening = () => {
      server.off('error', onError)
      resolve(true)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, '127.0.0.1')
  })
}

/** Listens on `port` or the next free one; returns the port actually bound. */
export async function listenWithFallback(server: Server, port: number): Promise<number> {
  const last = port === 0 ? 0 : Math.min(port + PORT_ATTEMPTS, 65_535)
  for (let candidate = port; candidate <= last; candidate++) {
    if (await listenOnce(server, candidate)) return (server.address() as AddressInfo).port
  }
  throw new Error(`ports ${port}-${last} on 127.0.0.1 are all in use; choose another with --port N`)
}
