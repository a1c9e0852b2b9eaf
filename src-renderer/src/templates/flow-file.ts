// Flows as files: export to JSON or YAML, import either back — including the
// original server's flow JSON as it is (ids and timestamps are dropped, extra
// React Flow keys on nodes ignored). Pure, so it is unit-tested.
import { parse as parseYaml, stringify as toYaml } from 'yaml'
import type { FlowEdge, FlowNode, NewFlow, NodeType, Position } from '../../../src-main/contract/api'
import { freshId } from './ids'
import { TEMPLATE_SPACING } from './templates'

export type FlowFileFormat = 'json' | 'yaml'

/** What a flow file holds: the flow without its server-side identity. */
export interface FlowFile {
  name: string
  description: string
  enabled: boolean
  nodes: FlowNode[]
  edges: FlowEdge[]
}

/** Marks our own files; a file without it is still read. */
export const FORMAT_MARKER = 'shoggoth_flow'
export const FORMAT_VERSION = 1

export class FlowFileError extends Error {
  override name = 'FlowFileError'
}

const NODE_TYPES: readonly NodeType[] = ['trigger', 'source', 'filter', 'executor', 'sink']

type Source = Pick<FlowFile, 'name' | 'description' | 'enabled' | 'nodes' | 'edges'>

/** Only the wire fields, in a stable order, whatever else the objects carry. */
function cleanNode(node: FlowNode): FlowNode {
  return { id: node.id, node_type: node.node_type, kind: node.kind, label: node.label, config: node.config, position: { x: node.position.x, y: node.position.y } }
}

export function exportFlow(flow: Source, format: FlowFileFormat): string {
  const document = {
    [FORMAT_MARKER]: FORMAT_VERSION,
    name: flow.name,
    description: flow.description,
    enabled: flow.enabled,
    nodes: flow.nodes.map(cleanNode),
    edges: flow.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target })),
  }
  return format === 'json' ? `${JSON.stringify(document, null, 2)}\n` : toYaml(document)
}

/** A safe file name from the flow's name: "News digest!" → news-digest.yaml */
export function flowFileName(flowName: string, format: FlowFileFormat): string {
  const slug = flowName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60)
  return `${slug || 'flow'}.${format === 'json' ? 'json' : 'yaml'}`
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function parseText(text: string): unknown {
  const trimmed = text.trim()
  if (trimmed === '') throw new FlowFileError('The file is empty.')
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown
    } catch (error) {
      throw new FlowFileError(`The file is not valid JSON: ${(error as Error).message}`)
    }
  }
  try {
    return parseYaml(trimmed) as unknown
  } catch (error) {
    throw new FlowFileError(`The file is neither JSON nor valid YAML: ${(error as Error).message.split('\n')[0]}`)
  }
}

function readPosition(value: unknown, where: string, index: number): Position {
  if (value === undefined) return { x: 80 + index * TEMPLATE_SPACING, y: 160 }
  if (!isRecord(value) || typeof value.x !== 'number' || typeof value.y !== 'number' || !Number.isFinite(value.x) || !Number.isFinite(value.y)) {
    throw new FlowFileError(`${where} has a position that is not {x: number, y: number}.`)
  }
  return { x: value.x, y: value.y }
}

function readNode(value: unknown, index: number): FlowNode {
  const where = `Node ${index + 1}`
  if (!isRecord(value)) throw new FlowFileError(`${where} is not an object.`)
  const named = typeof value.label === 'string' && value.label !== '' ? `${where} ("${value.label}")` : where
  if (typeof value.id !== 'string' || value.id.trim() === '') throw new FlowFileError(`${named} has no id.`)
  if (value.node_type === undefined) throw new FlowFileError(`${named} has no node_type.`)
  if (typeof value.node_type !== 'string' || !NODE_TYPES.includes(value.node_type as NodeType)) {
    throw new FlowFileError(`${named} has node_type ${JSON.stringify(value.node_type)}; it must be one of ${NODE_TYPES.join(', ')}.`)
  }
  if (typeof value.kind !== 'string' || value.kind.trim() === '') throw new FlowFileError(`${named} has no kind.`)
  if (value.label !== undefined && typeof value.label !== 'string') throw new FlowFileError(`${named} has a label that is not text.`)
  return {
    id: value.id,
    node_type: value.node_type as NodeType,
    kind: value.kind,
    label: typeof value.label === 'string' ? value.label : value.kind,
    config: value.config ?? {},
    position: readPosition(value.position, named, index),
  }
}

