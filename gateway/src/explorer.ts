import { isRole, signDevelopmentToken, sendJsonError, type Role } from '@samen-sterk/subgraph-runtime';
import express, { type Request, type Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Development aids of the gateway, never mounted in production:
 *
 * - the GraphQL explorer (GraphiQL, from the npm registry, served from our own node_modules:
 *   nothing from a CDN) at `GET /graphql` for browsers, with a "sign in as" picker;
 * - `GET /dev/demo-users`: the demo seed's sample users (one per role, and a director holding several);
 * - `POST /dev/sign-in {"user": "<id>"}`: a short-lived development token for one of them. It
 *   signs the claims of that demo user and nothing a caller chooses.
 */

/** A demo user of the seed, as the gateway is told about it (the gateway imports no subgraph). */
export interface DemoUser {
  id: string;
  name: string;
  /** The (first) role as a token claim (`member-admin`). */
  role: string;
  /** Every role of the user as token claims; one for most, several for the director. */
  roles: string[];
  memberId: string | null;
  employeeId: string | null;
  payrollMemberIds: string[];
}

/** How long a token from `/dev/sign-in` lives. */
export const DEMO_TOKEN_LIFETIME = '2h';

const EXPLORER_PATH = '/dev/explorer';

/** Files of the explorer page: our names → files in node_modules (resolved once). */
function explorerAssets(): Record<string, { file: string; type: string }> {
  const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
  const react = packageDir('react');
  const reactDom = packageDir('react-dom');
  const graphiql = packageDir('graphiql');
  return {
    'react.js': { file: path.join(react, 'umd', 'react.production.min.js'), type: 'text/javascript' },
    'react-dom.js': { file: path.join(reactDom, 'umd', 'react-dom.production.min.js'), type: 'text/javascript' },
    'graphiql.js': { file: path.join(graphiql, 'graphiql.min.js'), type: 'text/javascript' },
    'graphiql.css': { file: path.join(graphiql, 'graphiql.min.css'), type: 'text/css' },
    'explorer.js': { file: path.join(__dirname, 'explorer', 'explorer.js'), type: 'text/javascript' },
    'explorer.css': { file: path.join(__dirname, 'explorer', 'explorer.css'), type: 'text/css' },
  };
}

const EXPLORER_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Samen Sterk GraphQL explorer (development)</title>
    <link rel="stylesheet" href="${EXPLORER_PATH}/graphiql.css" />
    <link rel="stylesheet" href="${EXPLORER_PATH}/explorer.css" />
  </head>
  <body>
    <div id="explorer"><p class="loading">Loading the explorer…</p></div>
    <script src="${EXPLORER_PATH}/react.js"></script>
    <script src="${EXPLORER_PATH}/react-dom.js"></script>
    <script src="${EXPLORER_PATH}/graphiql.js"></script>
    <script src="${EXPLORER_PATH}/explorer.js"></script>
  </body>
</html>
`;

/** Does this GET come from a browser that wants a page rather than a GraphQL answer? */
export function prefersHtml(req: Request): boolean {
  return (
    req.method === 'GET' &&
    req.accepts(['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html']) ===
      'text/html'
  );
}

/** The explorer page and its files; mount before `/graphql`'s GraphQL handlers. */
export function explorerRoutes(): Router {
  const router = express.Router();
  const assets = explorerAssets();
  router.get('/graphql', (req, res, next) => {
    if (!prefersHtml(req)) return next();
    res.type('html').set('cache-control', 'no-store').send(EXPLORER_HTML);
  });
  // Read once, on first use (about 1.5 MB in all), and answered from memory.
  const loaded = new Map<string, Buffer>();
  router.get(`${EXPLORER_PATH}/:file`, (req, res) => {
    const name = req.params.file;
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!asset) return sendJsonError(res, 404, 'NOT_FOUND', 'The explorer has no such file.');
    let content = loaded.get(name);
    if (!content) {
      content = fs.readFileSync(asset.file);
      loaded.set(name, content);
    }
    res.type(asset.type).set('cache-control', 'public, max-age=300').send(content);
  });
  return router;
}

/** The token claims of a demo user: the same `pnpm -s token --role <role>` gives. */
function claimsOf(user: DemoUser) {
  const roles = user.roles as Role[];
  return {
    sub: user.id,
    name: user.name,
    roles,
    ...(user.memberId ? { memberId: user.memberId } : {}),
    ...(user.employeeId ? { employeeId: user.employeeId } : {}),
    ...(roles.includes('payroll-service') ? { payrollMemberIds: user.payrollMemberIds } : {}),
  };
}

/** `/dev/demo-users` and `/dev/sign-in`. */
export function demoSignInRoutes(demoUsers: readonly DemoUser[]): Router {
  const users = demoUsers.filter((user) => user.roles.length > 0 && user.roles.every(isRole));
  const router = express.Router();
  router.get('/dev/demo-users', (_req, res) => {
    res.set('cache-control', 'no-store').json({
      users: users.map(({ id, name, role, roles, memberId }) => ({ id, name, role, roles, memberId })),
    });
  });
  router.post('/dev/sign-in', express.json({ limit: '2kb', strict: false }), async (req, res, next) => {
    const body: unknown = req.body;
    const wanted =
      body !== null && typeof body === 'object' && 'user' in body && typeof body.user === 'string' ? body.user : null;
    if (wanted === null) {
      return sendJsonError(
        res,
        400,
        'BAD_USER_INPUT',
        'Send a JSON object naming a demo user, such as {"user": "<id>"}; GET /dev/demo-users lists them.',
      );
    }
    const user = users.find((candidate) => candidate.id === wanted);
    if (!user) {
      return sendJsonError(
        res,
        400,
        'BAD_USER_INPUT',
        'There is no demo user with that id; GET /dev/demo-users lists them.',
      );
    }
    try {
      const token = await signDevelopmentToken(claimsOf(user), { expiresIn: DEMO_TOKEN_LIFETIME });
      res.set('cache-control', 'no-store').json({
        token,
        expiresIn: DEMO_TOKEN_LIFETIME,
        user: { id: user.id, name: user.name, role: user.role, roles: user.roles, memberId: user.memberId },
      });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
