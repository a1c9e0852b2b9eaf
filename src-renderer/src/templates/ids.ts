// Node and edge ids in the editor's style (`rss-1a2b3c4d`): short, readable in run logs.
export const freshId = (prefix: string): string => `${prefix}-${crypto.randomUUID().slice(0, 8)}`
