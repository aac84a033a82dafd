import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { COMMON, LOCALES, type CommonKey, type Locale, type Messages } from "./messages.js";

const LOCALE_KEY = "ecofed.locale";

export type Translate<K extends string> = (key: K, values?: Readonly<Record<string, string | number>>) => string;

export interface I18n {
  readonly locale: Locale;
  /** The shell's and shared labels (COMMON). */
  readonly t: Translate<CommonKey>;
  setLocale(locale: Locale): void;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const stored = localStorage.getItem(LOCALE_KEY);
  return LOCALES.find((l) => l === stored) ?? "zh-CN";
}

/** `{name}` in a message is replaced by values.name. */
function format(text: string, values?: Readonly<Record<string, string | number>>): string {
  return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)) : text;
}

export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (key, values) => format(COMMON[locale][key], values),
      setLocale: (next) => {
        // Only the language is remembered across tabs; never the token (sessionStorage).
        localStorage.setItem(LOCALE_KEY, next);
        document.documentElement.lang = next;
        setLocaleState(next);
      },
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}

/** A view's own labels (defineMessages beside the view), in the current language. */
export function useT<K extends string>(messages: Messages<K>): Translate<K> {
  const { locale } = useI18n();
  return useCallback((key, values) => format(messages[locale][key], values), [messages, locale]);
}

/**
 * Dates and numbers as the reader's language writes them. Times are Beijing time, whatever
 * the browser's zone: deadlines are working days of the Chinese calendar, and the security
 * team compares times across units.
 */
export function useFormat(): { readonly dateTime: (iso: string) => string; readonly number: (n: number) => string } {
  const { locale } = useI18n();
  return useMemo(() => {
    const dt = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Shanghai" });
    const nf = new Intl.NumberFormat(locale);
    return { dateTime: (iso) => dt.format(new Date(iso)), number: (n) => nf.format(n) };
  }, [locale]);
}
