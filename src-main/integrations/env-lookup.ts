// Sinks name the environment variables that hold their secrets; the secret
// itself is looked up when a run resolves its sinks.

export function requiredEnv(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]
  if (!value) throw new Error(`sink requires env var ${name} but it is not set`)
  return value
}