function readEdge(value: unknown, index: number, nodeIds: ReadonlySet<string>): FlowEdge {
  const where = `Edge ${index + 1}`
  if (!isRecord(value)) throw new FlowFileError(`${where} is not an object.`)
  for (const end of ['source', 'target'] as const) {
    const id = value[end]
    if (typeof id !== 'string' || id === '') throw new FlowFileError(`${where} has no ${end}.`)
    if (!nodeIds.has(id)) throw new FlowFileError(`${where} has ${end} "${id}", which is not a node in the file.`)
  }
  return { id: typeof value.id === 'string' && value.id !== '' ? value.id : `edge-${index + 1}`, source: value.source as string, target: value.target as string }
}

function readList(document: Record<string, unknown>, key: 'nodes' | 'edges'): unknown[] {
  const value = document[key]
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new FlowFileError(`"${key}" must be a list.`)
  return value
}

/** Gives every node and edge a new id (so one file can be imported twice), keeping the wiring. */
export function withFreshIds(file: FlowFile, makeId: (prefix: string) => string = freshId): FlowFile {
  const ids = new Map(file.nodes.map((node) => [node.id, makeId(node.kind)]))
  return {
    ...file,
    nodes: file.nodes.map((node) => ({ ...node, id: ids.get(node.id)! })),
    edges: file.edges.map((edge) => ({ id: makeId('edge'), source: ids.get(edge.source)!, target: ids.get(edge.target)! })),
  }
}

/** Reads a JSON or YAML flow file; throws FlowFileError with a message fit for the user. */
export function parseFlowFile(text: string, options: { freshIds?: boolean } = {}): FlowFile {
  const document = parseText(text)
  if (!isRecord(document)) throw new FlowFileError('The file does not hold a flow (expected an object with name, nodes and edges).')
  const marker = document[FORMAT_MARKER]
  if (typeof marker === 'number' && marker > FORMAT_VERSION) throw new FlowFileError(`The file was written by a newer Shoggoth (format ${marker}); this one reads format ${FORMAT_VERSION}.`)
  if (typeof document.name !== 'string' || document.name.trim() === '') throw new FlowFileError('The flow has no name.')
  if (document.description !== undefined && typeof document.description !== 'string') throw new FlowFileError('"description" must be text.')
  if (document.enabled !== undefined && typeof document.enabled !== 'boolean') throw new FlowFileError('"enabled" must be true or false.')
  const nodes = readList(document, 'nodes').map(readNode)
  const nodeIds = new Set<string>()
  for (const [index, node] of nodes.entries()) {
    if (nodeIds.has(node.id)) throw new FlowFileError(`Node ${index + 1} has the id "${node.id}", which an earlier node already has.`)
    nodeIds.add(node.id)
  }
  const edges = readList(document, 'edges').map((edge, index) => readEdge(edge, index, nodeIds))
  const file: FlowFile = { name: document.name, description: typeof document.description === 'string' ? document.description : '', enabled: document.enabled !== false, nodes, edges }
  return options.freshIds ? withFreshIds(file) : file
}

/** The create request for an imported file (`enabled` is set with a later update). */
export function fileToNewFlow(file: FlowFile): NewFlow {
  return { name: file.name, description: file.description, nodes: file.nodes, edges: file.edges }
}
