import { createPlatform, type Platform } from '../../src/api/platform.ts';
import type { Role } from '../../src/contract/vocabulary.ts';
import type { Operator } from '../../src/org/lead-disclosure.ts';
import { SYSTEM_OPERATOR } from '../../src/org/operator.ts';
import { Database } from '../../src/store/database.ts';

export const TEST_PASSWORD = 'Harbour-Lamp-2025';

/** The platform's services over a fresh DuckDB file, the units of province 33 in place. */
export async function openTestPlatform(
  path: string,
): Promise<{ db: Database; platform: Platform }> {
  const db = await Database.open(path);
  const platform = createPlatform(db);
  await platform.org.bootstrap('33');
  return { db, platform };
}

/** A user of a unit (known password, no reveal right) and the operator it acts as. */
export async function addTestUser(
  platform: Platform,
  username: string,
  unitId: string,
  roles: Role[] = ['prosecutor'],
  displayName = `检察官${username}`,
): Promise<Operator> {
  const { user } = await platform.org.createUser(SYSTEM_OPERATOR, {
    username,
    displayName,
    unitId,
    roles,
    canViewFullId: false,
    password: TEST_PASSWORD,
  });
  return { userId: user.id, username, unitId, ip: '127.0.0.1', canViewFullId: false };
}
