import express, { type Request, type Response } from 'express';
import { AppError, badRequest, tooLarge } from '../../errors';

/**
 * Audio routes read their own body (RouteDef.rawBody), after the router has
 * checked the session and role, so an anonymous caller cannot make the server
 * buffer megabytes. Parser failures become the app's problem+json errors.
 */
export async function readRawBody(req: Request, res: Response, limitMb: number, what: string): Promise<Buffer> {
  if (Buffer.isBuffer(req.body)) return req.body;
  // express.json has already consumed a JSON body: there is no audio in it.
  if (req.is('application/json')) return Buffer.alloc(0);
  const parser = express.raw({ type: () => true, limit: limitMb * 1024 * 1024 });
  try {
    await new Promise<void>((resolve, reject) => parser(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
  } catch (error) {
    const status = (error as { status?: number; type?: string }).status;
    if (status === 413) throw tooLarge(`${what} är för stor. Högst ${limitMb} MB tas emot.`);
    if (error instanceof AppError) throw error;
    throw badRequest(`${what} kunde inte läsas.`);
  }
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}
