/** A tiny typed listener set: what every store uses to announce changes. */
export class Listeners<Args extends unknown[] = []> {
  private readonly fns = new Set<(...args: Args) => void>()

  add(fn: (...args: Args) => void): () => void {
    this.fns.add(fn)
    return () => this.fns.delete(fn)
  }

  emit(...args: Args): void {
    for (const fn of [...this.fns]) fn(...args)
  }
}
