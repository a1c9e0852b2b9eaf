// Loaded lazily (see ChatEntryView): react-markdown and remark-gfm stay out of the main bundle.
import { useRef, type ComponentProps } from 'react'
import Markdown from 'react-markdown'
import remarkGfm from 'remark-gfm'
import rehypeHighlight from 'rehype-highlight'
import { CopyButton } from '../ui/CopyButton'
import './chat-markdown.css'
import './code-highlight.css'

// Links open outside the app window; nothing in a reply may navigate the studio away.
function Link(props: ComponentProps<'a'>) {
  return <a href={props.href} target="_blank" rel="noreferrer noopener">{props.children}</a>
}

/** A code block with a button that copies its text. */
function CodeBlock({ children }: ComponentProps<'pre'>) {
  const pre = useRef<HTMLPreElement>(null)
  return (
    <div className="chat-md__code">
      <pre ref={pre}>{children}</pre>
      <CopyButton className="chat-md__copy" label="Copy code" text={() => pre.current?.textContent ?? ''} />
    </div>
  )
}

const COMPONENTS = { a: Link, pre: CodeBlock }
// highlight.js's common languages; only blocks that name their language are coloured (no guessing).
const REHYPE = [rehypeHighlight]

/** An assistant message as GitHub-flavoured Markdown. */
export default function MessageMarkdown({ text }: { text: string }) {
  return (
    <div className="chat-md" data-testid="message-text">
      <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={REHYPE} components={COMPONENTS}>
        {text}
      </Markdown>
    </div>
  )
}
