-- ARGV: P, queue, now, ringMs, max
return match(ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]))
