import { useState } from 'react'
import { askNotificationPermission, notificationPermission, type NotificationPermissionState } from './notification-permission'
import { useSettings, type ThemePreference } from './store'
import './settings.css'

const THEMES: { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

/** Theme and desktop notifications, stored in this browser profile. */
export function PreferencesSection() {
  const theme = useSettings((state) => state.theme)
  const setTheme = useSettings((state) => state.setTheme)
  const notifications = useSettings((state) => state.notifications)
  const setNotifications = useSettings((state) => state.setNotifications)
  const [permission, setPermission] = useState<NotificationPermissionState>(notificationPermission)

  const toggleNotifications = async (on: boolean): Promise<void> => {
    setNotifications(on)
    if (on) setPermission(await askNotificationPermission())
  }

  return (
    <section className="settings-section" aria-labelledby="settings-prefs">
      <h2 id="settings-prefs" className="settings-section__title">
        Preferences
      </h2>
      <fieldset className="settings-choices">
        <legend className="field__label">Theme</legend>
        {THEMES.map(({ value, label }) => (
          <label key={value} className="settings-choice">
            <input type="radio" name="theme" value={value} checked={theme === value} onChange={() => setTheme(value)} data-testid={`theme-${value}`} />
            {label}
          </label>
        ))}
      </fieldset>
      <label className="settings-choice settings-choice--check">
        <input type="checkbox" checked={notifications} onChange={(event) => void toggleNotifications(event.target.checked)} data-testid="settings-notifications" />
        <span>
          Desktop notifications
          <span className="settings-hint settings-hint--block">When a run finishes or fails while the window is in the background.</span>
        </span>
      </label>
      {notifications && permission === 'denied' && (
        <p className="settings-status settings-status--bad" role="status">
          Notifications are blocked for this app. Allow them in your system or browser settings to see them.
        </p>
      )}
    </section>
  )
}
