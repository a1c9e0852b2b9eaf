/// <reference lib="dom" />
// bench/chat-ui: a chat of 5,000 messages with tool cards in Chromium, against
// the real server, next to a chat of 50 (the baseline, same page):
// - switching the Chat tab to it → its newest message on screen (goal < 500 ms);
// - JS heap after paging back to the very first message and down again
//   (goal < 150 MB);
// - frames per second while scrolling the transcript (goal ≥ 55).
// Prints figures; asserts nothing.
import { chromium, type CDPSession, type Page } from '@playwright/test'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { median, startShoggoth, TOKEN } from './support'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const BIG = 5_000
const SMALL = 50

async function api<T>(base: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(base + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** `messages` stored transcript entries, five per turn: question, Bash call, its output, a Markdown answer, the turn's cost. */
function transcriptLines(messages: number, label: string): string {
  const lines: string[] = []
  const at = new Date(Date.UTC(2026, 0, 1)).toISOString()
  const add = (turn: number, event: string, data: unknown) => lines.push(JSON.stringify({ cursor: String(lines.length), turn, at, event, data }))
  for (let turn = 0; lines.length < messages; turn++) {
    const id = `toolu_${label}_${turn}`
    add(turn, 'user', { text: `${label} question ${turn}: what changed in the release notes?` })
    add(turn, 'tool_use', { tool: 'Bash', input: JSON.stringify({ command: `git log --oneline -n 5 v${turn}`, description: 'Recent commits' }), id })
    add(turn, 'tool_result', { content: Array.from({ length: 5 }, (_, i) => `abc${i}${turn} Commit ${i} of release ${turn}`).join('\n'), tool_use_id: id, is_error: false })
    add(turn, 'text', { text: `${label} answer ${turn}: **five** commits.\n\n\`\`\`ts\nconst release = ${turn}\n\`\`\`\n\n- one\n- two` })
    add(turn, 'result', { text: '', cost: 0.0012, turns: 2, is_error: false, duration_ms: 1800, input_tokens: 1200, output_tokens: 90 })
  }
  return `${lines.slice(0, messages).join('\n')}\n`
}

/** ms from choosing the chat in the Chat tab until its newest answer is on screen. */
function timeSwitch(page: Page, nodeId: string, newest: string): Promise<number> {
  return page.evaluate(
    ({ nodeId, newest }) =>
      new Promise<number>((resolve) => {
        const select = document.querySelector<HTMLSelectElement>('[data-testid="chat-executor"]')!
        const start = performance.now()
        const setValue = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!
        setValue.call(select, nodeId)
        select.dispatchEvent(new Event('change', { bubbles: true }))
        const check = () => {
          const texts = document.querySelectorAll('[data-testid="chat-transcript"] [data-testid="chat-assistant"]')
          if ([...texts].some((el) => el.textContent?.includes(newest))) resolve(performance.now() - start)
          else requestAnimationFrame(check)
        }
        check()
      }),
    { nodeId, newest },
  )
}

/** Scrolls the transcript up until the first message is loaded and shown, then back to the bottom. */
async function pageToTheTop(page: Page, first: string): Promise<number> {
  return page.evaluate(
    (first) =>
      new Promise<number>((resolve) => {
        const box = document.querySelector<HTMLElement>('[data-testid="chat-transcript"]')!
        const start = performance.now()
        const step = () => {
          box.scrollTop = 0
          box.dispatchEvent(new Event('scroll'))
          if (box.textContent?.includes(first)) {
            box.scrollTop = box.scrollHeight
            resolve(performance.now() - start)
          } else setTimeout(step, 16)
        }
        step()
      }),
    first,
  )
}

/** Frames per second while the transcript scrolls `pixelsPerFrame` each frame for `frames` frames. */
function scrollFps(page: Page, pixelsPerFrame: number, frames: number): Promise<number> {
  return page.evaluate(
    ({ pixelsPerFrame, frames }) =>
      new Promise<number>((resolve) => {
        const box = document.querySelector<HTMLElement>('[data-testid="chat-transcript"]')!
        let done = 0
        let start = 0
        const tick = (now: number) => {
          if (done === 0) start = now
          box.scrollTop -= pixelsPerFrame
          if (++done < frames) requestAnimationFrame(tick)
          else resolve((frames - 1) / ((now - start) / 1000))
        }
        requestAnimationFrame(tick)
      }),
    { pixelsPerFrame, frames },
  )
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize / 1024 / 1024
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'shoggoth-bench-chat-ui-'))
  const workDir = await mkdtemp(join(tmpdir(), 'shoggoth-bench-chat-work-'))
  const server = await startShoggoth(dataDir)
  const executor = (id: string, label: string, y: number) => ({ id, node_type: 'executor', kind: 'claude-code', label, config: { prompt: 'Answer.', working_dir: workDir }, position: { x: 0, y } })
  const flow = await api<{ id: string }>(server.url, '/api/flows', { name: 'Chat bench', nodes: [executor('small', 'Small chat', 0), executor('big', 'Big chat', 160)] })
  await mkdir(join(dataDir, 'transcripts'), { recursive: true })
  for (const [node, count] of [['small', SMALL], ['big', BIG]] as const) {
    const session = await api<{ session_id: string }>(server.url, `/api/flows/${flow.id}/nodes/${node}/interact/new`, {})
    await writeFile(join(dataDir, 'transcripts', `${session.session_id}.jsonl`), transcriptLines(count, node))
  }
  const lastTurn = (count: number) => Math.ceil(count / 5) - 1
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    // tsx names inner functions with a helper the page does not have.
    await page.addInitScript('window.__name = (fn) => fn')
    const cdp = await page.context().newCDPSession(page)
    await page.goto(`${server.url}/app/#token=${TOKEN}`)
    await page.getByTestId('flow-item').first().click()
    await page.getByTestId('tab-chat').click()
    await page.getByTestId('chat-executor').waitFor()

    const small: number[] = []
    const big: number[] = []
    for (let i = 0; i < RUNS; i++) {
      small.push(await timeSwitch(page, 'small', `small answer ${lastTurn(SMALL)}`))
      big.push(await timeSwitch(page, 'big', `big answer ${lastTurn(BIG)}`))
    }
    await timeSwitch(page, 'small', `small answer ${lastTurn(SMALL)}`)
    const heapSmall = await heapMb(cdp)
    await timeSwitch(page, 'big', `big answer ${lastTurn(BIG)}`)
    const paging = await pageToTheTop(page, 'big question 0:')
    const heapBig = await heapMb(cdp)
    await page.waitForTimeout(300)
    const fps = await scrollFps(page, 40, 240)
    const rows = await page.locator('[data-testid="chat-transcript"] .transcript__row').count()

    console.log(`bench/chat-ui: Chromium, ${BIG.toLocaleString('en-US')} messages with tool cards next to ${SMALL}, median of ${RUNS} runs`)
    console.log(`  open the ${SMALL}-message chat (baseline)       ${median(small).toFixed(0).padStart(6)} ms`)
    console.log(`  open the ${BIG.toLocaleString('en-US')}-message chat             ${median(big).toFixed(0).padStart(6)} ms   (goal < 500 ms; ${(median(big) / median(small)).toFixed(2)}× the baseline)`)
    console.log(`  page back to the first message              ${paging.toFixed(0).padStart(6)} ms   (all ${BIG.toLocaleString('en-US')} loaded)`)
    console.log(`  JS heap with the ${SMALL}-message chat          ${heapSmall.toFixed(1).padStart(6)} MB`)
    console.log(`  JS heap, all ${BIG.toLocaleString('en-US')} loaded, scrolled back   ${heapBig.toFixed(1).padStart(6)} MB   (goal < 150 MB)`)
    console.log(`  scrolling the big transcript                ${fps.toFixed(0).padStart(6)} fps  (goal ≥ 55; ${rows} rows in the DOM)`)
  } finally {
    await browser.close()
    await server.stop()
    await rm(dataDir, { recursive: true, force: true })
    await rm(workDir, { recursive: true, force: true })
  }
}

await main()
