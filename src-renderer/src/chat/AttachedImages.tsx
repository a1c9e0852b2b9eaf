import { X } from 'lucide-react'
import type { PastedImage } from './attachments'

/** Thumbnails of the images that go with the next message, each with a remove button. */
export function AttachedImages({ images, onRemove }: { images: readonly PastedImage[]; onRemove: (id: number) => void }) {
  if (images.length === 0) return null
  return (
    <ul className="attachments" aria-label="Images to send" data-testid="chat-attachments">
      {images.map((image) => (
        <li key={image.id} className="attachments__item">
          <img src={image.preview} alt={image.name} className="attachments__thumb" />
          <button type="button" className="icon-button attachments__remove" aria-label={`Remove ${image.name}`} title="Remove" onClick={() => onRemove(image.id)}>
            <X size={12} aria-hidden="true" />
          </button>
        </li>
      ))}
    </ul>
  )
}
