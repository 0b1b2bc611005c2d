-- ARGV: P, node, ttlMs
-- The journal writer's lease: taken when free, renewed by its holder. Returns 1 while this node holds it.
local k = ARGV[1] .. 'journal:lease'
local cur = redis.call('GET', k)
if not cur then
  redis.call('SET', k, ARGV[2], 'PX', ARGV[3])
  return 1
end
if cur == ARGV[2] then
  redis.call('PEXPIRE', k, ARGV[3])
  return 1
end
return 0
