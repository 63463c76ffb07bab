/** A document that cannot be read (encrypted, too large, corrupt); the message is Chinese and names no file (the caller adds it). */
export class ReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}
