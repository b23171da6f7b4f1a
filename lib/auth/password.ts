import bcrypt from 'bcryptjs';

const COST = 11;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

// Compared against when the e-mail is unknown, so both failures take the same time: a hash of a random
// string at COST, written out rather than computed when the module loads (hashSync at cost 11 held the
// server's event loop ~0.4 s on the first request that imported this module).
const dummyHash = '$2b$11$RlCGhtEUnNt7KQxu/9LohencEtHowrKSSknhWG5.4Jw3/67SG/VQu';
if (bcrypt.getRounds(dummyHash) !== COST) throw new Error('lib/auth/password: the dummy hash must be made at COST');
export function burnPasswordCheck(plain: string): Promise<boolean> {
  return bcrypt.compare(plain, dummyHash);
}
