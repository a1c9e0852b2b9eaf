// Loaded lazily (see ChatEntryView): react-markdown and remark-gfm stay out of the main bundle.
import { memo, useRef, type ComponentProps, type ReactElement } from 'react'
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

// Rows of the virtual transcript mount again each time they scroll into view; the
// messages rendered last are kept so scrolling back does not parse them again.
const RENDERED_KEPT = 400
const rendered = new Map<string, ReactElement>()

function render(text: string): ReactElement {
  const kept = rendered.get(text)
  if (kept) {
    // Most recently used last, so the oldest is the first to go.
    rendered.delete(text)
    rendered.set(text, kept)
    return kept
  }
  // Called as a function (it uses no hooks), so what is kept is the parsed and highlighted tree.
  const element = Markdown({ remarkPlugins: [remarkGfm], rehypePlugins: REHYPE, components: COMPONENTS, children: text })
  rendered.set(text, element)
  if (rendered.size > RENDERED_KEPT) rendered.delete(rendered.keys().next().value!)
  return element
}

/** An assistant message as GitHub-flavoured Markdown, highlighted; parsed once per text. */
function MessageMarkdown({ text }: { text: string }) {
  return (
    <div className="chat-md" data-testid="message-text">
      {render(text)}
    </div>
  )
}

export default memo(MessageMarkdown)
