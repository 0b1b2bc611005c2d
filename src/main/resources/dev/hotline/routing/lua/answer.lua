-- ARGV: P, contact, agent, now, atMicros (the PBX's own time, kept to the microsecond)
-- Telephony connected the accepted call to the agent. Returns {'OK', '1'} (recorded), {'OK', '0'} (a repeat) or
-- {'ERR', why}: 'gone' (it has ended), 'not-assigned' (not this agent's call). A contact routing has lost (Redis
-- restarted) is recorded all the same: the PBX is the truth for a call that is connected.
local c, a, now = ARGV[2], ARGV[3], tonumber(ARGV[4])
local h = redis.call('HMGET', ckey(c), 'state', 'agent', 'answered')
if not h[1] then
  journal(c, 'ANSWERED', now, a, { 'us', ARGV[5] })
  return { 'OK', '1' }
end
if h[1] == 'GONE' or h[1] == 'DONE' then return { 'ERR', 'gone' } end
if h[1] ~= 'ASSIGNED' or h[2] ~= a then return { 'ERR', 'not-assigned' } end
if h[3] and h[3] ~= '' then return { 'OK', '0' } end
redis.call('HSET', ckey(c), 'answered', now)
journal(c, 'ANSWERED', now, a, { 'us', ARGV[5] })
return { 'OK', '1' }
