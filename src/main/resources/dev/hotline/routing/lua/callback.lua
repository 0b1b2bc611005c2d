-- ARGV: P, contact, now, number
-- A waiting caller left a call-back number (queued callback): the same contact keeps its place in its queue (same
-- score: priority band and arrival), but it is no longer a call on the line. Its three-ring steps are cancelled (never
-- widened, alerted or overflowed), the caller's hang-up no longer abandons it (drop.lua), and when an agent accepts
-- it telephony places the call-back (provider 'callback' in accept.lua's ContactAssigned; 'cbp' keeps the provider
-- the call came through). An offer ringing now rings on and may be accepted as a callback.
-- Returns {'OK', queue, state, arrived, new ('1' or '0' for a repeat)} or {'ERR', why}: 'gone', 'not-a-call',
-- 'not-waiting' (an agent has it already).
local c, now = ARGV[2], tonumber(ARGV[3])
local h = redis.call('HMGET', ckey(c), 'queue', 'state', 'kind', 'cb', 'provider', 'arrived')
if not h[1] or h[2] == 'GONE' or h[2] == 'DONE' then return { 'ERR', 'gone' } end
if h[3] ~= 'v' then return { 'ERR', 'not-a-call' } end
if h[4] and h[4] ~= '' then return { 'OK', h[1], h[2], h[6] or '', '0' } end
if h[2] ~= 'WAITING' and h[2] ~= 'OFFERED' then return { 'ERR', 'not-waiting' } end
calm(c)
redis.call('HSET', ckey(c), 'cb', ARGV[4], 'cbn', '0', 'cbp', h[5] or '', 'provider', 'callback')
journal(c, 'CALLBACK_REQUEST', now, '', { 'r', ARGV[4] })
return { 'OK', h[1], h[2], h[6] or '', '1' }
