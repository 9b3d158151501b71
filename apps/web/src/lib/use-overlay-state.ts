import { useCallback, useState } from 'react';

/**
 * Open or closed, for an overlay whose code loads on first use (`React.lazy`): `wasOpened` says
 * whether to render it at all. Once opened it stays rendered, so it can play its closing animation.
 */
export function useOverlayState(): {
  isOpen: boolean;
  wasOpened: boolean;
  setOpen: (open: boolean) => void;
} {
  const [isOpen, setIsOpen] = useState(false);
  const [wasOpened, setWasOpened] = useState(false);
  const setOpen = useCallback((open: boolean) => {
    if (open) setWasOpened(true);
    setIsOpen(open);
  }, []);
  return { isOpen, wasOpened, setOpen };
}
