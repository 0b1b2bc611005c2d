-- ARGV: P, contact, agent, now, mode ('hold' or 'resume')
-- The agent puts its connected call on hold (the caller hears music) or takes it back. Only the agent the contact is
-- connected to may; the contact hash keeps 'held' (since when, millis) and 'heldms' (hold time so far).
-- Returns {'ERR', why} (gone, not-yours, not-connected, already-held, not-held) or
-- {'OK', queue, channel, provider, externalId, heldMillis (resume: this hold's length)}.
local c, a, now, mode = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
local h = redis.call('HMGET', ckey(c), 'queue', 'state', 'agent', 'answered', 'held', 'channel', 'provider', 'ext')
if not h[1] or h[2] == 'GONE' or h[2] == 'DONE' then return { 'ERR', 'gone' } end
if h[2] ~= 'ASSIGNED' or h[3] ~= a then return { 'ERR', 'not-yours' } end
if not h[4] or h[4] == '' then return { 'ERR', 'not-connected' } end
local held = h[5] and h[5] ~= ''
local length = 0
if mode == 'hold' then
  if held then return { 'ERR', 'already-held' } end
  redis.call('HSET', ckey(c), 'held', now)
  journal(c, 'HELD', now, a)
else
  if not held then return { 'ERR', 'not-held' } end
  length = math.max(0, now - num(h[5]))
  redis.call('HINCRBY', ckey(c), 'heldms', length)
  redis.call('HSET', ckey(c), 'held', '')
  journal(c, 'RESUMED', now, a, { 'r', tostring(length) })
end
return { 'OK', h[1], h[6] or '', h[7] or '', h[8] or '', tostring(length) }
