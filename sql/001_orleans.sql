-- 001_orleans.sql: tables and OrleansQuery rows for the Orleans 10.4.2 ADO.NET
-- clustering, grain persistence and reminders providers (invariant MySql.Data.MySqlConnector).
-- Written from shared/orleans-adonet-contract.md (option B: no stored procedures).
--
-- Runs as ONE MySqlConnector command (multi-statement): no DELIMITER, no procedures and no
-- session user variables anywhere (at-sign names appear only inside the quoted query texts,
-- where they are the provider parameters, so keep them out of comments).
-- Idempotent: tables are created only if missing and the query rows are upserted, so a
-- rerun refreshes the texts (silos and clients cache them: restart them afterwards).
-- Existing tables are NOT altered by a rerun: change a table in a new migration.
--
-- Collations: identity columns need exact, case- and trailing-space-sensitive equality.
-- utf8mb4_bin exists on both servers but is PAD SPACE (abc = abc plus a space), so it is not
-- good enough for keys. The NO PAD binary collation is named differently per server and no
-- single name is valid on both: this file uses MariaDB 10.11 utf8mb4_nopad_bin.
-- For MySQL 8 replace every utf8mb4_nopad_bin with utf8mb4_0900_bin (same semantics).
-- QueryKey and Address hold ASCII without trailing spaces, so portable utf8mb4_bin suffices.
-- Every text column declares CHARACTER SET utf8mb4 (plain VARCHAR would follow the server
-- default, latin1 on an unconfigured server; NVARCHAR would be utf8mb3).
-- Times are UTC DATETIME(3): no time zone conversion, unlike TIMESTAMP.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    QueryText TEXT CHARACTER SET utf8mb4 NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- ===================================================================== clustering

-- One row per deployment (ClusterId). Version is the optimistic concurrency token of the
-- whole membership table. DeploymentId must fit ClusterId (150 chars).
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    Timestamp    DATETIME(3) NULL, -- informational: UTC time of the last version change
    Version      INT NOT NULL DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable PRIMARY KEY (DeploymentId)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per silo incarnation. ProxyPort 0 = the silo has no gateway.
CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    Address      VARCHAR(45) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, -- IPv4 or IPv6 text
    Port         INT NOT NULL,
    Generation   INT NOT NULL,
    SiloName     VARCHAR(150) CHARACTER SET utf8mb4 NOT NULL,
    HostName     VARCHAR(150) CHARACTER SET utf8mb4 NOT NULL,
    Status       INT NOT NULL,
    ProxyPort    INT NOT NULL DEFAULT 0,
    SuspectTimes TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL, -- about 60 chars per vote
    StartTime    DATETIME(3) NOT NULL,
    IAmAliveTime DATETIME(3) NOT NULL,
    CONSTRAINT PK_OrleansMembershipTable PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_OrleansMembershipTable_Version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- ===================================================================== persistence

