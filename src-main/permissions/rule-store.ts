// "Always" answers, kept per working directory in `<data dir>/permission-rules.json`
// and passed to every later `claude` there as --allowedTools. The CLI is told
// too (it writes its own settings file), but it ignores that file in a folder
// nobody trusted interactively, so the app keeps its own copy.
import type { Logger } from '../log'
import { readJsonFile, saveJsonFile } from '../storage/json-file'
import type { FileWriteQueue } from '../storage/write-queue'
import { parseRuleString, ruleString, type PermissionRule } from './rules'

interface RulesFile {
  working_dirs: Record<string, string[]>
}

export class RememberedRules {
  private readonly byDir = new Map<string, string[]>()

  constructor(
    private readonly file: string,
    private readonly writer: FileWriteQueue,
    private readonly log: Logger,
  ) {}

  async load(): Promise<void> {
    const parsed = (await readJsonFile(this.file, this.log)) as Partial<RulesFile> | undefined
    const dirs = parsed?.working_dirs
    if (typeof dirs !== 'object' || dirs === null) return
    for (const [dir, rules] of Object.entries(dirs)) {
      if (Array.isArray(rules)) this.byDir.set(dir, rules.filter((rule): rule is string => typeof rule === 'string' && parseRuleString(rule) !== null))
    }
  }

  /** Rules in the CLI's syntax, e.g. `Bash(touch x)`. */
  strings(workingDir: string): string[] {
    return [...(this.byDir.get(workingDir) ?? [])]
  }

  rules(workingDir: string): PermissionRule[] {
    return this.strings(workingDir).flatMap((text) => parseRuleString(text) ?? [])
  }

  async add(workingDir: string, rules: readonly PermissionRule[]): Promise<void> {
    const current = this.byDir.get(workingDir) ?? []
    const added = rules.map(ruleString).filter((rule) => !current.includes(rule))
    if (added.length === 0) return
    this.byDir.set(workingDir, [...current, ...added])
    const data: RulesFile = { working_dirs: Object.fromEntries(this.byDir) }
    await saveJsonFile(this.writer, this.file, data, this.log)
  }
}
