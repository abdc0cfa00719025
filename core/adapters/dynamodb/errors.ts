// Storage errors that callers act on. Anything else from DynamoDB means "storage is unavailable".
import { StorageUnavailableError } from '../../app/errors.ts';

export { StorageUnavailableError };

/** Runs a storage call; turns network, throttling and service errors into StorageUnavailableError. */
export async function storageCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof StorageUnavailableError) throw error;
    const name = (error as { name?: string }).name ?? '';
    // Errors that describe the request, not an outage, are programming errors: let them surface as such.
    if (name === 'ValidationException' || name === 'ResourceNotFoundException' || name === 'SerializationException') {
      throw error;
    }
    throw new StorageUnavailableError(error);
  }
}
