// Compressed answers (gzip, deflate, br), decoded as fetch would, with the size
// limit applied to what they expand to: a small compressed body must not
// become gigabytes in memory.
import { promisify } from 'node:util'
import { brotliDecompress, gunzip, inflate, inflateRaw } from 'node:zlib'

type Decoder = (data: Buffer, options: { maxOutputLength: number }) => Promise<Buffer>

const decoders: Record<string, Decoder> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  br: promisify(brotliDecompress),
}
const inflateWrapped = promisify(inflate)
const inflateBare = promisify(inflateRaw)

/** `deflate` is zlib-wrapped by the standard, but some servers send it bare; both are read. */
const deflate: Decoder = (data, options) => ((data[0]! & 0x0f) === 8 ? inflateWrapped(data, options) : inflateBare(data, options))

/** The body as the server meant it; `tooLarge` is thrown when it expands past `maxBytes`. */
export async function decodeBody(body: Buffer, contentEncoding: string | string[] | undefined, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const encodings = [contentEncoding ?? []].flat().flatMap((value) => value.split(',')).map((value) => value.trim().toLowerCase()).filter((value) => value && value !== 'identity')
  let data = body
  // Applied in the order given, so they are undone last first.
  for (const encoding of encodings.reverse()) {
    const decode = encoding === 'deflate' ? deflate : decoders[encoding]
    if (!decode) throw new Error(`the answer is encoded as ${encoding}, which cannot be read`)
    try {
      data = await decode(data, { maxOutputLength: maxBytes })
    } catch (error) {
      if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge()
      throw new Error(`the ${encoding} answer could not be decompressed (${(error as Error).message})`)
    }
  }
  return data
}
