import { Button, Modal, Text } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The browser's barcode reader (Chromium on Android, ChromeOS, macOS); not in every browser. */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorCtor = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

const detectorCtor = (): DetectorCtor | null =>
  typeof window !== 'undefined' && 'BarcodeDetector' in window
    ? (window as unknown as { BarcodeDetector: DetectorCtor }).BarcodeDetector
    : null;

/**
 * Scans with the device camera where the browser can read barcodes; each code read is
 * handed over like a scanner's (the same code is not repeated within two seconds).
 */
export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const Ctor = detectorCtor();

  useEffect(() => {
    if (!open || !Ctor) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let last = { code: '', at: 0 };
    const detector = new Ctor({
      formats: ['ean_13', 'ean_8', 'code_128', 'code_39', 'upc_a', 'qr_code'],
    });
    const start = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
        });
        if (!video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        timer = window.setInterval(() => {
          if (!video.current) return;
          void detector.detect(video.current).then((codes) => {
            const code = codes[0]?.rawValue;
            if (!code || (code === last.code && Date.now() - last.at < 2000)) return;
            last = { code, at: Date.now() };
            onCode(code);
          });
        }, 300);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    };
    void start();
    return () => {
      window.clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [open, Ctor, onCode]);

  if (!Ctor) return null;
  return (
    <>
      <Button
        size="xl"
        h={64}
        variant="light"
        leftSection={<IconCamera />}
        onClick={() => setOpen(true)}
        data-testid="camera-scan"
      >
        {t('station.camera')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('station.camera')} size="lg">
        {error ? (
          <Text c="red">{error}</Text>
        ) : (
          <video ref={video} muted playsInline style={{ width: '100%' }} />
        )}
      </Modal>
    </>
  );
}
