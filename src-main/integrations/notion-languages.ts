// Notion accepts only its own list of code languages and rejects the whole
// request otherwise, so fence labels are mapped onto that list.

const NOTION_LANGUAGES = new Set([
  'abap', 'arduino', 'bash', 'basic', 'c', 'clojure', 'coffeescript', 'c++', 'c#', 'css', 'dart', 'diff', 'docker', 'elixir', 'elm',
  'erlang', 'flow', 'fortran', 'f#', 'gherkin', 'glsl', 'go', 'graphql', 'groovy', 'haskell', 'html', 'java', 'javascript', 'json',
  'julia', 'kotlin', 'latex', 'less', 'lisp', 'livescript', 'lua', 'makefile', 'markdown', 'markup', 'matlab', 'mermaid', 'nix',
  'objective-c', 'ocaml', 'pascal', 'perl', 'php', 'plain text', 'powershell', 'prolog', 'protobuf', 'python', 'r', 'reason', 'ruby',
  'rust', 'sass', 'scala', 'scheme', 'scss', 'shell', 'sql', 'swift', 'typescript', 'vb.net', 'verilog', 'vhdl', 'visual basic',
  'webassembly', 'xml', 'yaml', 'java/c/c++/c#',
])

const ALIASES: Record<string, string> = {
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', node: 'javascript',
  ts: 'typescript', tsx: 'typescript', mts: 'typescript',
  py: 'python', python3: 'python', rb: 'ruby', rs: 'rust', kt: 'kotlin', golang: 'go',
  sh: 'shell', zsh: 'shell', console: 'shell', shellsession: 'shell', ps1: 'powershell', pwsh: 'powershell',
  yml: 'yaml', jsonc: 'json', json5: 'json', md: 'markdown', tex: 'latex', proto: 'protobuf', make: 'makefile',
  cpp: 'c++', cc: 'c++', cxx: 'c++', hpp: 'c++', cs: 'c#', csharp: 'c#', fsharp: 'f#', objc: 'objective-c',
  dockerfile: 'docker', htm: 'html', svg: 'xml', vb: 'visual basic', wasm: 'webassembly', patch: 'diff',
  text: 'plain text', txt: 'plain text', plaintext: 'plain text', plain: 'plain text',
}

/** The Notion language for a fence's info string (`ts`, `Python`, `js title="x"`); unknown → plain text. */
export function notionLanguage(info: string | undefined): string {
  const name = (info ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? ''
  const mapped = ALIASES[name] ?? name
  return NOTION_LANGUAGES.has(mapped) ? mapped : 'plain text'
}
