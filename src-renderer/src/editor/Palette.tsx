import { useStoreApi } from '@xyflow/react'
import { ChevronsLeft, Plus } from 'lucide-react'
import { useState } from 'react'
import { useStore } from 'zustand'
import type { NodeKind } from '../../../src-main/contract/api'
import { useEditorServices } from './EditorContext'
import { NODE_TYPE_NAMES, NODE_TYPE_ORDER, nodeColour, nodeIcon } from './node-look'
import { freeSpot, nodeFromKind } from './fragments'

export const KIND_DRAG_TYPE = 'application/x-shoggoth-kind'
const OPEN_KEY = 'shoggoth.paletteOpen'

/** The node kinds from the server's catalogue, grouped by type: drag onto the canvas or click to add. */
export function Palette() {
  const { kinds, store, nodeKinds } = useEditorServices()
  const unavailable = useStore(nodeKinds, (state) => state.unavailable)
  const flowStore = useStoreApi()
  const [open, setOpen] = useState(() => localStorage.getItem(OPEN_KEY) !== 'false')
  const toggle = () => {
    localStorage.setItem(OPEN_KEY, String(!open))
    setOpen(!open)
  }

  // A click drops the node near the middle of the view, clear of the others.
  const addAtCentre = (kind: NodeKind) => {
    const doc = store.getState().doc
    if (!doc) return
    // The middle of the pane, from React Flow's own size and viewport.
    const { width, height, transform } = flowStore.getState()
    const [x, y, zoom] = transform
    const centre = { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom }
    // Below whatever is already there, so a row of clicks never stacks cards on top of each other.
    const at = freeSpot(doc.nodes, { x: Math.round(centre.x - 110), y: Math.round(centre.y - 38) })
    store.getState().add({ nodes: [nodeFromKind(kind, at, doc.nodes)], edges: [] })
  }

  return (
    <nav className={`palette${open ? '' : ' palette--closed'}`} aria-label="Add nodes" data-testid="palette">
      <button type="button" className="palette__toggle" aria-expanded={open} onClick={toggle} title={open ? 'Hide the node palette' : 'Show the node palette'}>
        {open ? <ChevronsLeft size={14} aria-hidden="true" /> : <Plus size={16} aria-hidden="true" />}
        {open && <span>Add node</span>}
      </button>
      {open && (
        <div className="palette__groups">
          {kinds.length === 0 && !unavailable && <p className="palette__empty">Loading node kinds…</p>}
          {unavailable && (
            <p className="palette__empty">
              The node kinds could not be loaded.{' '}
              <button type="button" className="button button--small" onClick={() => void nodeKinds.getState().load()}>
                Retry
              </button>
            </p>
          )}
          {NODE_TYPE_ORDER.map((type) => {
            const group = kinds.filter((kind) => kind.node_type === type)
            if (group.length === 0) return null
            return (
              <section key={type} className="palette__group" aria-label={NODE_TYPE_NAMES[type]}>
                <h3 className="palette__heading" style={{ color: nodeColour(type) }}>
                  {NODE_TYPE_NAMES[type]}
                </h3>
                {group.map((kind) => {
                  const Icon = nodeIcon(kind.node_type, kind.kind)
                  return (
                    <button
                      key={kind.kind}
                      type="button"
                      className="palette__item"
                      draggable
                      data-testid={`palette-${kind.kind}`}
                      title={`Add a ${kind.label} node (or drag it onto the canvas)`}
                      onDragStart={(event) => {
                        event.dataTransfer.setData(KIND_DRAG_TYPE, kind.kind)
                        event.dataTransfer.effectAllowed = 'copy'
                      }}
                      onClick={() => addAtCentre(kind)}
                    >
                      <Icon size={14} aria-hidden="true" style={{ color: nodeColour(type) }} />
                      <span>{kind.label}</span>
                    </button>
                  )
                })}
              </section>
            )
          })}
        </div>
      )}
    </nav>
  )
}
