import { useSyncExternalStore } from 'react';

/** Opt-in alerts for work that finishes while the tab is hidden; kept in this browser. */
export interface NotifyPrefs {
  notify: boolean;
  sound: boolean;
}

const key = 'genhub.notify';
const listeners = new Set<() => void>();
let prefs: NotifyPrefs = read();

function read(): NotifyPrefs {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? '{}') as Partial<NotifyPrefs>;
    return { notify: saved.notify === true, sound: saved.sound === true };
  } catch {
    return { notify: false, sound: false };
  }
}

export function setNotifyPrefs(next: NotifyPrefs): void {
  prefs = next;
  localStorage.setItem(key, JSON.stringify(next));
  for (const l of listeners) l();
}

export function useNotifyPrefs(): NotifyPrefs {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => prefs,
  );
}

/** A short two-tone chime, made with Web Audio (no sound file to load). */
function chime(): void {
  const audio = new AudioContext();
  [660, 880].forEach((frequency, i) => {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.15, audio.currentTime + i * 0.15);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.15 + 0.3);
    tone.connect(gain).connect(audio.destination);
    tone.start(audio.currentTime + i * 0.15);
    tone.stop(audio.currentTime + i * 0.15 + 0.3);
  });
  setTimeout(() => void audio.close(), 1000);
}

/** Tells the user something finished, if they asked to be told and are looking elsewhere. */
export function notifyFinished(title: string, body: string): void {
  if (!document.hidden) return;
  if (prefs.notify && 'Notification' in window && Notification.permission === 'granted') {
    new Notification(title, { body, tag: 'genhub' });
  }
  if (prefs.sound) chime();
}
