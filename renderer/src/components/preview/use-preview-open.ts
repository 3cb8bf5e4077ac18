import { useCallback, useState } from 'react';

const KEY = 'soan.preview';

/** Whether the preview pane is open; remembered on this computer, closed by default (it costs room). */
export function usePreviewOpen(): [boolean, () => void] {
  const [open, setOpen] = useState(() => {
    try {
      return window.localStorage.getItem(KEY) === '1';
    } catch {
      return false;
    }
  });
  const toggle = useCallback(() => {
    setOpen((was) => {
      try {
        window.localStorage.setItem(KEY, was ? '0' : '1');
      } catch {
        // Not remembered; still toggled.
      }
      return !was;
    });
  }, []);
  return [open, toggle];
}
