// Saved prompt schemas (§3.8, §11).
import { z } from 'zod'
import type { SavedPrompt } from '../contract/api'
import { optional } from '../schema'

export const newPromptSchema = z.object({
  title: z.string(),
  summary: z.string(),
  source_flow_name: optional(z.string()),
  tags: optional(z.array(z.string())),
})

// source_flow_name and created_at cannot change once saved.
export const promptChangesSchema = z.object({
  title: optional(z.string()),
  summary: optional(z.string()),
  tags: optional(z.array(z.string())),
})

export const storedPromptSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    source_flow_name: optional(z.string()),
    tags: optional(z.array(z.string())),
    created_at: z.string(),
  })
  .transform((prompt): SavedPrompt => ({
    id: prompt.id,
    title: prompt.title,
    summary: prompt.summary,
    source_flow_name: prompt.source_flow_name ?? '',
    tags: prompt.tags ?? [],
    created_at: prompt.created_at,
  }))

export const summarizeSchema = z.object({
  transcript: z.string(),
  flow_name: z.string(),
  flow_description: optional(z.string()),
})
