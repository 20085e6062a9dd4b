import { createServer, type Server } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { APP_ORIGIN, createAppProtocolHandler } from '../../electron/protocol';

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves one folder on 127.0.0.1 (random port) through the app's own `app://` protocol handler
 * (electron/protocol.ts): each request is answered exactly as Electron's `protocol.handle` would
 * answer the same path under app://sysdrill, refusals included.
 */
export async function serveFolder(root: string): Promise<StaticServer> {
  const handle = createAppProtocolHandler(root);
  const server: Server = createServer((request, response) => {
    const rawPath = request.url ?? '/';
    void handle(new Request(`${APP_ORIGIN}${rawPath.startsWith('/') ? rawPath : `/${rawPath}`}`, { method: request.method ?? 'GET' })).then(
      (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        if (answer.body === null) response.end();
        else Readable.fromWeb(answer.body as NodeReadableStream).pipe(response);
      },
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
