-- ARGV: P, agent
-- Re-applies the agent's free-set membership after its queue memberships changed.
refresh(ARGV[2])
return 1
