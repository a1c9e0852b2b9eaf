// A vitest reporter that records how the run ended — above all the unhandled
// errors (rejections, exceptions after a test), which vitest 4's JSON report
// does not carry — into the file named by SHOGGOTH_VITEST_RUN_END.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export default class RunEndReporter {
  onTestRunEnd(_modules, unhandledErrors, reason) {
    const file = process.env.SHOGGOTH_VITEST_RUN_END
    if (!file) return
    const messages = unhandledErrors.map((error) => `${error.name ?? 'Error'}: ${error.message ?? String(error)}`)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, `${JSON.stringify({ reason, unhandledErrors: messages }, null, 2)}\n`)
  }
}
