// The chat as a transcript worth reading (issue 9): a card per tool, folded
// thinking, highlighted code, honest state while the API fails, a second
// window following a turn, slash commands and images. Against the REAL
// `claude` CLI and the Messages-API stand-in, whose markers script each answer.
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { chatTest, expect, runServer } from './fixtures'
import { shot } from './screenshots'
import { answers, expectIdle, growBottomPanel, openNewChat, reopenChat, say } from './chat-steps'
import { expectSaved } from './ui-steps'

chatTest.describe.configure({ timeout: 90_000 })

// The CLI retries a failing API up to ten times with a growing wait; two keep the test short.
const test = chatTest.extend({
  server: async ({ claude }, use, testInfo) => runServer({ env: { ...claude.serverEnv, CLAUDE_CODE_MAX_RETRIES: '2' } }, use, testInfo),
})

/** Lets Claude write and edit files in its working directory without asking (the test is about the cards). */
async function acceptEdits(page: Page): Promise<void> {
  const panel = page.getByTestId('properties-pane').getByTestId('property-panel')
  await panel.getByTestId('permission-mode').selectOption('accept_edits')
  await expectSaved(page)
}

const tool = (name: string, input: object): string => `[[tool:${name}:${JSON.stringify(input)}]]`

/** The card of the n-th call of a tool in the transcript. */
const card = (chat: Locator, name: string, nth = 0): Locator => chat.locator(`[data-testid="chat-tool"][data-tool="${name}"]`).nth(nth)

test('each tool call is a card of its own kind, thinking is folded, and all of it is there after a reload', async ({ page, server, claude }) => {
  const { chat } = await openNewChat(page, server, claude.workDir)
  await acceptEdits(page)
  const notes = join(claude.workDir, 'notes.md')
  await say(
    chat,
    [
      'Draft the notes.',
      '[[thinking:The file does not exist yet, so I write it first and then correct one line.]]',
      tool('Write', { file_path: notes, content: '# Notes\nalpha\nbeta\n' }),
      tool('Read', { file_path: notes }),
      tool('Edit', { file_path: notes, old_string: 'beta', new_string: 'gamma' }),
      tool('TaskCreate', { subject: 'Ship the notes', description: 'Once the last line is right' }),
      tool('TaskUpdate', { taskId: '1', status: 'in_progress' }),
      tool('Bash', { command: 'grep -c gamma notes.md', description: 'Count the fixed lines' }),
    ].join(' '),
  )
  await expect(card(chat, 'Bash')).toHaveAttribute('data-state', 'done', { timeout: 45_000 })
  await expectIdle(chat)

  // Thinking comes first, folded; one click shows it.
  const thinking = chat.getByTestId('chat-thinking')
  await expect(thinking).toContainText('Thinking · 16 words')
  await expect(thinking.getByText('The file does not exist yet')).toBeHidden()
  await thinking.locator('summary').click()
  await expect(thinking.getByText('The file does not exist yet')).toBeVisible()

  // Write: the whole file as added lines. Edit: one line out, one in.
  const write = card(chat, 'Write')
  await expect(write.getByTestId('chat-tool-summary')).toHaveText(notes)
  await expect(write.getByTestId('tool-diff').locator('[data-kind="added"]')).toHaveText(['+# Notes', '+alpha', '+beta'])
  const edit = card(chat, 'Edit')
  await expect(edit).toHaveAttribute('data-state', 'done')
  await expect(edit.getByTestId('tool-diff').locator('[data-kind="removed"]')).toHaveText(['−beta'])
  await expect(edit.getByTestId('tool-diff').locator('[data-kind="added"]')).toHaveText(['+gamma'])
  await expect(edit.getByTestId('tool-diff')).toContainText('+1 −1')

  // The task list: a task made, then started.
  await expect(card(chat, 'TaskCreate').getByTestId('chat-tool-summary')).toHaveText('Ship the notes')
  await expect(card(chat, 'TaskCreate').getByTestId('tool-task')).toContainText('Ship the notes — Once the last line is right')
  await expect(card(chat, 'TaskUpdate').getByTestId('chat-tool-summary')).toHaveText('task 1 → in progress')
  await expect(card(chat, 'TaskUpdate').locator('li[data-status="in_progress"]')).toHaveCount(1)

  // Bash: the command, its real output, its exit status.
  await expect(card(chat, 'Bash').getByTestId('chat-tool-result')).toHaveText('1')
  await expect(card(chat, 'Bash').getByTestId('tool-exit')).toHaveText('Exit status 0')

  // Read is folded; opened, it shows the file as the CLI read it.
  const read = card(chat, 'Read')
  await expect(read.getByTestId('chat-tool-result')).toHaveCount(0)
  await read.locator('summary').click()
  await expect(read.getByTestId('chat-tool-result')).toContainText('alpha')
  await expect(answers(chat).last()).toContainText('Done: 1')
  await growBottomPanel(page, 200)
  await edit.scrollIntoViewIfNeeded()
  await page.mouse.move(0, 0)
  await shot(page, 'chat-tool-cards')

  // After a reload the stored transcript gives the same cards, in the same states.
  await page.reload()
  const reopened = await reopenChat(page, 'Writer')
  await expect(reopened.getByTestId('chat-tool')).toHaveCount(6, { timeout: 10_000 })
  await expect(reopened.locator('[data-testid="chat-tool"][data-state="done"]')).toHaveCount(6)
  await expect(card(reopened, 'Edit').getByTestId('tool-diff').locator('[data-kind="added"]')).toHaveText(['+gamma'])
  await expect(reopened.getByTestId('chat-thinking')).toHaveCount(1)
})

