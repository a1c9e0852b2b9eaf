import { Download, Upload } from 'lucide-react'
import { useMemo, useRef, useState, type ChangeEvent } from 'react'
import { createFlowsApi } from '../api/flows'
import { useFlows } from '../flows/FlowsProvider'
import { useApi } from '../shell/ApiContext'
import { Banner } from '../ui/Banner'
import { afterSuccess, failedAction, quoted, type FailedAction } from '../ui/failed-action'
import { FailedActionBanner } from '../ui/FailedActionBanner'
import { errorMessage } from '../ui/format'
import { downloadText } from './download'
import type { FlowFileFormat } from './flow-file'
import { useCreateFlow } from './useCreateFlow'
import './templates.css'

const MIME: Record<FlowFileFormat, string> = { json: 'application/json', yaml: 'application/yaml' }

/** Export the flow to a JSON or YAML file; import a file as a new flow. */
export function FlowFileActions({ flowId, onCreated }: { flowId: string; onCreated: (flowId: string) => void }) {
  const { client } = useApi()
  const flows = useMemo(() => createFlowsApi(client), [client])
  const name = useFlows((state) => state.flows.find((flow) => flow.id === flowId)?.name)
  const { busy, failed: importFailed, dismiss: dismissImport, create } = useCreateFlow(onCreated)
  const [exportFailed, setExportFailed] = useState<FailedAction | null>(null)
  // A file that does not parse is no failed request: nothing to retry but choosing another file.
  const [unreadable, setUnreadable] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  const exportAs = async (format: FlowFileFormat): Promise<void> => {
    const what = `export flow ${quoted(name)} as ${format.toUpperCase()}`
    setExporting(true)
    try {
      // The saved flow: autosave keeps it at most a second behind the canvas.
      const flow = await flows.get(flowId)
      // The file code (and its YAML library) loads on first use, not with the window.
      const { exportFlow, flowFileName } = await import('./flow-file')
      downloadText(flowFileName(flow.name, format), exportFlow(flow, format), MIME[format])
      setExportFailed((current) => afterSuccess(current, what))
    } catch (failure) {
      setExportFailed(failedAction(what, failure, () => exportAs(format)))
    } finally {
      setExporting(false)
    }
  }

  const importFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0]
    // Cleared so choosing the same file again still fires a change.
    event.target.value = ''
    if (!file) return
    setUnreadable(null)
    const { fileToNewFlow, parseFlowFile } = await import('./flow-file')
    let parsed
    try {
      parsed = parseFlowFile(await file.text(), { freshIds: true })
    } catch (failure) {
      setUnreadable(`Could not read ${file.name}: ${errorMessage(failure)}`)
      return
    }
    const flow = fileToNewFlow(parsed)
    await create('import', flow, { enabled: parsed.enabled, what: `import ${file.name} as flow ${quoted(flow.name)}` })
  }

  return (
    <div className="flow-file" data-testid="flow-file-actions">
      <div className="flow-file__buttons">
        <button type="button" className="button button--small" disabled={exporting} onClick={() => void exportAs('json')} data-testid="export-json">
          <Download size={13} aria-hidden="true" /> Export JSON
        </button>
        <button type="button" className="button button--small" disabled={exporting} onClick={() => void exportAs('yaml')} data-testid="export-yaml">
          <Download size={13} aria-hidden="true" /> Export YAML
        </button>
        <button type="button" className="button button--small" disabled={busy !== null} onClick={() => input.current?.click()} data-testid="import-flow">
          <Upload size={13} aria-hidden="true" /> {busy ? 'Importing…' : 'Import…'}
        </button>
        <input ref={input} type="file" accept=".json,.yaml,.yml,application/json,application/yaml" hidden onChange={(event) => void importFile(event)} data-testid="import-file" aria-label="Flow file to import" />
      </div>
      <p className="flow-file__hint">Import makes a new flow from a JSON or YAML file (the original Studio's flow JSON works too).</p>
      <FailedActionBanner failed={exportFailed} onDismiss={() => setExportFailed(null)} testId="flow-file-error" />
      <FailedActionBanner failed={importFailed} onDismiss={dismissImport} testId="flow-file-error" />
      {unreadable && <Banner kind="error" message={unreadable} onDismiss={() => setUnreadable(null)} testId="flow-file-error" />}
    </div>
  )
}
