// The claude children's HOME pointed at their config dir: the Bash tool then
// sources no ~/.bashrc of the machine (whose slow or locked tools, e.g. a pyenv
// rehash, can hold every Bash call for a minute).
import type { ClaudeWorld } from './claude'

export function quietHome(world: ClaudeWorld): Record<string, string> {
  return { ...world.childEnv, HOME: world.childEnv.CLAUDE_CONFIG_DIR! }
}
