export const MIN_PASSWORD_LENGTH = 12;
/** Bounds the work one sign-in request can ask of the hasher. */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Why a new password is refused, or null. NIST SP 800-63B §5.1.1.2: length counts, composition
 * rules do not; characters are counted after the normalization the hasher applies.
 */
export function passwordProblem(password: string, username: string): string | null {
  const normalized = password.normalize('NFKC');
  const length = [...normalized].length;
  if (length < MIN_PASSWORD_LENGTH)
    return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  if (normalized.trim().toLowerCase() === username.toLowerCase()) return 'must not be the username';
  return null;
}
