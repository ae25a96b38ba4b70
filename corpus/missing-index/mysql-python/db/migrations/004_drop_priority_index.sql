-- Priority is a 1-5 value: the index was never selective enough to be used.
ALTER TABLE `tickets` DROP INDEX `idx_tickets_priority`;
