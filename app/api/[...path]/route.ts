import { unknownApiRoute } from '@/lib/api/handler';

// Without this, an unknown /api path would render the HTML not-found page (and try to read a form
// body as a server action's); API clients get a JSON 404 instead, for every method.
export const GET = unknownApiRoute;
export const POST = unknownApiRoute;
export const PUT = unknownApiRoute;
export const PATCH = unknownApiRoute;
export const DELETE = unknownApiRoute;
