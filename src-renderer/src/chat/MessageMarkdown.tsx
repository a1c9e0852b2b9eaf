// Loaded lazily (see ChatEntryView): react-markdown and remark-gfm stay out of the main bundle.
import { useRef, useState, type ComponentProps } from 'react'
import Markdown from 'react-markdown'
import remarkGfm from 'remark-gfm'
import { Check, Copy } from 'lucide-react'
import './chat-markdown.css'

// Links open outside the app window; nothing in a reply may navigate the studio away.
function Link(props: ComponentProps<'a'>) {
  return <a href={props.href} target="_blank" rel="noreferrer noopener">{props.children}</a>
}

/** A code block with a button that copies its text. */
function CodeBlock({ children }: ComponentProps<'pre'>) {
  const pre = useRef<HTMLPreElement>(null)
  const [copied, setCopied] = useState(false)
  const copy = (): void => {
    const text = pre.current?.textContent ?? ''
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(true)
      window.setTimeout(() => setCopied(false), 1_500)
    }, () => undefined)
  }
  return (
    <div className="chat-md__code">
      <pre ref={pre}>{children}</pre>
      <button type="button" className="icon-button chat-md__copy" aria-label={copied ? 'Copied' : 'Copy code'} title="Copy code" onClick={copy}>
        {copied ? <Check size={13} aria-hidden="true" /> : <Copy size={13} aria-hidden="true" />}
      </button>
    </div>
  )
}

const COMPONENTS = { a: Link, pre: CodeBlock }

/** An assistant message as GitHub-flavoured Markdown. */
export default function MessageMarkdown({ text }: { text: string }) {
  return (
    <div className="chat-md" data-testid="message-text">
      <Markdown remarkPlugins={[remarkGfm]} components={COMPONENTS}>
        {text}
      </Markdown>
    </div>
  )
}
