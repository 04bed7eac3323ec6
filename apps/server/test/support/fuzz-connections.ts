// Drives fuzzing connections: sends frames over parallel WebSockets, each frame followed by a
// ping whose pong proves the server read it and kept the connection; reconnects whenever the
// server closes one, and resends what it had not read yet. Counts outcomes and violations.
import { CloseCode } from '@uccn/protocol';
import WebSocket from 'ws';
import { type FuzzFrame, hex } from './fuzz-frames';

/** Frames in flight per connection: pipelining without losing track of which one closed it. */
const PIPELINE = 4;
/** How long a frame may go without its pong or a close before the connection counts as hung. */
const HUNG_MS = 30_000;

export type Target = 'read' | 'write';

export interface FrameStream {
  target: Target;
  url: string;
  /** The next frame, or null when this stream is done. */
  next(): FuzzFrame | null;
}

export interface FuzzStats {
  frames: number;
  /** Frames after which the connection stayed open. */
  kept: number;
  connections: number;
  refused: number;
  closes: Record<string, number>;
  kinds: Record<string, { frames: number; closed: number }>;
  ms: number;
}

export function emptyStats(): FuzzStats {
  return { frames: 0, kept: 0, connections: 0, refused: 0, closes: {}, kinds: {}, ms: 0 };
}

/**
 * Sends every stream's frames, one connection per stream at a time, and records what happened
 * to each frame in `stats`; what should not have happened goes to `violations`.
 */
export async function sendStreams(
  streams: FrameStream[],
  options: { maxFrameBytes: number; stats: FuzzStats; violations: string[] },
) {
  const started = performance.now();
  await Promise.all(streams.map((stream) => runStream(stream, options)));
  options.stats.ms += performance.now() - started;
}

async function runStream(
  stream: FrameStream,
  options: { maxFrameBytes: number; stats: FuzzStats; violations: string[] },
) {
  const { stats } = options;
  const retry: FuzzFrame[] = [];
  let exhausted = false;
  const nextFrame = () => {
    const frame = retry.shift() ?? (exhausted ? null : stream.next());
    if (!frame) exhausted = true;
    return frame;
  };
  while (!exhausted || retry.length > 0) {
    const socket = await connect(stream.url);
    if (typeof socket === 'number') {
      stats.refused += 1;
      if (stats.refused > 100) throw new Error(`upgrades keep failing (HTTP ${socket})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    stats.connections += 1;
    retry.push(...(await drive(socket, stream.target, nextFrame, options)));
  }
}

/** Sends frames on one connection until it closes; returns those the server never read. */
function drive(
  socket: WebSocket,
  target: Target,
  nextFrame: () => FuzzFrame | null,
  {
    maxFrameBytes,
    stats,
    violations,
  }: { maxFrameBytes: number; stats: FuzzStats; violations: string[] },
): Promise<FuzzFrame[]> {
  const violate = (what: string, frame: FuzzFrame | undefined) => {
    if (violations.length < 50) violations.push(describeViolation(what, target, frame));
  };
  return new Promise((resolve) => {
    const inFlight: FuzzFrame[] = [];
    let finishing = false;
    let watchdog: NodeJS.Timeout | undefined;
    const pump = () => {
      while (inFlight.length < PIPELINE && socket.readyState === WebSocket.OPEN) {
        const frame = nextFrame();
        if (!frame) break;
        inFlight.push(frame);
        socket.send(frame.data, { binary: !frame.text });
        socket.ping();
      }
      clearTimeout(watchdog);
      if (inFlight.length === 0) {
        finishing = true;
        socket.close();
        return;
      }
      watchdog = setTimeout(() => {
        violate('the connection hung (no pong, no close) after', inFlight[0]);
        socket.terminate();
      }, HUNG_MS);
    };
    socket.on('pong', () => {
      const frame = inFlight.shift();
      if (!frame) return;
      count(stats, frame, null);
      if (frame.mustClose) violate('the connection stayed open after', frame);
      pump();
    });
    socket.on('close', (code: number) => {
      clearTimeout(watchdog);
      const culprit = finishing ? undefined : inFlight.shift();
      if (culprit) {
        count(stats, culprit, code);
        if (!expectedClose(target, culprit, code, maxFrameBytes)) {
          violate(`unexpected close code ${code} after`, culprit);
        }
      }
      resolve(inFlight.splice(0));
    });
    pump();
  });
}

function count(stats: FuzzStats, frame: FuzzFrame, closeCode: number | null) {
  stats.frames += 1;
  const kind = stats.kinds[frame.kind] ?? { frames: 0, closed: 0 };
  stats.kinds[frame.kind] = kind;
  kind.frames += 1;
  if (closeCode === null) {
    stats.kept += 1;
    return;
  }
  kind.closed += 1;
  stats.closes[closeCode] = (stats.closes[closeCode] ?? 0) + 1;
}

/** Close codes a fuzzed frame may lead to. */
function expectedClose(target: Target, frame: FuzzFrame, code: number, maxFrameBytes: number) {
  if (code === CloseCode.MalformedMessage) return true;
  if (code === 1007) return frame.text; // invalid UTF-8 in a text frame
  if (code === 1009) return frame.data.length > maxFrameBytes;
  return target === 'write' && code === CloseCode.DocumentTooLarge;
}

/** The frame, in hex, so that it can be replayed. */
function describeViolation(what: string, target: Target, frame: FuzzFrame | undefined) {
  if (!frame) return `${what} a frame on the ${target} target`;
  const bytes = hex(frame.data.subarray(0, 512));
  const more = frame.data.length > 512 ? `… (${frame.data.length} bytes)` : '';
  const text = frame.text ? ' (sent as text)' : '';
  return `${what} a ${frame.kind} frame on the ${target} target${text}: ${bytes}${more}`;
}

/** Opens a fuzzing connection; a number is the HTTP status (or 0) of a refused upgrade. */
/**
 * Opens a connection and waits for the server's first frame (its sync step 1, sent once the
 * document is loaded): frames sent earlier are queued unread, and the pong that tells "read and
 * still open" would come back before the server has looked at them.
 */
function connect(url: string): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    socket.on('error', () => resolve(0));
    socket.once('message', () => resolve(socket));
    socket.once('close', () => resolve(0));
    socket.once('unexpected-response', (request, response) => {
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
  });
}
