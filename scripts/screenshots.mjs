#!/usr/bin/env node
// `npm run screenshots`: refreshes the images in docs/screenshots/ from the
// last e2e run's reports/screenshots/ — every image the docs already have, or
// those named on the command line (`npm run screenshots -- chat runs`).
import { copyFileSync, existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const FROM = 'reports/screenshots'
const TO = 'docs/screenshots'
const named = process.argv.slice(2).map((name) => name.replace(/\.png$/, ''))
const wanted = named.length > 0 ? named : readdirSync(TO).filter((file) => file.endsWith('.png')).map((file) => file.slice(0, -4))

let copied = 0
const missing = []
for (const name of wanted) {
  const source = join(FROM, `${name}.png`)
  if (!existsSync(source)) {
    missing.push(name)
    continue
  }
  copyFileSync(source, join(TO, `${name}.png`))
  copied++
}
process.stdout.write(`copied ${copied} screenshot(s) into ${TO}/\n`)
if (missing.length > 0) {
  process.stdout.write(`not in ${FROM}/ (run the e2e spec that takes them first): ${missing.join(', ')}\n`)
  process.exit(1)
}
