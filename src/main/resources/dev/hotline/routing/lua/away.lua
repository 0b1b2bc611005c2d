-- ARGV: P, now, limit
-- Agents whose console has been gone past its grace period (their 'consoles' score is in the past; the node holding a
-- console renews it, so a dead node's agents expire too) are taken out of routing: an AVAILABLE agent or one on a
-- BREAK goes on BREAK('away') and the prior state is kept in field 'away' for back.lua; a RESERVED, BUSY or WRAP_UP
-- agent is flagged (no new offers, see fits) and moved to BREAK('away') by a later sweep once AVAILABLE again.
-- An OFFLINE agent leaves the set. Returns triples: agent, what happened (AWAY, FLAGGED), the state it was in or
-- the contact ringing at it.
local now, out = tonumber(ARGV[2]), {}
local CONSOLES = P .. 'consoles'
for _, a in ipairs(redis.call('ZRANGEBYSCORE', CONSOLES, '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))) do
  local h = redis.call('HMGET', akey(a), 'state', 'reason', 'away', 'offer')
  local st = h[1] or 'OFFLINE'
  if st == 'OFFLINE' then
    redis.call('ZREM', CONSOLES, a)
    redis.call('HDEL', akey(a), 'away')
  elseif st == 'AVAILABLE' or (st == 'BREAK' and h[2] ~= 'away') then
    local prior = (h[3] and h[3] ~= '') and h[3] or (st .. '|' .. (h[2] or ''))
    redis.call('HSET', akey(a), 'away', prior)
    setState(a, 'BREAK', 'away', now)
    refresh(a)
    redis.call('ZREM', CONSOLES, a)
    out[#out + 1] = a; out[#out + 1] = 'AWAY'; out[#out + 1] = st
  elseif st == 'BREAK' then
    redis.call('ZREM', CONSOLES, a)
  elseif not h[3] or h[3] == '' then
    redis.call('HSET', akey(a), 'away', 'AVAILABLE|')
    refresh(a)
    out[#out + 1] = a; out[#out + 1] = 'FLAGGED'; out[#out + 1] = h[4] or ''
  end
end
return out