-- Identity of a row: (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString);
-- the two hashes only feed IX_OrleansStorage (the identity itself is too wide for an index).
-- Id is a surrogate primary key (Galera / innodb_force_primary_key); no query text uses it.
-- LONGBLOB: BLOB would cap a state at 64 KiB. Practical cap is max_allowed_packet, because
-- MySqlConnector inlines the payload as an escaped literal (used once per text below).
-- Version is never NULL in a row: a cleared state keeps its row with PayloadBinary NULL.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    Id                     BIGINT NOT NULL AUTO_INCREMENT,
    GrainIdHash            INT NOT NULL,
    GrainIdN0              BIGINT NOT NULL,
    GrainIdN1              BIGINT NOT NULL,
    GrainTypeHash          INT NOT NULL,
    GrainTypeString        VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    GrainIdExtensionString VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NULL,
    ServiceId              VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    PayloadBinary          LONGBLOB NULL,
    ModifiedOn             DATETIME(3) NOT NULL,
    Version                INT NOT NULL,
    CONSTRAINT PK_OrleansStorage PRIMARY KEY (Id),
    INDEX IX_OrleansStorage (GrainIdHash, GrainTypeHash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- ===================================================================== reminders

-- Key widths: 150 + 300 + 150 chars x 4 bytes = 2400 bytes, under InnoDB 3072-byte limit.
-- GrainId is type/key text. Period is BIGINT ms (periods over 24.8 days exceed INT).
-- GrainHash is the signed ring hash computed by Orleans; never recompute it in SQL.
CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    GrainId      VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    ReminderName VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    StartTime    DATETIME(3) NOT NULL,
    Period       BIGINT NOT NULL,
    GrainHash    INT NOT NULL,
    Version      INT NOT NULL,
    CONSTRAINT PK_OrleansRemindersTable PRIMARY KEY (ServiceId, GrainId, ReminderName),
    INDEX IX_OrleansRemindersTable_GrainHash (ServiceId, GrainHash) -- ring range reads
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- ===================================================================== query texts
-- Rules the texts follow (see the contract): Orleans runs each text as one command with
-- autocommit on and walks every row of every result set, so each text has at most one
-- SELECT. ROW_COUNT() is the row count of the previous statement; for UPDATE it means
-- matched rows under the MySqlConnector default, so every guarded UPDATE bumps a version
-- (matched = changed, whatever UseAffectedRows is). LAST_INSERT_ID(expr) inside an UPDATE
-- is set only by rows it changes: a per-session way to return the new version.
-- VALUES(QueryText) is deprecated on MySQL 8.0.20+ but still valid there and on MariaDB.

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Boolean: 1 if this call created the version row, 0 if it existed. INSERT IGNORE with
-- VALUES takes no locking read, so two silos starting together cannot deadlock or get a
-- duplicate-key error (start-up does not retry this call).
('InsertMembershipVersionKey', '
INSERT IGNORE INTO OrleansMembershipVersionTable (DeploymentId, Timestamp, Version)
VALUES (@DeploymentId, UTC_TIMESTAMP(3), 0);
SELECT ROW_COUNT();
'),

-- LEFT JOIN from the version row: with no members this still returns one row with
-- NULL member columns (StartTime NULL = no member row) and the Version.
('MembershipReadAllKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
       m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
'),

('MembershipReadRowKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
       m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
'),

-- Every versioned membership write locks the version row first (no-op UPDATE) so silos
-- take locks in the same order. Bump the version only if it is still the one read and the
-- member row is new; insert only if the bump happened; answer with the insert row count.
('InsertMembershipKey', '
START TRANSACTION;
UPDATE OrleansMembershipVersionTable SET Version = Version WHERE DeploymentId = @DeploymentId;
UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = UTC_TIMESTAMP(3)
WHERE DeploymentId = @DeploymentId AND Version = @Version
  AND NOT EXISTS (SELECT 1 FROM OrleansMembershipTable
                  WHERE DeploymentId = @DeploymentId AND Address = @Address
                    AND Port = @Port AND Generation = @Generation);
INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName,
    Status, ProxyPort, SuspectTimes, StartTime, IAmAliveTime)
SELECT @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
    @Status, @ProxyPort, NULL, @StartTime, @IAmAliveTime
FROM DUAL WHERE ROW_COUNT() > 0;
SELECT ROW_COUNT();
COMMIT;
'),

-- One two-table UPDATE: changes the member row and bumps the version together, or nothing.
('UpdateMembershipKey', '
START TRANSACTION;
UPDATE OrleansMembershipVersionTable SET Version = Version WHERE DeploymentId = @DeploymentId;
UPDATE OrleansMembershipVersionTable v
JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
SET v.Version = v.Version + 1, v.Timestamp = UTC_TIMESTAMP(3),
    m.Status = @Status, m.SuspectTimes = @SuspectTimes, m.IAmAliveTime = @IAmAliveTime
WHERE v.DeploymentId = @DeploymentId AND v.Version = @Version
  AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation;
SELECT ROW_COUNT() > 0;
COMMIT;
'),

-- Heartbeat: not versioned, must not touch the version row.
('UpdateIAmAlivetimeKey', '
UPDATE OrleansMembershipTable SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
'),

-- Status parameter is always 3 (Active); ProxyPort 0 means no gateway on that silo.
('GatewaysQueryKey', '
SELECT Address, ProxyPort, Generation FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
'),

('DeleteMembershipTableEntriesKey', '
DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
'),

-- Required by 10.4.2. The IAmAliveTime parameter is the cutoff. No version change.
('CleanupDefunctSiloEntriesKey', '
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status <> 3 AND IAmAliveTime < @IAmAliveTime;
'),

-- Optional per-row cleanup: delete the Dead row only if it is unchanged since it was read.
-- SuspectTimes: NULL and empty both mean no votes; compared as bytes.
('CleanupDefunctSiloEntryKey', '
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port
  AND Generation = @Generation AND Status = 6
  AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
  AND CAST(COALESCE(SuspectTimes, '''') AS BINARY) = CAST(COALESCE(@SuspectTimes, '''') AS BINARY);
'),

-- Persistence. Identity match: hashes first (index), then the exact identity;
-- <=> makes NULL extension match NULL only (NULL is not the empty string).
('ReadFromStorageKey', '
SELECT PayloadBinary, UTC_TIMESTAMP(3) AS ReadTimeUtc, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString <=> @GrainIdExtensionString;
'),

-- Write, in one transaction:
-- 1. first write (GrainStateVersion parameter NULL) and no row yet: insert a placeholder row
--    (payload NULL, Version 0). Version 0 never exists outside this transaction, which
--    hides it. Two racing first writers: under InnoDB REPEATABLE READ (the default) the
--    NOT EXISTS read takes gap locks, so the loser gets NULL or a deadlock error, both a
--    failed write. (Under READ COMMITTED both could insert: keep REPEATABLE READ.)
-- 2. reset LAST_INSERT_ID after the insert (the AUTO_INCREMENT Id would set it).
-- 3. one UPDATE with the payload (used once: it is inlined in the packet) that matches the
--    stored version, or our placeholder, and records the new version in LAST_INSERT_ID.
-- 4. answer the new version, or the sent version unchanged when nothing matched.
-- If a statement fails the batch stops before COMMIT; MySqlConnector resets pooled
-- connections, which rolls the open transaction back.
('WriteToStorageKey', '
START TRANSACTION;
INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
    GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
    @GrainIdExtensionString, @ServiceId, NULL, UTC_TIMESTAMP(3), 0
FROM DUAL
WHERE @GrainStateVersion IS NULL
  AND NOT EXISTS (SELECT 1 FROM OrleansStorage
                  WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
                    AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
                    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
                    AND GrainIdExtensionString <=> @GrainIdExtensionString);
DO LAST_INSERT_ID(0);
UPDATE OrleansStorage
SET PayloadBinary = @PayloadBinary, ModifiedOn = UTC_TIMESTAMP(3), Version = LAST_INSERT_ID(Version + 1)
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString <=> @GrainIdExtensionString
  AND (Version = @GrainStateVersion OR (@GrainStateVersion IS NULL AND Version = 0));
SELECT CASE WHEN LAST_INSERT_ID() > 0 THEN LAST_INSERT_ID() ELSE @GrainStateVersion END AS NewGrainStateVersion;
COMMIT;
'),

-- Clear keeps the row (payload NULL) with a higher version; a single UPDATE is atomic.
('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL, ModifiedOn = UTC_TIMESTAMP(3), Version = Version + 1
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString <=> @GrainIdExtensionString
  AND Version = @GrainStateVersion;
SELECT CASE WHEN ROW_COUNT() > 0 THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END AS NewGrainStateVersion;
'),

-- Used instead of Clear when DeleteStateOnClear = true.
('DeleteStorageKey', '
DELETE FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString <=> @GrainIdExtensionString
  AND Version = @GrainStateVersion;
SELECT CASE WHEN ROW_COUNT() > 0 THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END AS NewGrainStateVersion;
'),

-- Reminders. Upsert: a new row gets Version 0, an existing one Version + 1; the session
-- LAST_INSERT_ID returns exactly this call result even under concurrent upserts.
('UpsertReminderRowKey', '
DO LAST_INSERT_ID(0);
INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON DUPLICATE KEY UPDATE
    StartTime = @StartTime, Period = @Period, GrainHash = @GrainHash,
    Version = LAST_INSERT_ID(Version + 1);
SELECT LAST_INSERT_ID() AS Version;
'),

('ReadReminderRowsKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId;
'),

('ReadReminderRowKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
'),

-- Ring range (BeginHash, EndHash] on the signed GrainHash.
('ReadRangeRows1Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;
'),

-- Wrapping range (also begin = end: the whole ring).
('ReadRangeRows2Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
'),

('DeleteReminderRowKey', '
DELETE FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
  AND Version = @Version;
SELECT ROW_COUNT();
'),

('DeleteReminderRowsKey', '
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;
')

ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);
