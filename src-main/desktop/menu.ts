// The application menu: Electron's standard roles, so copy/paste, zoom,
// reload, devtools and window commands work with the usual shortcuts.
import type { MenuItemConstructorOptions } from 'electron'

export function menuTemplate(platform: NodeJS.Platform, appName: string): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]
  // macOS expects the app's own menu first (About, Hide, Quit).
  if (platform === 'darwin') template.unshift({ label: appName, role: 'appMenu' })
  return template
}
