-- OneAI Hub tables (seed schema of 000_…, widened for real prices and history queries).
-- Money: prices are per million tokens DECIMAL(18,8); balances and request costs DECIMAL(20,10),
-- so a request of a few tokens on a cheap model never rounds to zero.
-- Every table is utf8mb4; ids are UUID text.

CREATE TABLE IF NOT EXISTS tiers (
  id                VARCHAR(36) NOT NULL PRIMARY KEY,
  name              VARCHAR(100) NOT NULL,
  description       TEXT NULL,
  is_free           BOOLEAN NOT NULL DEFAULT FALSE,
  price             DECIMAL(10,2) NOT NULL DEFAULT 0.00,
  sort_order        INT NOT NULL DEFAULT 0,
  upgrade_threshold DECIMAL(20,10) NULL COMMENT 'total spend at which users of cheaper tiers move here',
  created_at        DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at        DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  UNIQUE KEY ux_tiers_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS companies (
  id          VARCHAR(36) NOT NULL PRIMARY KEY,
  name        VARCHAR(255) NOT NULL,
  logo_url    VARCHAR(255) NULL,
  logo_key    VARCHAR(100) NULL COMMENT 'simple-icons slug',
  website     VARCHAR(255) NULL,
  description TEXT NULL,
  external_id VARCHAR(255) NOT NULL COMMENT 'LiteLLM provider id',
  created_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  UNIQUE KEY ux_companies_external (external_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS users (
  id                     VARCHAR(36) NOT NULL PRIMARY KEY,
  email                  VARCHAR(255) NOT NULL,
  password_hash          VARCHAR(255) NOT NULL,
  display_name           VARCHAR(100) NULL,
  tier_id                VARCHAR(36) NOT NULL,
  role                   ENUM('customer','enterprise','support','admin') NOT NULL DEFAULT 'customer',
  status                 ENUM('active','pending_approval','suspended') NOT NULL DEFAULT 'active',
  free_tier_requested_at DATETIME(6) NULL,
  created_at             DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at             DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  UNIQUE KEY ux_users_email (email),
  KEY ix_users_status (status),
  CONSTRAINT fk_users_tier FOREIGN KEY (tier_id) REFERENCES tiers(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS user_spendings (
  user_id     VARCHAR(36) NOT NULL PRIMARY KEY,
  total_spent DECIMAL(20,10) NOT NULL DEFAULT 0,
  created_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  CONSTRAINT fk_spendings_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS user_limits (
  user_id             VARCHAR(36) NOT NULL PRIMARY KEY,
  monthly_token_limit BIGINT NULL COMMENT 'NULL = unlimited',
  monthly_tokens_used BIGINT NOT NULL DEFAULT 0,
  usage_month         CHAR(7) NULL COMMENT 'yyyy-MM of monthly_tokens_used',
  balance             DECIMAL(20,10) NOT NULL DEFAULT 0,
  CONSTRAINT fk_limits_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS models (
  id                   VARCHAR(36) NOT NULL PRIMARY KEY,
  company_id           VARCHAR(36) NOT NULL,
  name                 VARCHAR(255) NOT NULL,
  description          TEXT NULL,
  features             TEXT NULL COMMENT 'JSON array of capabilities',
  external_id          VARCHAR(255) NOT NULL COMMENT 'LiteLLM model_name',
  mode                 VARCHAR(50) NULL,
  context_window       INT NULL,
  max_output_tokens    INT NULL,
  litellm_input_price  DECIMAL(18,8) NULL COMMENT 'per million tokens, as LiteLLM reports',
  litellm_output_price DECIMAL(18,8) NULL,
  is_available         BOOLEAN NOT NULL DEFAULT TRUE,
  last_synced_at       DATETIME(6) NULL,
  created_at           DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at           DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  UNIQUE KEY ux_models_external (external_id),
  KEY ix_models_company (company_id),
  CONSTRAINT fk_models_company FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS model_configs (
  id                      VARCHAR(36) NOT NULL PRIMARY KEY,
  model_id                VARCHAR(36) NOT NULL,
  is_free                 BOOLEAN NOT NULL DEFAULT FALSE,
  is_enabled              BOOLEAN NOT NULL DEFAULT TRUE,
  input_price_per_million  DECIMAL(18,8) NOT NULL DEFAULT 0,
  output_price_per_million DECIMAL(18,8) NOT NULL DEFAULT 0,
  created_at              DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at              DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  UNIQUE KEY ux_model_configs_model (model_id),
  CONSTRAINT fk_model_configs_model FOREIGN KEY (model_id) REFERENCES models(id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS rate_limits (
  id                  VARCHAR(36) NOT NULL PRIMARY KEY,
  model_id            VARCHAR(36) NOT NULL,
  tier_id             VARCHAR(36) NOT NULL,
  requests_per_minute INT NOT NULL DEFAULT 0,
  requests_per_day    INT NOT NULL DEFAULT 0,
  tokens_per_minute   INT NOT NULL DEFAULT 0,
  tokens_per_day      INT NOT NULL DEFAULT 0,
  created_at          DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at          DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  UNIQUE KEY unique_model_tier (model_id, tier_id),
  CONSTRAINT fk_rate_limits_model FOREIGN KEY (model_id) REFERENCES models(id) ON DELETE CASCADE,
  CONSTRAINT fk_rate_limits_tier FOREIGN KEY (tier_id) REFERENCES tiers(id) ON DELETE CASCADE,
  CONSTRAINT ck_rate_limits_non_negative CHECK (requests_per_minute >= 0 AND requests_per_day >= 0
    AND tokens_per_minute >= 0 AND tokens_per_day >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Seeded limits for models that may not be synced yet: applied by the model sync when a
-- model whose LiteLLM id matches the pattern (SQL LIKE) first appears.
CREATE TABLE IF NOT EXISTS rate_limit_templates (
  id                  VARCHAR(36) NOT NULL PRIMARY KEY,
  tier_id             VARCHAR(36) NOT NULL,
  model_pattern       VARCHAR(255) NOT NULL,
  requests_per_minute INT NOT NULL,
  requests_per_day    INT NOT NULL,
  tokens_per_minute   INT NOT NULL,
  tokens_per_day      INT NOT NULL,
  UNIQUE KEY ux_templates (tier_id, model_pattern),
  CONSTRAINT fk_templates_tier FOREIGN KEY (tier_id) REFERENCES tiers(id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS api_keys (
  id           VARCHAR(36) NOT NULL PRIMARY KEY,
  user_id      VARCHAR(36) NOT NULL,
  key_hash     CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'hex SHA-256 of the key',
  key_prefix   VARCHAR(16) NOT NULL COMMENT 'visible start of the key, for people to recognise it',
  external_id  VARCHAR(255) NULL COMMENT 'LiteLLM virtual key token id',
  external_key VARCHAR(255) NULL COMMENT 'LiteLLM virtual key the proxy forwards with',
  name         VARCHAR(255) NOT NULL,
  models       TEXT NULL COMMENT 'JSON array of allowed model ids; NULL = every model of the tier',
  created_at   DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  expires_at   DATETIME(6) NULL,
  revoked_at   DATETIME(6) NULL,
  last_used_at DATETIME(6) NULL,
  UNIQUE KEY ux_api_keys_hash (key_hash),
  KEY ix_api_keys_user (user_id),
  CONSTRAINT fk_api_keys_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per proxied request. No foreign key to models or keys: history outlives them.
CREATE TABLE IF NOT EXISTS requests (
  id            VARCHAR(36) NOT NULL PRIMARY KEY,
  request_id    VARCHAR(64) NOT NULL COMMENT 'x-request-id returned to the caller',
  user_id       VARCHAR(36) NOT NULL,
  api_key_id    VARCHAR(36) NULL,
  model_id      VARCHAR(36) NULL,
  model_name    VARCHAR(255) NOT NULL,
  endpoint      VARCHAR(32) NOT NULL,
  input_tokens  INT NOT NULL,
  output_tokens INT NOT NULL,
  input_cost    DECIMAL(20,10) NOT NULL,
  output_cost   DECIMAL(20,10) NOT NULL,
  total_cost    DECIMAL(20,10) NOT NULL,
  status_code   SMALLINT NOT NULL,
  error_type    VARCHAR(64) NULL,
  latency_ms    INT NOT NULL,
  streamed      BOOLEAN NOT NULL DEFAULT FALSE,
  created_at    DATETIME(6) NOT NULL,
  UNIQUE KEY ux_requests_request_id (request_id),
  KEY ix_requests_user_time (user_id, created_at, id),
  KEY ix_requests_user_model_time (user_id, model_name, created_at),
  KEY ix_requests_key_time (api_key_id, created_at),
  KEY ix_requests_time (created_at),
  CONSTRAINT fk_requests_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every balance change that is not a request charge (admin top-ups, corrections).
CREATE TABLE IF NOT EXISTS balance_adjustments (
  id         VARCHAR(36) NOT NULL PRIMARY KEY,
  user_id    VARCHAR(36) NOT NULL,
  amount     DECIMAL(20,10) NOT NULL,
  reason     VARCHAR(500) NOT NULL,
  actor_id   VARCHAR(36) NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY ix_adjustments_user (user_id, created_at),
  CONSTRAINT fk_adjustments_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Budgets (seed 001_…): a max spend per user or key over a reset period, mirrored to LiteLLM.
CREATE TABLE IF NOT EXISTS budgets (
  id              VARCHAR(36) NOT NULL PRIMARY KEY,
  scope           ENUM('user','key','team') NOT NULL,
  user_id         VARCHAR(36) NULL,
  api_key_id      VARCHAR(36) NULL,
  team_id         VARCHAR(255) NULL,
  max_budget      DECIMAL(20,10) NOT NULL,
  spend           DECIMAL(20,10) NOT NULL DEFAULT 0,
  budget_duration ENUM('daily','weekly','monthly') NOT NULL,
  period_start    DATETIME(6) NOT NULL,
  reset_at        DATETIME(6) NOT NULL,
  external_id     VARCHAR(255) NULL COMMENT 'LiteLLM budget_id',
  created_at      DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at      DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  UNIQUE KEY ux_budgets_user (user_id, scope, api_key_id),
  KEY ix_budgets_key (api_key_id),
  CONSTRAINT fk_budgets_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS audit_log (
  id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  actor_id    VARCHAR(36) NULL,
  actor_email VARCHAR(255) NULL,
  action      VARCHAR(64) NOT NULL,
  entity_type VARCHAR(64) NOT NULL,
  entity_id   VARCHAR(255) NULL,
  before_json LONGTEXT NULL,
  after_json  LONGTEXT NULL,
  created_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY ix_audit_time (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
