-- ARGV: P, contact, customer, tier
-- The caller of a live contact was identified (registered from the screen pop): a later offer of it (a transfer) pops
-- the customer and the sticky agent applies. A contact that has left is not brought back.
local c = ARGV[2]
if redis.call('EXISTS', ckey(c)) == 0 then return 0 end
redis.call('HSET', ckey(c), 'cust', ARGV[3], 'tier', ARGV[4])
return 1
