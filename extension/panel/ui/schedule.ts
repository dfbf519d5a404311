/**
 * Coalesces many store changes into one render per frame, so a flood of
 * appends costs one render, not one per message. A timer backs up the frame
 * callback: a panel opened in a background tab gets no animation frames.
 */
export function frameScheduler(render: () => void): () => void {
  let pending = false
  const run = () => {
    if (!pending) return
    pending = false
    render()
  }
  return () => {
    if (pending) return
    pending = true
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run)
    setTimeout(run, 100)
  }
}
