// Nothing claude started outlives the way its turn, session, run or server
// ends (issue 11, suite "nothing left behind"): the endings the app decides on
// (idle time, the live-session limit, a run's end, SIGTERM while idle) and the
// node-level stop. One cycle each here; `npm run soak` runs many. (A run's
// executor timeout ends claude the way a cancel does: see promises.test.ts.)
import { describeEndings } from '../support/ending-tests'

describeEndings([
  'a node stop',
  'a run that completes, leaving a detached command',
  'an idle session closed after its idle time',
  'the least recently used session closed for a new one',
  'SIGTERM of an idle server',
])
