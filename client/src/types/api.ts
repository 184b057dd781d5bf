// Shapes of the backend's JSON, as documented in docs/API.md.

export type Role = 'customer' | 'enterprise' | 'support' | 'admin';
export type AccountStatus = 'active' | 'pending_approval' | 'suspended';

export interface TierRef {
  id: string;
  name: string;
}

export interface Profile {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  tier: TierRef;
  status: AccountStatus;
  freeTierRequestedAt: string | null;
  balance: number;
  totalSpent: number;
  monthlyTokenLimit: number | null;
  monthlyTokensUsed: number;
  createdAt: string;
}

export interface AuthResult {
  token: string;
  expiresAt: string;
  user: Profile;
}

export interface ModelLimitUsage {
  modelId: string;
  externalId: string;
  modelName: string;
  companyName: string;
  requestsPerMinute: number;
  requestsPerDay: number;
  tokensPerMinute: number;
  tokensPerDay: number;
  remainingRequestsMinute: number;
  remainingRequestsDay: number;
  remainingTokensMinute: number;
  remainingTokensDay: number;
  resetMinuteAt: string | null;
  resetDayAt: string | null;
}

export interface ProfileLimits {
  balance: number;
  totalSpent: number;
  monthlyTokenLimit: number | null;
  monthlyTokensUsed: number;
  tier: TierRef;
  models: ModelLimitUsage[];
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  models: string[] | null;
}

export interface CreatedApiKey {
  key: string;
  apiKey: ApiKey;
}

export interface RequestRow {
  id: string;
  requestId: string;
  createdAt: string;
  model: string;
  modelId: string;
  keyId: string | null;
  keyName: string | null;
  endpoint: string;
  inputTokens: number;
  outputTokens: number;
  inputCost: number;
  outputCost: number;
  totalCost: number;
  statusCode: number;
  status: string;
  latencyMs: number;
  streamed: boolean;
}

export interface RequestTotals {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  inputCost: number;
  outputCost: number;
  totalCost: number;
}

export interface RequestPage {
  items: RequestRow[];
  nextCursor: string | null;
  totals: RequestTotals;
}

export interface Company {
  id: string;
  name: string;
  description: string | null;
  logoKey: string | null;
  website: string | null;
  modelCount: number;
}

export type Capability =
  | 'vision'
  | 'function_calling'
  | 'streaming'
  | 'json_mode'
  | 'reasoning'
  | 'embeddings'
  | 'audio';

export const CAPABILITIES: readonly Capability[] = [
  'vision',
  'function_calling',
  'streaming',
  'json_mode',
  'reasoning',
  'embeddings',
  'audio',
];

export interface ModelSummary {
  id: string;
  externalId: string;
  name: string;
  companyId: string;
  companyName: string;
  mode: string | null;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  inputPricePerMillion: number;
  outputPricePerMillion: number;
  isFree: boolean;
  isAvailable: boolean;
  capabilities: string[];
  tiers: string[];
}

export interface TierLimit {
  tierId: string;
  tierName: string;
  requestsPerMinute: number;
  requestsPerDay: number;
  tokensPerMinute: number;
  tokensPerDay: number;
  inherited: boolean;
}

export interface ModelDetail extends ModelSummary {
  description: string | null;
  limits: TierLimit[];
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Tier {
  id: string;
  name: string;
  description: string | null;
  isFree: boolean;
  price: number;
  sortOrder: number;
  upgradeThreshold: number | null;
}

export interface RateLimit {
  id: string;
  modelId: string;
  modelName: string;
  tierId: string;
  tierName: string;
  requestsPerMinute: number;
  requestsPerDay: number;
  tokensPerMinute: number;
  tokensPerDay: number;
}

export interface SyncRun {
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  companiesCreated: number;
  error: string | null;
}

export interface SyncStatus {
  running: boolean;
  liteLlmConfigured: boolean;
  lastRun: SyncRun | null;
}

export interface ModelConfigValues {
  isEnabled: boolean;
  isFree: boolean;
  inputPricePerMillion: number;
  outputPricePerMillion: number;
}

export interface AdminModel extends ModelSummary {
  config: ModelConfigValues | null;
  liteLlmInputPricePerMillion: number | null;
  liteLlmOutputPricePerMillion: number | null;
  lastSyncedAt: string | null;
}

export interface AdminUser extends Profile {
  updatedAt: string;
}

export interface AuditEntry {
  id: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  createdAt: string;
}

/** RFC 7807 problem details, as every /api error answers. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}
