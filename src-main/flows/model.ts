// Flow, node and edge schemas: what a request may send (§3, §4.3) and what a
// stored file holds (§12.1). Unknown properties are accepted and dropped.
import { z } from 'zod'
import type { Flow, FlowEdge, FlowNode } from '../contract/api'
import { anyJson, optional } from '../schema'

export const NODE_TYPES = ['trigger', 'source', 'filter', 'executor', 'sink'] as const

const position = z.object({ x: z.number(), y: z.number() })

export const nodeSchema = z
  .object({
    id: z.string(),
    node_type: z.enum(NODE_TYPES),
    kind: z.string(),
    config: anyJson,
    position,
    label: z.string(),
  })
  // Fixed key order, so stored files read like the original's.
  .transform(({ id, node_type, kind, config, position: { x, y }, label }): FlowNode => ({
    id,
    node_type,
    kind,
    config,
    position: { x, y },
    label,
  }))

export const edgeSchema = z
  .object({ id: z.string(), source: z.string(), target: z.string() })
  .transform(({ id, source, target }): FlowEdge => ({ id, source, target }))

export const newFlowSchema = z.object({
  name: z.string(),
  description: optional(z.string()),
  nodes: optional(z.array(nodeSchema)),
  edges: optional(z.array(edgeSchema)),
})

export const flowChangesSchema = z.object({
  name: optional(z.string()),
  description: optional(z.string()),
  enabled: optional(z.boolean()),
  nodes: optional(z.array(nodeSchema)),
  edges: optional(z.array(edgeSchema)),
})

export const storedFlowSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: optional(z.string()),
    enabled: optional(z.boolean()),
    nodes: z.array(nodeSchema),
    edges: z.array(edgeSchema),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .transform((flow): Flow => ({
    id: flow.id,
    name: flow.name,
    description: flow.description ?? '',
    enabled: flow.enabled ?? true,
    nodes: flow.nodes,
    edges: flow.edges,
    created_at: flow.created_at,
    updated_at: flow.updated_at,
  }))
