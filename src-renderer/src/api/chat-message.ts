/** An image that goes with a chat message (base64 without the data: prefix). */
export interface AttachedImage {
  mediaType: string
  data: string
}

/** What the message box sends: its text and any images pasted or dropped into it. */
export interface OutgoingMessage {
  text: string
  images: readonly AttachedImage[]
}
