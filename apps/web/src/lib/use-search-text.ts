import { useEffect, useEffectEvent, useState } from 'react';

const SEARCH_DELAY_MS = 300;

/**
 * The text in a search box whose applied value lives elsewhere (the URL, so a search can be
 * bookmarked and Back works). Typing is applied after a short pause, Enter (`submit`) at once.
 * A change from outside (Back, a link) shows in the box, unless it is what was typed. Returns the
 * search field's value, onChange and onSubmit.
 */
export function useSearchText(applied: string, apply: (text: string) => void) {
  const [text, setText] = useState(applied);
  const [lastApplied, setLastApplied] = useState(applied);
  if (applied !== lastApplied) {
    setLastApplied(applied);
    if (applied !== text.trim()) setText(applied);
  }
  const applyTyped = useEffectEvent((typed: string) => {
    const trimmed = typed.trim();
    if (trimmed !== applied) apply(trimmed);
  });
  useEffect(() => {
    const timer = setTimeout(() => applyTyped(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return { value: text, onChange: setText, onSubmit: (typed: string) => applyTyped(typed) };
}
