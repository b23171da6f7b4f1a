import bcrypt from 'bcryptjs';

const COST = 11;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

// Compared against when the e-mail is unknown, so both failures take the same time.
const dummyHash = bcrypt.hashSync('clustermatch-timing-equaliser', COST);
export function burnPasswordCheck(plain: string): Promise<boolean> {
  return bcrypt.compare(plain, dummyHash);
}
