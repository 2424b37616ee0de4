import { createServer, connect, Server, Socket } from 'node:net';

/** A TCP hop in front of the test MongoDB that a test can cut (MongoDB "goes down") and restore. */
export interface MongoProxy {
  /** MONGO_URL through the proxy. */
  readonly url: string;
  /** Drops every open connection and refuses new ones until restored. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startMongoProxy(
  target = new URL(String(process.env['MONGO_URL'])),
): Promise<MongoProxy> {
  let down = false;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server: Server = createServer((client) => {
    if (down) return void client.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    [client, upstream].forEach(track);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  // Listening stays on: the port is never given up, so nothing else can take it meanwhile.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  const url = new URL(target.toString());
  url.hostname = '127.0.0.1';
  url.port = String(address.port);
  return {
    url: url.toString(),
    cut: () => {
      down = true;
      sockets.forEach((socket) => socket.destroy());
    },
    restore: () => {
      down = false;
    },
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
