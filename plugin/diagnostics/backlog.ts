/** One message's JSON text and its UTF-8 size. */
export interface Serialized {
  text: string
  bytes: number
}

/** The last messages, bounded by count and bytes, for replay once a debugger announces itself. */
export class Backlog {
  private items: Serialized[] = []
  private bytes = 0
  private head = 0

  constructor(
    private readonly maxMessages: number,
    private readonly maxBytes: number,
  ) {}

  push(item: Serialized): void {
    this.items.push(item)
    this.bytes += item.bytes
    while (this.items.length - this.head > this.maxMessages || this.bytes > this.maxBytes) {
      this.bytes -= this.items[this.head].bytes
      this.head++
    }
    // Compact now and then instead of shifting on every push.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
  }

  entries(): Serialized[] {
    return this.items.slice(this.head)
  }

  get size(): number {
    return this.items.length - this.head
  }

  get totalBytes(): number {
    return this.bytes
  }
}
