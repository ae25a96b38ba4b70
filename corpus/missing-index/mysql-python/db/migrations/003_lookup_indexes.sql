-- Dispatch screens filter by priority; the CRM looks customers up by city.
ALTER TABLE `tickets` ADD INDEX `idx_tickets_priority` (`priority`);
CREATE INDEX `idx_customers_city` ON `customers` (`city`);
