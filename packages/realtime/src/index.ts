// Public face of @uccn/realtime: what differs between one node and many.
export { type BusListener, type BusMessage, type FanoutBus, InProcessBus } from './bus';
export { InProcessPresence, type PresenceEntry, type PresenceStore } from './presence';
export { RedisBus, type RedisBusOptions } from './redis-bus';
export { RedisPresence, type RedisPresenceOptions } from './redis-presence';
