// Who is in which channel, kept in the presence store (in-process, or Redis across nodes), and
// told to the channel's room whenever someone comes or goes.
import type { OnlineMember } from '@uccn/protocol';
import type { PresenceStore } from '@uccn/realtime';
import type { Logger } from '../../logger';
import type { ThreadsIo } from './socket';

export const channelRoom = (channelId: string) => `channel:${channelId}`;

export class ChannelPresence {
  constructor(
    private readonly io: ThreadsIo,
    private readonly presence: PresenceStore,
    private readonly nodeId: string,
    private readonly log: Logger,
  ) {}

  private entryId(socketId: string, channelId: string) {
    return `${this.nodeId}:${socketId}:${channelId}`;
  }

  /** Records the socket's person as in the channel; returns who is online there now. */
  async enter(socketId: string, channelId: string, who: OnlineMember, cityId: number | null) {
    await this.presence
      .add({
        connectionId: this.entryId(socketId, channelId),
        userId: who.userId,
        name: who.name,
        cityId,
        citySlug: who.city?.slug ?? null,
        cityName: who.city?.name ?? null,
        kind: 'thread',
        targetId: channelId,
        node: this.nodeId,
        since: new Date().toISOString(),
      })
      .catch((error) => this.log.warn({ err: error }, 'presence add failed'));
    return this.announce(channelId);
  }

  async exit(socketId: string, channelId: string) {
    await this.presence
      .remove(this.entryId(socketId, channelId))
      .catch((error) => this.log.warn({ err: error }, 'presence remove failed'));
    await this.announce(channelId);
  }

  /** Tells the channel's room who is online (one entry per person) and returns the list. */
  async announce(channelId: string): Promise<OnlineMember[]> {
    const entries = await this.presence.list().catch(() => []);
    const online = new Map<string, OnlineMember>();
    for (const entry of entries) {
      if (entry.kind !== 'thread' || entry.targetId !== channelId) continue;
      online.set(entry.userId, {
        userId: entry.userId,
        name: entry.name,
        city:
          entry.citySlug && entry.cityName ? { slug: entry.citySlug, name: entry.cityName } : null,
      });
    }
    const list = [...online.values()].sort((a, b) => a.name.localeCompare(b.name));
    this.io.to(channelRoom(channelId)).emit('channel:online', { channelId, online: list });
    return list;
  }
}
