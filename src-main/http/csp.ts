// The Content-Security-Policy of the UI under /app/, sent by the server so it
// holds in Electron and in any browser alike. Only our own bundle runs, and
// the page may talk to nothing but the backend that served it. Styles need no
// 'unsafe-inline': React and the canvas (@xyflow/react) set styles through the
// CSSOM, which CSP does not block; none of our libraries inject <style> tags.
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')
