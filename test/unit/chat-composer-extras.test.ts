import { describe, expect, it } from 'vitest'
import { matchCommands, slashQuery } from '../../src-renderer/src/chat/slash-commands'
import { imageRefusal, MAX_IMAGE_BYTES, MAX_IMAGES } from '../../src-renderer/src/chat/attachments'
import { decodeChatActivity } from '../../src-renderer/src/api/chat-activity'

describe('slash commands under the message box', () => {
  it('opens only while the box holds a lone command name', () => {
    expect(slashQuery('/')).toBe('')
    expect(slashQuery('/Comp')).toBe('comp')
    expect(slashQuery('/compact now')).toBeNull()
    expect(slashQuery('say /compact')).toBeNull()
    expect(slashQuery('/usr/bin')).toBeNull()
    expect(slashQuery('')).toBeNull()
  })

  it('lists names that start with what is typed before names that contain it', () => {
    const commands = ['compact', 'context', 'cost', 'review', 'security-review', 'pr-comments']
    expect(matchCommands(commands, 'co')).toEqual(['compact', 'context', 'cost', 'pr-comments'])
    expect(matchCommands(commands, 'review')).toEqual(['review', 'security-review'])
    expect(matchCommands(['/init'], '')).toEqual(['init'])
    expect(matchCommands(commands, '', 2)).toEqual(['compact', 'context'])
  })
})

describe('images for a message', () => {
  it('takes the types and sizes the server takes, up to the count', () => {
    expect(imageRefusal('image/png', 1000, 0)).toBeNull()
    expect(imageRefusal('image/webp', MAX_IMAGE_BYTES, MAX_IMAGES - 1)).toBeNull()
    expect(imageRefusal('image/svg+xml', 10, 0)).toMatch(/Only PNG, JPEG, GIF and WebP/)
    expect(imageRefusal('image/png', MAX_IMAGE_BYTES + 1, 0)).toMatch(/at most 5 MB/)
    expect(imageRefusal('image/png', 10, MAX_IMAGES)).toMatch(/At most 5 images/)
  })
})

describe('the chat activity stream', () => {
  it('reads turns starting and ending, for nodes and the lead agent', () => {
    const frame = (event: string, data: unknown) => ({ event, data: JSON.stringify(data), id: null })
    expect(decodeChatActivity(frame('turn_started', { flow_id: 'f', node_id: 'n', session_id: 's' }))).toEqual({ type: 'turn_started', flowId: 'f', nodeId: 'n', sessionId: 's' })
    expect(decodeChatActivity(frame('turn_ended', { flow_id: 'f', node_id: null, session_id: 's', outcome: 'done' }))).toEqual({ type: 'turn_ended', flowId: 'f', nodeId: null, sessionId: 's' })
    expect(decodeChatActivity(frame('turn_started', { flow_id: 'f', session_id: 's' }))).toBeNull()
    expect(decodeChatActivity(frame('ping', {}))).toBeNull()
    expect(decodeChatActivity({ event: 'turn_started', data: 'nope', id: null })).toBeNull()
  })
})

describe('a message the server refuses', () => {
  it('is a notice when the session is busy (the text stays in the box), an error otherwise', async () => {
    const { refusal } = await import('../../src-renderer/src/chat/chat-model')
    const { ApiError } = await import('../../src-renderer/src/api/client')
    expect(refusal(new ApiError('session is busy processing a previous message', 409))).toEqual({
      notice: 'Not sent: session is busy processing a previous message. Wait for the earlier answer to finish, then try again.',
    })
    expect(refusal(new Error('network down'))).toEqual({ error: 'Could not send the message: network down. It is still in the box; Send tries again.' })
  })
})
