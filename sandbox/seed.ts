// Default demo data: a Colombian fintech's two Banking accounts, Core subaccounts with balances,
// and three API keys. Ids are fixed so docs, env files and tests can name them.
import type { TMonoAccount, TMonoCurrency } from "../lib/mono/contract";
import type { Sandbox } from "./context";
import { post } from "./engine/ledger";
import { ID_PATTERN, newId } from "./ids";
import type { TApiKey, TLedgerAccountRec } from "./state";

export const DEFAULT_API_KEYS: TApiKey[] = [
  { key: "sk_sandbox_administrator", role: "Administrator", label: "Sandbox administrator" },
  { key: "sk_sandbox_preparer", role: "Preparer", label: "Sandbox preparer" },
  { key: "sk_sandbox_viewer", role: "Viewer", label: "Sandbox viewer" },
];

export const SEED = {
  holderId: "acch_3TesoreriaSandbox0001a",
  programId: "pro_1ProgramaSandbox00001a",
  accounts: {
    operations: "acc_5tgliBmzjZ6mpQPRbQjfKj",
    payroll: "acc_2Nomina7kQ9xVbR4sTuW1z",
    canceled: "acc_0Cancelada3hJ8pLmN5qRx",
  },
  ledgerAccounts: {
    suppliers: "lacc_4PagosProveedores9aBcD",
    refunds: "lacc_7Reembolsos2kLmNpQrStU",
    blocked: "lacc_9Bloqueada5xYz1aB2cD3e",
  },
} as const;

type TAccountSeed = {
  id: string;
  name: string;
  number: string;
  pesos: number;
  state: TMonoAccount["state"];
  insertedAt?: string;
};
type TLedgerSeed = {
  id: string;
  name: string;
  pesos: number;
  currency: TMonoCurrency;
  blocked?: boolean;
  insertedAt?: string;
};

export function createAccount(sb: Sandbox, s: TAccountSeed): TMonoAccount {
  const now = sb.nowIso();
  const acc: TMonoAccount = {
    id: s.id,
    name: s.name,
    number: s.number,
    provider: "coopcentral",
    state: s.state,
    type: "savings_account",
    balance: { available: { amount: s.pesos * 100, currency: "COP" }, updated_at: now },
    inserted_at: s.insertedAt ?? now,
    updated_at: now,
  };
  sb.state.accounts.set(acc.id, acc);
  return acc;
}

export function createLedgerAccount(sb: Sandbox, s: TLedgerSeed): TLedgerAccountRec {
  const acc: TLedgerAccountRec = {
    id: s.id,
    currency_code: s.currency,
    holder_id: SEED.holderId,
    metadata: {},
    name: s.name,
    program_id: SEED.programId,
    provider: "mono_ledger",
    state: s.blocked ? "blocked" : "active",
    state_reason: s.blocked ? "temporary" : null,
    state_reason_detail: null,
    type: "subaccount",
    inserted_at: s.insertedAt ?? sb.nowIso(),
    updated_at: s.insertedAt ?? sb.nowIso(),
    available: 0,
    pending: 0,
  };
  sb.state.ledgerAccounts.set(acc.id, acc);
  if (s.pesos > 0) {
    post(sb, {
      account: acc,
      type: "credit",
      amount: s.pesos * 100,
      origin: "subaccount_operation",
      idInOrigin: newId("accop"),
      description: "Initial top-up",
    });
  }
  return acc;
}

export function seedDefaults(sb: Sandbox): void {
  const ids = [
    ...Object.values(SEED.accounts),
    ...Object.values(SEED.ledgerAccounts),
    SEED.holderId,
    SEED.programId,
  ];
  for (const id of ids) if (!ID_PATTERN.test(id)) throw new Error(`seed id ${id} is not a Mono id`);
  createAccount(sb, {
    id: SEED.accounts.operations,
    name: "Operaciones",
    number: "3100012345",
    pesos: 850_000_000,
    state: "active",
    insertedAt: "2025-03-03T14:00:00.000Z",
  });
  createAccount(sb, {
    id: SEED.accounts.payroll,
    name: "Dispersión nómina",
    number: "3100067890",
    pesos: 320_000_000,
    state: "active",
    insertedAt: "2024-08-01T14:00:00.000Z",
  });
  createAccount(sb, {
    id: SEED.accounts.canceled,
    name: "Cuenta antigua",
    number: "3100000017",
    pesos: 0,
    state: "canceled",
    insertedAt: "2023-02-10T14:00:00.000Z",
  });
  createLedgerAccount(sb, {
    id: SEED.ledgerAccounts.suppliers,
    name: "Pagos a proveedores",
    pesos: 450_000_000,
    currency: "COP",
    insertedAt: "2025-03-03T15:00:00.000Z",
  });
  createLedgerAccount(sb, {
    id: SEED.ledgerAccounts.refunds,
    name: "Reembolsos clientes",
    pesos: 120_000_000,
    currency: "COP",
    insertedAt: "2025-02-03T15:00:00.000Z",
  });
  createLedgerAccount(sb, {
    id: SEED.ledgerAccounts.blocked,
    name: "Cuenta bloqueada",
    pesos: 5_000_000,
    currency: "COP",
    blocked: true,
    insertedAt: "2024-11-20T15:00:00.000Z",
  });
}
