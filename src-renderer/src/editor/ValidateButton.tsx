import { ShieldAlert, ShieldCheck, ShieldQuestion } from 'lucide-react'
import { useState } from 'react'
import { useApi } from '../shell/ApiContext'
import { FailedActionBanner } from '../ui/FailedActionBanner'
import { Popover } from '../ui/Popover'
import { useEditor, useEditorServices } from './EditorContext'
import { ProblemList } from './ProblemList'
import { revalidate } from './useFlowSession'

/** Checks the flow as the runner would and lists what would stop it (or says the check could not be made). */
export function ValidateButton() {
  const services = useEditorServices()
  const { client } = useApi()
  const problems = useEditor((state) => state.problems)
  const checkFailed = useEditor((state) => state.checkFailed)
  const [open, setOpen] = useState(false)
  const [checking, setChecking] = useState(false)
  const check = async () => {
    setChecking(true)
    await services.saves.flush()
    await revalidate(client, services)
    setChecking(false)
    setOpen(true)
  }
  const errors = problems.filter((found) => found.severity !== 'warning').length
  const warnings = problems.length - errors
  const Icon = checkFailed ? ShieldQuestion : errors > 0 ? ShieldAlert : ShieldCheck
  const label = checkFailed ? 'Not checked' : errors > 0 ? `${errors} problem${errors === 1 ? '' : 's'}` : warnings > 0 ? `${warnings} note${warnings === 1 ? '' : 's'}` : 'Validate'
  return (
    <div className="anchor">
      <button type="button" className={`button button--small${errors > 0 || checkFailed ? ' button--warn' : ''}`} onClick={() => (open ? setOpen(false) : void check())} data-testid="validate" aria-expanded={open}>
        <Icon size={14} aria-hidden="true" /> {checking ? 'Checking…' : label}
      </button>
      <Popover open={open} onClose={() => setOpen(false)} label="Validation" testId="validation">
        {checkFailed ? (
          <>
            <h3 className="popover__title">The flow could not be checked</h3>
            <FailedActionBanner failed={checkFailed} testId="validation-failed" />
          </>
        ) : (
          <>
            <h3 className="popover__title">{errors > 0 ? 'This flow would not run as it is' : 'Ready to run'}</h3>
            <ProblemList problems={problems} onPick={() => setOpen(false)} />
          </>
        )}
      </Popover>
    </div>
  )
}
