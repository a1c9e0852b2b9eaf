import { useEffect } from 'react'
import type { SaveQueue } from './save-queue'

/** Whatever is waiting is saved when the window loses focus, is hidden or closes. */
export function useSaveOnLeave(saves: SaveQueue): void {
  useEffect(() => {
    const flush = () => void saves.flush()
    const onHidden = () => document.visibilityState === 'hidden' && void saves.flush({ keepalive: true })
    const onLeave = () => void saves.flush({ keepalive: true })
    window.addEventListener('blur', flush)
    document.addEventListener('visibilitychange', onHidden)
    window.addEventListener('pagehide', onLeave)
    window.addEventListener('beforeunload', onLeave)
    return () => {
      window.removeEventListener('blur', flush)
      document.removeEventListener('visibilitychange', onHidden)
      window.removeEventListener('pagehide', onLeave)
      window.removeEventListener('beforeunload', onLeave)
    }
  }, [saves])
}
