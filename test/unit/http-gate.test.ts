import { describe, expect, it } from 'vitest'
import { Gate } from '../../src-main/http/gate'
import { HttpError } from '../../src-main/http/errors'

describe('the data gate', () => {
  it('holds requests until the data is loaded, then lets every one through', async () => {
    const gate = new Gate()
    const passed: (Error | undefined)[] = []
    gate.pass((error) => passed.push(error))
    gate.pass((error) => passed.push(error))
    expect(passed).toEqual([])
    gate.open()
    expect(passed).toEqual([undefined, undefined])
    gate.pass((error) => passed.push(error))
    expect(passed).toHaveLength(3)
    await expect(gate.promise).resolves.toBeUndefined()
  })

  it('answers 503 with the reason, to those waiting and to later ones, when loading failed', async () => {
    const gate = new Gate()
    const refused: (Error | undefined)[] = []
    gate.pass((error) => refused.push(error))
    gate.fail(new Error('EACCES: permission denied, scandir flows'))
    gate.pass((error) => refused.push(error))
    gate.open() // too late: a failed gate stays failed
    expect(refused).toHaveLength(2)
    for (const error of refused) {
      expect(error).toBeInstanceOf(HttpError)
      expect((error as HttpError).status).toBe(503)
      expect(error!.message).toBe('the app could not load its data: EACCES: permission denied, scandir flows')
    }
    await expect(gate.promise).rejects.toThrow('EACCES')
  })
})
