import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react'
import { mergeNodes, toCanvasEdges, type CanvasNode } from './canvas-nodes'
import { CanvasToolbar } from './CanvasToolbar'
import { useEditor, useEditorServices, selectNodes, selectEdges } from './EditorContext'
import { edgeRefusal } from './graph-rules'
import { nodeFromKind } from './fragments'
import { nodeColour } from './node-look'
import { nodeTypes } from './nodes/NodeCard'
import { KIND_DRAG_TYPE } from './Palette'
import { useCanvasLook } from './useCanvasLook'
import { RefusalNotice } from './RefusalNotice'
import './editor.css'

/** The open flow as a graph: drag from the palette, connect handles, select, move, delete. */
export function Canvas({ flowId }: { flowId: string }) {
  const { store, kinds } = useEditorServices()
  const nodes = useEditor(selectNodes)
  const edges = useEditor(selectEdges)
  const selectedNodes = useEditor((state) => state.selectedNodes)
  const selectedEdges = useEditor((state) => state.selectedEdges)
  const { look, running } = useCanvasLook(flowId, nodes)
  const { screenToFlowPosition, fitView } = useReactFlow()
  const [canvasNodes, setCanvasNodes] = useState<CanvasNode[]>([])
  const [drawHint, setDrawHint] = useState<string | null>(null)

  const selectedNodeSet = useMemo(() => new Set(selectedNodes), [selectedNodes])
  // React Flow owns sizes and in-progress drags; the document's changes are merged in.
  useEffect(() => setCanvasNodes((previous) => mergeNodes(previous, nodes, selectedNodeSet, look)), [nodes, selectedNodeSet, look])
  const canvasEdges = useMemo(() => toCanvasEdges(edges, new Set(selectedEdges), running), [edges, selectedEdges, running])

  // Fit the view once per opened flow, after its nodes have been measured.
  const fittedFor = useRef<string | null>(null)
  useEffect(() => {
    if (fittedFor.current === flowId || canvasNodes.length === 0 || !canvasNodes.every((node) => node.measured)) return
    fittedFor.current = flowId
    void fitView({ padding: 0.15, maxZoom: 1.1, minZoom: 0.25 })
  }, [flowId, canvasNodes, fitView])

  // After an auto-layout, show the whole flow once the moved nodes have rendered.
  // `data-fitted` says which request the view has come to rest for (tests wait on it).
  const fitRequests = useEditor((state) => state.fitRequests)
  const [fitted, setFitted] = useState(0)
  useEffect(() => {
    if (fitRequests === 0) return
    const frame = requestAnimationFrame(() => void fitView({ padding: 0.15, maxZoom: 1.1, minZoom: 0.25, duration: 150 }).then(() => setFitted(fitRequests)))
    return () => cancelAnimationFrame(frame)
  }, [fitRequests, fitView])

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      // Deletions arrive once, together, through onDelete: one undo step.
      setCanvasNodes((current) => applyNodeChanges(changes.filter((change) => change.type !== 'remove'), current))
      const selections = changes.flatMap((change) => (change.type === 'select' ? [change] : []))
      if (selections.length > 0) {
        const next = new Set(store.getState().selectedNodes)
        for (const change of selections) change.selected ? next.add(change.id) : next.delete(change.id)
        store.getState().select([...next], store.getState().selectedEdges)
      }
    },
    [store],
  )

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selections = changes.flatMap((change) => (change.type === 'select' ? [change] : []))
      if (selections.length > 0) {
        const next = new Set(store.getState().selectedEdges)
        for (const change of selections) change.selected ? next.add(change.id) : next.delete(change.id)
        store.getState().select(store.getState().selectedNodes, [...next])
      }
    },
    [store],
  )

  const refusalFor = useCallback(
    (source: string | null, target: string | null) => {
      const doc = store.getState().doc
      return doc && source && target ? edgeRefusal(doc.nodes, doc.edges, source, target) : null
    },
    [store],
  )

  const isValidConnection = useCallback(
    (connection: Connection | { source: string; target: string }) => {
      const refusal = refusalFor(connection.source, connection.target)
      setDrawHint(refusal)
      return refusal === null
    },
    [refusalFor],
  )

  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      setDrawHint(null)
      if (!state.isValid && state.fromNode && state.toNode) {
        const [source, target] = state.fromHandle?.type === 'target' ? [state.toNode.id, state.fromNode.id] : [state.fromNode.id, state.toNode.id]
        const refusal = refusalFor(source, target)
        if (refusal) store.setState({ refusal })
      }
    },
    [refusalFor, store],
  )

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kindName = event.dataTransfer.getData(KIND_DRAG_TYPE)
      const kind = kinds.find((candidate) => candidate.kind === kindName)
      const doc = store.getState().doc
      if (!kind || !doc) return
      event.preventDefault()
      // The first node of an empty flow stays under the pointer: the once-per-flow fit would pull it to the middle.
      if (doc.nodes.length === 0) fittedFor.current = flowId
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY })
      store.getState().add({ nodes: [nodeFromKind(kind, { x: Math.round(at.x - 110), y: Math.round(at.y - 30) }, doc.nodes)], edges: [] })
    },
    [kinds, screenToFlowPosition, store, flowId],
  )

  return (
    <div className="canvas" data-testid="canvas" data-fitted={fitted} onDragOver={(event) => event.dataTransfer.types.includes(KIND_DRAG_TYPE) && event.preventDefault()} onDrop={onDrop}>
      <ReactFlow<CanvasNode>
        nodes={canvasNodes}
        edges={canvasEdges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onDelete={({ nodes: gone, edges: cut }) => store.getState().remove(gone.map((node) => node.id), cut.map((edge) => edge.id))}
        onNodeDragStop={(_event, _node, dragged) => store.getState().move(new Map(dragged.map((node) => [node.id, node.position])))}
        onConnect={(connection) => store.getState().connect(connection.source, connection.target)}
        isValidConnection={isValidConnection}
        onConnectEnd={onConnectEnd}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        minZoom={0.2}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        colorMode="system"
      >
        <Background gap={20} />
        <MiniMap pannable zoomable style={{ width: 150, height: 96 }} nodeColor={(node) => nodeColour((node as CanvasNode).data.node.node_type)} ariaLabel="Minimap of the flow" />
        <Controls showInteractive={false} />
        <CanvasToolbar />
      </ReactFlow>
      <RefusalNotice hint={drawHint} />
    </div>
  )
}
