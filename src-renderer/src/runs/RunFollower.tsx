import { useRunStream } from './useRunStream'

/** Follows the open flow's runs whatever is on screen, so the canvas lights up live. */
export function RunFollower({ flowId }: { flowId: string }) {
  useRunStream(flowId)
  return null
}
