// The user's preferences, kept in localStorage: the theme (applied by setting
// data-theme on <html>, which ui/theme.css keys its colour sets on) and
// whether finished runs raise desktop notifications.
import { create } from 'zustand'
import { persist } from 'zustand/middleware'

export type ThemePreference = 'system' | 'light' | 'dark'

export interface SettingsState {
  theme: ThemePreference
  notifications: boolean
  setTheme(theme: ThemePreference): void
  setNotifications(on: boolean): void
}

/** Sets data-theme on <html>; without it, ui/theme.css follows prefers-color-scheme. */
function setDocumentTheme(theme: ThemePreference): void {
  if (typeof document === 'undefined') return
  const root = document.documentElement
  if (theme === 'system') delete root.dataset.theme
  else root.dataset.theme = theme
}

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      theme: 'system',
      notifications: true,
      setTheme(theme) {
        set({ theme })
        setDocumentTheme(theme)
      },
      setNotifications(notifications) {
        set({ notifications })
      },
    }),
    {
      name: 'shoggoth.settings',
      version: 1,
      partialize: ({ theme, notifications }) => ({ theme, notifications }),
      // A stored theme takes effect as soon as it is read back.
      onRehydrateStorage: () => (state) => {
        if (state) setDocumentTheme(state.theme)
      },
    },
  ),
)

/** Applies the stored theme now (call once at startup, before the first paint if you can). */
export function applyTheme(): void {
  setDocumentTheme(useSettings.getState().theme)
}
