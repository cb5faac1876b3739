/**
 * Short beeps for the scanner: the packer hears the result without looking at the screen.
 * WebAudio needs a user gesture before it may play; the first tap or key press unlocks it.
 */
let ctx: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof window === 'undefined' || !('AudioContext' in window)) return null;
  ctx ??= new AudioContext();
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  return ctx;
}

function tone(freq: number, startS: number, lengthS: number, type: OscillatorType): void {
  const a = audio();
  if (!a) return;
  const osc = a.createOscillator();
  const gain = a.createGain();
  osc.type = type;
  osc.frequency.value = freq;
  const t0 = a.currentTime + startS;
  gain.gain.setValueAtTime(0.0001, t0);
  gain.gain.exponentialRampToValueAtTime(0.3, t0 + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, t0 + lengthS);
  osc.connect(gain).connect(a.destination);
  osc.start(t0);
  osc.stop(t0 + lengthS + 0.02);
}

export type Sound = 'ok' | 'error' | 'done';

/** The last sound played, for tests and for people who want to check their speakers. */
export let lastSound: Sound | null = null;

export function play(sound: Sound): void {
  lastSound = sound;
  document.documentElement.dataset.lastSound = sound;
  try {
    if (sound === 'ok') tone(1046, 0, 0.09, 'sine');
    else if (sound === 'done') {
      tone(784, 0, 0.1, 'sine');
      tone(1046, 0.11, 0.1, 'sine');
      tone(1318, 0.22, 0.18, 'sine');
    } else {
      tone(196, 0, 0.18, 'square');
      tone(147, 0.2, 0.3, 'square');
    }
  } catch {
    // No audio device: the screen still shows the result.
  }
}
