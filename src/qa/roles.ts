/** Who wrote a turn; `system` lines (transfers, session notes) are not turns and are dropped. */
export type QaRole = 'customer' | 'agent' | 'system';

/**
 * The role values of the usual helpdesk exports, compared after trimming and lower-casing;
 * traditional-character forms included (Taiwanese and Hong Kong exports write them).
 */
const ROLE_VALUES: Readonly<Record<string, QaRole>> = {
  customer: 'customer',
  顾客: 'customer',
  顧客: 'customer',
  买家: 'customer',
  買家: 'customer',
  客户: 'customer',
  客戶: 'customer',
  用户: 'customer',
  用戶: 'customer',
  buyer: 'customer',
  agent: 'agent',
  客服: 'agent',
  卖家: 'agent',
  賣家: 'agent',
  商家: 'agent',
  seller: 'agent',
  staff: 'agent',
  system: 'system',
  系统: 'system',
  系統: 'system',
};

/** The export role values `mapRole` knows, for messages. */
export const KNOWN_ROLE_VALUES: readonly string[] = Object.keys(ROLE_VALUES);

/** The role an export's value names, or undefined when it names none. */
export function mapRole(value: string): QaRole | undefined {
  const key = value.trim().toLowerCase();
  return Object.hasOwn(ROLE_VALUES, key) ? ROLE_VALUES[key] : undefined;
}
