import { useSyncExternalStore } from 'react';
import { wsClient } from '../trpc';

export type ConnectionState = 'connected' | 'connecting' | 'reconnecting';

let everConnected = false;

function read(): ConnectionState {
  const state = wsClient.connectionState.get().state;
  if (state === 'pending') {
    everConnected = true;
    return 'connected';
  }
  return everConnected ? 'reconnecting' : 'connecting';
}

function subscribe(onChange: () => void) {
  const sub = wsClient.connectionState.subscribe({ next: onChange });
  return () => sub.unsubscribe();
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(subscribe, read);
}