test('a reply with code is highlighted and copied with one click', async ({ page, server, claude }) => {
  const { chat } = await openNewChat(page, server, claude.workDir)
  const code = 'const answer: number = 42\nexport function ask() {\n  return answer\n}'
  await say(chat, `[[reply:Here it is:\n\n\`\`\`ts\n${code}\n\`\`\`\n\nIt **always** answers.]]`)
  await expectIdle(chat)
  const block = chat.locator('.chat-md__code')
  await expect(block.locator('.hljs-keyword').first()).toHaveText('const')
  await expect(chat.locator('.chat-md strong')).toHaveText('always')
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await block.getByRole('button', { name: 'Copy code' }).click()
  await expect(block.getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${code}\n`)
})

test('while the API fails the chat says it is retrying, then shows the answer', async ({ page, server, claude }) => {
  const { chat } = await openNewChat(page, server, claude.workDir)
  await say(chat, 'Are you there? [[fail:500:2]] [[delay:0]]')
  await expect(chat.getByTestId('chat-status')).toContainText(/The API failed: .*500.* Retrying \(attempt 1 of 2/, { timeout: 20_000 })
  await expect(chat.getByTestId('chat-status')).toHaveClass(/composer__status--warning/)
  await expectIdle(chat, 30_000)
  await expect(answers(chat)).toHaveText([/^Echo: Are you there\?/])
  await expect(chat.getByTestId('chat-error-line')).toHaveCount(0)
})

test('an API that keeps failing is an error with its cause, never a reply', async ({ page, server, claude }) => {
  const { chat } = await openNewChat(page, server, claude.workDir)
  await say(chat, 'Hello? [[fail-always:500]]')
  await expect(chat.getByTestId('chat-error-line')).toContainText(/API error.*500/i, { timeout: 45_000 })
  await expectIdle(chat)
  await expect(chat.getByTestId('chat-assistant')).toHaveCount(0)
  await expect(chat.getByTestId('chat-result')).toContainText('Failed')
  await page.mouse.move(0, 0)
  await shot(page, 'chat-api-error')
})

test('a second window follows a turn started in the first, from the question to the answer', async ({ page, server, claude }) => {
  const { chat } = await openNewChat(page, server, claude.workDir)
  await say(chat, 'First words')
  await expectIdle(chat)

  const second = await page.context().newPage()
  await second.goto(server.appUrl)
  const other = await reopenChat(second, 'Writer')
  await expect(answers(other)).toHaveText(['Echo: First words'], { timeout: 10_000 })

  await say(chat, 'Count slowly [[slow:400]]')
  await expect(other.getByTestId('chat-user')).toHaveCount(2, { timeout: 10_000 })
  await expect(other.getByTestId('chat-user').last()).toContainText('Count slowly')
  await expect(other.getByRole('button', { name: 'Stop' })).toBeVisible()
  await expect(answers(other).last()).toContainText('tick 9', { timeout: 20_000 })
  await expectIdle(other)
  await expect(answers(other)).toHaveCount(2)
  await second.close()
})

test('slash commands are listed as you type, and an image goes with the message', async ({ page, server, claude }) => {
  const { chat } = await openNewChat(page, server, claude.workDir)
  const box = chat.getByRole('textbox', { name: 'Message' })
  await box.fill('/')
  await expect(chat.getByTestId('slash-menu')).toContainText('listed once Claude has answered')
  await box.fill('')
  await say(chat, 'Hi')
  await expectIdle(chat)

  await box.fill('/comp')
  const menu = chat.getByRole('listbox', { name: 'Slash commands' })
  await expect(menu.getByRole('option').first()).toHaveText('/compact')
  await page.mouse.move(0, 0)
  await shot(page, 'chat-slash-commands')
  await box.press('Tab')
  await expect(box).toHaveValue('/compact ')
  await expect(menu).toHaveCount(0)
  await box.fill('/co')
  await box.press('Escape')
  await expect(chat.getByTestId('slash-menu')).toHaveCount(0)
  await box.fill('')

  // Paste an image (a 1×1 PNG) into the box: a thumbnail, then it reaches the API with the text.
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
  await box.focus()
  await box.evaluate((element, data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
    const transfer = new DataTransfer()
    transfer.items.add(new File([bytes], 'dot.png', { type: 'image/png' }))
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  }, png)
  await expect(chat.getByTestId('chat-attachments').getByRole('img', { name: 'dot.png' })).toBeVisible()
  await say(chat, 'What is in the picture?')
  await expectIdle(chat)
  await expect(chat.getByTestId('chat-user-images')).toHaveText('1 image')
  await expect(chat.getByTestId('chat-attachments')).toHaveCount(0)
  const lastRequest = JSON.stringify(claude.messages.requests.at(-1)?.messages ?? [])
  expect(lastRequest).toContain('"type":"image"')
  expect(lastRequest).toContain(png.slice(0, 40))

  // A file that is not an image the API takes is refused, with the reason.
  await chat.getByTestId('chat-image-input').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg/>') })
  await expect(chat.getByTestId('chat-attachment-refusal')).toContainText('Only PNG, JPEG, GIF and WebP')
})
