-- ARGV: P, contact, now, wrapMs, mode, detail, atMicros (when the caller hung up, to the microsecond)
-- mode 'hangup': the caller left (abandoned, or ended when answered); 'overflow': sent to the on-call target in
-- detail, only while unanswered; 'move': to another queue (no end). The contact's offers are withdrawn and its agent
-- freed. A contact that left keeps a GONE marker for a day, so a redelivered arrival does not queue it again and the
-- recovery sweep cannot mistake it for one Redis lost. The marker keeps the agent it was with: that agent's finish
-- (its disposition) is still welcome. A hang-up of a contact routing does not know (Redis lost it) is still recorded.
-- Returns {queue, channel, wrappedAgent, wrapDeadline, releasedAgent, withdrawnAgent...} or {} when nothing changed.
local c, now, mode = ARGV[2], tonumber(ARGV[3]), ARGV[5]
local h = redis.call('HMGET', ckey(c), 'queue', 'state', 'agent', 'kind', 'answered', 'channel', 'handed', 'cb')
if h[2] == 'GONE' or h[2] == 'DONE' then return {} end
-- a queued callback (callback.lua) is no call on the line: the caller's leg ending (after the goodbye) neither abandons
-- nor ends it, and it is never overflowed; only the hang-up of its answered call-back ends it
if h[8] and h[8] ~= '' and (mode == 'overflow' or (mode == 'hangup' and (not h[5] or h[5] == ''))) then return {} end
if not h[1] then
  if mode == 'hangup' then journal(c, 'ENDED', now, '', { 'us', ARGV[7] }) end
  return {}
end
if mode == 'overflow' and h[2] ~= 'WAITING' and h[2] ~= 'OFFERED' then return {} end
local reason = mode == 'hangup' and 'contact-gone' or (mode == 'overflow' and 'overflowed' or 'transferred')
redis.call('ZREM', P .. 'q:' .. h[1] .. ':wait', c)
calm(c)
local out = { h[1], h[6] or '', '', '', '' }
for _, o in ipairs(redis.call('SMEMBERS', ckey(c) .. ':o')) do
  if dropOffer(c, o, now, reason) then out[#out + 1] = o end
end
if h[3] and h[3] ~= '' and redis.call('SREM', akey(h[3]) .. ':c', c) == 1 then
  local a = h[3]
  out[5] = a
  redis.call('HINCRBY', akey(a), h[4] == 'v' and 'vuse' or 'tuse', -1)
  local u = redis.call('HMGET', akey(a), 'vuse', 'tuse', 'state')
  if num(u[1]) + num(u[2]) == 0 and u[3] == 'BUSY' then
    local token = redis.call('HINCRBY', akey(a), 'wrap', 1)
    setState(a, 'WRAP_UP', '', now)
    redis.call('ZADD', TIMERS, now + tonumber(ARGV[4]), 'w|' .. a .. '|' .. token)
    out[3] = a
    out[4] = tostring(now + tonumber(ARGV[4]))
  end
  refresh(a)
end
redis.call('DEL', ckey(c), ckey(c) .. ':o', ckey(c) .. ':x')
if mode == 'hangup' then
  -- 'handed': a transferred call the next agent has not answered yet was answered all the same (transfer.lua)
  local answered = (h[5] and h[5] ~= '') or (h[7] and h[7] ~= '')
  journal(c, 'ENDED', now, answered and h[3] or '', { 'o', answered and 'ANSWERED' or 'ABANDONED', 'us', ARGV[7] })
elseif mode == 'overflow' then
  journal(c, 'ENDED', now, '', { 'o', 'OVERFLOWED', 'r', ARGV[6] })
end
if mode ~= 'move' then
  redis.call('HSET', ckey(c), 'state', 'GONE', 'agent', h[2] == 'ASSIGNED' and h[3] or '')
  redis.call('PEXPIRE', ckey(c), 86400000)
end
return out
