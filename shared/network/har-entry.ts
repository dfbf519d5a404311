/** The slice of a HAR 1.2 entry (chrome.devtools.network) the network check reads. */
export interface HarEntryLike {
  startedDateTime: string
  request: {
    method: string
    url: string
    postData?: { mimeType?: string; text?: string }
  }
  response?: { status?: number }
}
