// The executor prompts of the ready-made flows. Variables in {{braces}} are
// filled by the runner: {{content}} (fetched items), {{item_count}},
// {{timestamp}}, {{market_data}}, {{webhook_payload}}, and the PR-review ones.
// A prompt must not end in ".md" or ".txt": the runner would read it as a file name.

export const NEWS_DIGEST_PROMPT = `You are writing a short news digest for a Slack channel of software engineers.

Below are {{item_count}} stories that matched our topics, fetched at {{timestamp}}:

{{content}}

Write the digest:
- Start with one line: "*Tech digest — {{timestamp}}*".
- Pick the 5 most significant stories (fewer if fewer came in). Skip duplicates and pure marketing.
- For each: a bold headline linked to its URL in Slack format (<url|headline>), then one or two plain sentences on what happened and why it matters to engineers.
- End with one line naming a theme that connects several stories, if there is one.
Keep it under 250 words. No preamble, no sign-off: your whole answer is posted as it is.`

export const PR_REVIEW_PROMPT = `You are reviewing pull request #{{pr_number}} "{{pr_title}}" in {{repo}} ({{review_type}} review).
Branch {{head_ref}} (commit {{head_sha}}) into {{base_ref}}. The repository is checked out at {{local_path}}.

Description from the author:
{{pr_body}}

The changes:
{{diff}}

If the changes above are a list of files instead of a diff, read each of those files before reviewing.

Review like a careful senior engineer:
1. Correctness: bugs, unhandled errors, edge cases, race conditions, broken contracts.
2. Security: injection, secrets in code, unsafe input handling, missing authorisation.
3. Tests: is the new behaviour covered? Name the cases that are missing.
4. Clarity: only where naming or structure will genuinely confuse the next reader.
Read surrounding code in the checkout when a change depends on it. Do not comment on formatting a linter would catch.

Write the review in Markdown: a one-paragraph summary with your verdict (approve / needs changes), then findings grouped by severity (blocking, should fix, nit), each with file:line and a concrete suggestion.
Then post it on the pull request with: gh pr review {{pr_number}} --repo {{repo}} --comment --body-file - (the review on stdin).`

export const PAGE_WATCH_PROMPT = `You watch a web page for a team and tell them what is new. The page as fetched at {{timestamp}}:

{{content}}

Report only what changed recently or needs attention:
- List entries dated within the last 24 hours (or marked new), newest first, each with its title, date and a one-sentence summary.
- Flag anything about security fixes, breaking changes or deprecations with "⚠️".
- If nothing on the page is from the last 24 hours, answer with the single line: "No changes on the watched page today."
Plain Slack-friendly text, at most 150 words, no preamble.`

export const MARKET_BRIEF_PROMPT = `You write a morning market brief for a busy reader. The latest market data:

{{market_data}}

Write the brief as of {{timestamp}}:
1. *Headline*: one sentence on the overall mood (risk-on, risk-off, mixed) and why, based on the numbers.
2. *Movers*: the three largest moves in the data, each with its level and change, and one plausible driver. Say "driver unclear" rather than inventing news.
3. *Watch today*: two or three things worth watching, following from the moves above.
If the data says it is unavailable, say so in one line and stop.
Facts only from the data above; no investment advice. Under 200 words, Slack formatting (*bold*, bullet points).`

export const WEBHOOK_PROMPT = `An external system sent us this webhook payload (JSON) at {{timestamp}}:

{{webhook_payload}}

Work out what event it describes (for example an alert, a deployment, a form submission or a payment) and write a message for the team's Slack channel:
- First line: an emoji for the kind of event, then a one-line summary of what happened.
- Then up to five bullet points with the details that matter (who, what, where, severity, links), taken from the payload. Do not invent values.
- If the payload suggests someone must act, end with a line starting "Action:" saying what and how soon.
If the payload is empty or unreadable, say so in one line. No preamble.`

export const RELEASE_NOTES_PROMPT = `You write release notes from the pull requests merged in the last week. They were fetched at {{timestamp}}; there are {{item_count}}:

{{content}}

Write release notes in Markdown for users of the project:
- A title: "Release notes — week ending {{timestamp}}".
- Sections "New", "Improved", "Fixed", "Under the hood", in that order; leave out empty ones.
- One bullet per user-visible change, written as what users can now do or what no longer goes wrong, with the PR linked as [#number](url). Merge PRs that belong together.
- Put dependency bumps, CI and refactoring into "Under the hood" as a single short bullet each, or a count if there are many.
- If nothing was merged, write a single line saying so.
Plain, specific language; no marketing.`
