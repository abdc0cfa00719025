// DynamoDB's TTL deletes expired items days late (DynamoDB Local never does), so every read filters them itself:
// an item whose `expiresAt` (epoch seconds) has passed is read as absent. One rule for every repository.
export function isExpired(item: Record<string, unknown>, now: Date): boolean {
  const expiresAt = item.expiresAt;
  return typeof expiresAt === 'number' && expiresAt * 1000 <= now.getTime();
}
