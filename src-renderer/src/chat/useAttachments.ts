import { useState } from 'react'
import { imageRefusal, type PastedImage } from './attachments'

export interface Attachments {
  images: PastedImage[]
  /** Why the last image offered was not attached. */
  refusal: string | null
  /** Attaches the images among the files; true when there was any image to take. */
  add(files: readonly File[]): boolean
  remove(id: number): void
  clear(): void
}

/** Images waiting to go with the next message. */
export function useAttachments(): Attachments {
  const [images, setImages] = useState<PastedImage[]>([])
  const [refusal, setRefusal] = useState<string | null>(null)

  const add = (files: readonly File[]): boolean => {
    const offered = files.filter((file) => file.type.startsWith('image/'))
    if (offered.length === 0) return false
    setRefusal(null)
    let count = images.length
    for (const file of offered) {
      const refused = imageRefusal(file.type, file.size, count)
      if (refused !== null) {
        setRefusal(refused)
        continue
      }
      count++
      readImage(file).then(
        (image) => setImages((current) => [...current, image]),
        (error: unknown) => setRefusal(`The image could not be read: ${error instanceof Error ? error.message : String(error)}`),
      )
    }
    return true
  }

  return {
    images,
    refusal,
    add,
    remove: (id) => setImages((current) => current.filter((image) => image.id !== id)),
    clear: () => {
      setImages([])
      setRefusal(null)
    },
  }
}

let lastId = 0

/** Reads an image file into what the message carries. */
export function readImage(file: File): Promise<PastedImage> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('the image could not be read'))
    reader.onload = () => {
      const preview = String(reader.result)
      resolve({ id: ++lastId, name: file.name || 'pasted image', mediaType: file.type, data: preview.slice(preview.indexOf(',') + 1), preview })
    }
    reader.readAsDataURL(file)
  })
}
