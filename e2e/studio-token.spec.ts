// The token notice is not a dead end: pasting the printed URL (a new #token=…)
// into the same tab signs in without a reload.
import { expect, test } from './fixtures'

test('a refused token, then the right one pasted into the address bar, opens the studio', async ({ page, server, api }) => {
  await api.createFlow('Waiting behind the token')
  await page.goto(`${server.baseUrl}/app/#token=not-the-real-token`)
  await expect(page.getByTestId('auth-notice').getByRole('heading', { name: 'API token rejected' })).toBeVisible()

  await page.evaluate((token) => {
    window.location.hash = `token=${token}`
  }, server.token)
  await expect(page.getByTestId('flow-name')).toHaveValue('Waiting behind the token')
  await expect(page.getByTestId('auth-notice')).toHaveCount(0)
  // The token left the address bar again.
  await expect(page).toHaveURL(`${server.baseUrl}/app/`)
})
