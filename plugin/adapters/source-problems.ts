/**
 * How adapters report a platform problem (garbage globals, a throwing API)
 * without throwing into the page: the plugin listens and turns each report
 * into a `consent` diagnostic carrying `error`.
 */
export type SourceProblemListener = (source: string, problem: string) => void

const listeners = new Set<SourceProblemListener>()

export function reportSourceProblem(source: string, problem: string): void {
  for (const listener of listeners) {
    try {
      listener(source, problem)
    } catch {
      // A listener's failure must never reach the consent platform's callback.
    }
  }
}

export function onSourceProblem(listener: SourceProblemListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
