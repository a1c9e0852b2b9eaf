// The console: what happened in this window — failed requests, run outcomes,
// save trouble — with levels, kept to the newest few hundred lines.
import { create } from 'zustand'

export type ConsoleLevel = 'info' | 'warn' | 'error'

export interface ConsoleEntry {
  id: number
  at: string
  level: ConsoleLevel
  source: string
  message: string
}

const LIMIT = 500
let nextId = 1

interface ConsoleState {
  entries: ConsoleEntry[]
  /** Errors since the Console tab was last looked at. */
  unseenErrors: number
  log(level: ConsoleLevel, source: string, message: string): void
  markSeen(): void
  clear(): void
}

export const useConsole = create<ConsoleState>()((set) => ({
  entries: [],
  unseenErrors: 0,
  log: (level, source, message) =>
    set((state) => ({
      entries: [...state.entries, { id: nextId++, at: new Date().toISOString(), level, source, message }].slice(-LIMIT),
      unseenErrors: state.unseenErrors + (level === 'error' ? 1 : 0),
    })),
  markSeen: () => set({ unseenErrors: 0 }),
  clear: () => set({ entries: [], unseenErrors: 0 }),
}))

export const logToConsole = (level: ConsoleLevel, source: string, message: string): void => useConsole.getState().log(level, source, message)
