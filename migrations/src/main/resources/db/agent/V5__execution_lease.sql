-- A lease on a running execution (issue 4): the delivery that holds it is the only one that may run
-- the execution's steps until lease_until; another delivery of the same execution waits for it to
-- end or expire. lease_holder is a random id per delivery, not per replica, so two deliveries in
-- one process exclude each other too. Not mapped by Hibernate: only the lease statements touch it.
ALTER TABLE executions
  ADD COLUMN lease_holder uuid,
  ADD COLUMN lease_until  timestamptz;
