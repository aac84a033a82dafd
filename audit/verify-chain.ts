import type Database from "better-sqlite3";
import { recordHash } from "./chain.js";
import { verifySigned, type CheckpointKeys } from "./checkpoint-signer.js";
import type { CheckpointClaim } from "./chain.js";
import { AuditStrings } from "./audit-strings.js";
import { storedToRecord, type StoredRecordRow } from "./record-row.js";
import { allSeals, logIdOf, type SealClaim, type SealRow } from "./seals.js";
import type { WitnessEntry } from "./witness.js";

/** What `auditIntegrity` answers (CONTRACT §6). */
export interface AuditIntegrity {
  readonly ok: boolean;
  readonly records: number;
  /** The first record that does not chain or is missing; null when all do (or what is missing belongs to a log that is gone). */
  readonly firstBrokenId: string | null;
  /** The first problem found, in one line; null when ok. */
  readonly problem: string | null;
  /** Every problem found, in the order checked. */
  readonly problems: readonly string[];
}

interface Problem {
  readonly id: number | null;
  readonly text: string;
}

interface CheckpointRow {
  readonly seq: number;
  readonly headId: number;
  readonly headHash: string;
  readonly signature: string;
}

/**
 * Re-verifies the log: its seals (what retention archived — signed, contiguous), every
 * record after them (each number follows the one before, its hash covers its fields and
 * its predecessor's), every signed checkpoint, and — when a witness outside the store is
 * given — the furthest checkpoint the witness holds for this log and for any other log of
 * the same replica. An edit, a deletion, a reordering, a chain rewritten up to a
 * checkpoint, a log truncated, emptied or replaced: each is found and says what is missing.
 */
export async function verifyAuditChain(db: Database.Database, keys: CheckpointKeys, witness: readonly WitnessEntry[] | null = null): Promise<AuditIntegrity> {
  const problems: Problem[] = [];
  const seals = allSeals(db);
  let expectedId = 1;
  let prevHash = "0".repeat(64);
  for (const seal of seals) {
    const problem = await sealProblem(seal, expectedId, prevHash, keys);
    if (problem) problems.push(problem);
    expectedId = seal.toId + 1;
    prevHash = seal.headHash;
  }
  const archivedThrough = expectedId - 1;

  const checkpoints = db.prepare(`SELECT id AS seq, head_id AS headId, head_hash AS headHash, signature FROM audit_checkpoints ORDER BY id`).all() as CheckpointRow[];
  const wanted = new Set(checkpoints.map((c) => c.headId));
  for (const e of witness ?? []) wanted.add(e.headId);
  const hashes = new Map<number, string>();
  let records = 0;
  let chainBroken = false;
  const strings = new AuditStrings(db);
  for (const row of db.prepare(`SELECT * FROM audit_records ORDER BY id`).iterate() as IterableIterator<StoredRecordRow>) {
    const record = storedToRecord(row, strings);
    records++;
    if (wanted.has(record.id)) hashes.set(record.id, record.hash);
    if (chainBroken) continue;
    let text: string | null = null;
    if (record.id !== expectedId) text = `record ${expectedId} is missing (deleted) before record ${record.id}`;
    else if (record.prevHash !== prevHash) text = `record ${record.id} does not follow its predecessor (moved or edited)`;
    else if (recordHash(prevHash, record.id, record) !== record.hash) text = `record ${record.id} was edited`;
    if (text) {
      problems.push({ id: record.id, text });
      chainBroken = true;
    }
    prevHash = record.hash;
    expectedId = record.id + 1;
  }
  const lastId = expectedId - 1;

  for (const [i, c] of checkpoints.entries()) {
    const expectedSeq = i === 0 ? 1 : checkpoints[i - 1]!.seq + 1;
    if (c.seq !== expectedSeq) {
      const missing = c.seq - 1 === expectedSeq ? `#${expectedSeq} is` : `#${expectedSeq}–#${c.seq - 1} are`;
      problems.push({ id: null, text: `checkpoint ${missing} missing (deleted)` });
    }
    const claim = await verifySigned<CheckpointClaim>(c.signature, keys, "checkpoint");
    if (!claim || claim.headId !== c.headId || claim.headHash !== c.headHash) {
      problems.push({ id: c.headId, text: `checkpoint #${c.seq} at record ${c.headId} is not signed by the platform` });
      continue;
    }
    problems.push(...headProblems(c.headId, c.headHash, `its signed checkpoint #${c.seq}`, lastId, archivedThrough, hashes, seals));
  }

  if (witness) problems.push(...(await witnessProblems(db, witness, keys, checkpoints, lastId, archivedThrough, hashes, seals)));
  const first = problems[0];
  return {
    ok: problems.length === 0,
    records,
    firstBrokenId: first ? (problems.find((p) => p.id !== null)?.id?.toString() ?? null) : null,
    problem: first?.text ?? null,
    problems: problems.map((p) => p.text),
  };
}

