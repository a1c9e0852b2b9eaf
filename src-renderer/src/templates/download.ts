// Saving text as a file from the browser: a Blob behind a temporary <a download>.
export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked on the next tick: some engines read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
