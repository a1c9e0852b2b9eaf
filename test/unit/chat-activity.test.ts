import { describe, expect, it } from 'vitest'
import { ChatActivity } from '../../src-main/sessions/chat-activity'
import { decodedSize, imageNotes } from '../../src-main/sessions/chat-images'

const turn = (session_id: string, node_id: string | null = 'n') => ({ flow_id: 'f', node_id, session_id })

describe('ChatActivity', () => {
  it('announces starts and ends in order; a new listener gets the running turns first, with their ids', () => {
    const activity = new ChatActivity()
    const heard: [string, number][] = []
    activity.subscribe((event, id) => heard.push([`${event.event}:${event.data.session_id}`, id]))
    activity.started(turn('a'))
    activity.started(turn('b', null))
    activity.ended(turn('a'), 'stopped')
    expect(heard).toEqual([['turn_started:a', 1], ['turn_started:b', 2], ['turn_ended:a', 3]])

    const late = activity.subscribe(() => undefined)
    expect(late.running).toEqual([{ event: { event: 'turn_started', data: turn('b', null) }, id: 2 }])
    late.unsubscribe()
    activity.ended(turn('b', null), 'done')
    expect(activity.subscribe(() => undefined).running).toEqual([])
  })
})

describe('chat images', () => {
  it('measure base64 without decoding it, and refuse what is not base64', () => {
    expect(decodedSize('')).toBe(0)
    expect(decodedSize('QUJD')).toBe(3)
    expect(decodedSize('QUI=')).toBe(2)
    expect(decodedSize('QQ==')).toBe(1)
    expect(decodedSize('QQ=')).toBeNull()
    expect(decodedSize('QU!D')).toBeNull()
    expect(decodedSize('QUJD\n')).toBeNull()
    expect(imageNotes([{ media_type: 'image/gif', data: 'R0lG' }])).toEqual([{ media_type: 'image/gif', bytes: 3 }])
  })
})