/** A seal must be the platform's, over exactly its row, and continue the one before it. */
async function sealProblem(seal: SealRow, expectedId: number, prevHash: string, keys: CheckpointKeys): Promise<Problem | null> {
  const range = `${seal.fromId}–${seal.toId}`;
  if (seal.fromId !== expectedId || seal.toId < seal.fromId) {
    return { id: expectedId, text: `the archive seal of records ${range} does not continue the one before it (records from ${expectedId} are missing)` };
  }
  if (seal.signature === "") {
    // Archived by a version that kept seals only in files: the gateway signs it at its first
    // start with a witness; unsigned after that, a local user wrote it.
    return { id: seal.fromId, text: `the archive seal of records ${range} is not signed: records ${range} were deleted without a signed archive` };
  }
  const claim = await verifySigned<SealClaim>(seal.signature, keys, "seal");
  const same =
    claim !== null &&
    claim.fromId === seal.fromId && claim.toId === seal.toId && claim.count === seal.count &&
    claim.firstPrevHash === seal.firstPrevHash && claim.headHash === seal.headHash && claim.sha256 === seal.sha256 && claim.at === seal.at;
  if (!same) return { id: seal.fromId, text: `the archive seal of records ${range} is not signed by the platform: records ${range} were deleted without an archive` };
  if (seal.firstPrevHash !== prevHash) return { id: seal.fromId, text: `the archive seal of records ${range} does not follow the chain before it` };
  return null;
}

/** Whether the record a signature names is still there with the hash it signed (or inside a seal that ends on it). */
function headProblems(
  headId: number, headHash: string, what: string, lastId: number, archivedThrough: number,
  hashes: ReadonlyMap<number, string>, seals: readonly SealRow[],
): Problem[] {
  if (headId > lastId) {
    const from = Math.max(lastId, archivedThrough) + 1;
    return [{ id: from, text: `records ${from}–${headId} are missing (deleted): ${what} signed record ${headId}` }];
  }
  if (headId <= archivedThrough) {
    const seal = seals.find((s) => s.toId === headId);
    return seal && seal.headHash !== headHash ? [{ id: headId, text: `the archive ending at record ${headId} does not match ${what}` }] : [];
  }
  const hash = hashes.get(headId);
  if (hash === undefined) return [{ id: headId, text: `record ${headId}, which ${what} signed, is missing (deleted)` }];
  return hash !== headHash ? [{ id: headId, text: `the chain up to record ${headId} was rewritten: it no longer matches ${what}` }] : [];
}

async function witnessProblems(
  db: Database.Database, witness: readonly WitnessEntry[], keys: CheckpointKeys, checkpoints: readonly CheckpointRow[],
  lastId: number, archivedThrough: number, hashes: ReadonlyMap<number, string>, seals: readonly SealRow[],
): Promise<Problem[]> {
  const logId = logIdOf(db);
  const problems: Problem[] = [];
  for (const e of witness) {
    const claim = await verifySigned<CheckpointClaim>(e.signature, keys, "checkpoint");
    if (!claim || claim.headId !== e.headId || claim.headHash !== e.headHash) {
      problems.push({ id: null, text: `the witness holds a checkpoint of log ${e.logId} that the platform did not sign` });
      continue;
    }
    const what = `the checkpoint its witness holds (#${e.seq}, ${e.at})`;
    if (e.logId !== logId) {
      problems.push({
        id: null,
        text: `log ${e.logId} is gone (deleted or replaced by log ${logId ?? "without an id"}): records 1–${e.headId} of it are missing; ${what} signed record ${e.headId}`,
      });
      continue;
    }
    const found = headProblems(e.headId, e.headHash, what, lastId, archivedThrough, hashes, seals);
    problems.push(...found);
    if (found.length === 0 && !checkpoints.some((c) => c.seq === e.seq && c.signature === e.signature)) {
      problems.push({ id: null, text: `checkpoint #${e.seq}, which its witness holds, is missing from the log (deleted)` });
    }
  }
  return problems;
}
