/**
 * What listeners threw while `dispatch` ran, however the DOM reports it. A
 * browser never throws a listener's error back to `dispatchEvent`: it reports
 * it as an `error` event on the window (and in the console). happy-dom either
 * rethrows or does the same, depending on its settings. So a bare
 * `expect(() => dispatchEvent(...)).not.toThrow()` can pass while a listener
 * threw; this looks at both channels.
 */
export function listenerErrors(dispatch: () => void): unknown[] {
  const errors: unknown[] = []
  const onError = (e: ErrorEvent) => {
    errors.push(e.error ?? e.message)
    // Reported here; keep it from also failing the test run as an uncaught error.
    e.preventDefault()
  }
  window.addEventListener('error', onError)
  try {
    dispatch()
  } catch (error) {
    errors.push(error)
  } finally {
    window.removeEventListener('error', onError)
  }
  return errors
}
