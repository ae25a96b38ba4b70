CREATE TABLE `tickets` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `customer_id` INT UNSIGNED NOT NULL,
  `assignee_id` INT UNSIGNED DEFAULT NULL,
  `status` ENUM('open', 'pending', 'closed') NOT NULL DEFAULT 'open',
  `priority` TINYINT UNSIGNED NOT NULL DEFAULT 3,
  `subject` VARCHAR(200) NOT NULL,
  `opened_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `closed_at` DATETIME DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_tickets_status_opened` (`status`, `opened_at`),
  CONSTRAINT `fk_tickets_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`), -- ok: unindexed-foreign-key
  CONSTRAINT `fk_tickets_assignee` FOREIGN KEY (`assignee_id`) REFERENCES `agents` (`id`) ON DELETE SET NULL -- ok: unindexed-foreign-key
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `ticket_tags` (
  `ticket_id` BIGINT UNSIGNED NOT NULL,
  `tag` VARCHAR(40) NOT NULL,
  PRIMARY KEY (`ticket_id`, `tag`),
  CONSTRAINT `fk_ticket_tags_ticket` FOREIGN KEY (`ticket_id`) REFERENCES `tickets` (`id`) ON DELETE CASCADE -- ok: unindexed-foreign-key
) ENGINE=InnoDB;
