// The console's words for the explorer screens, in Japanese and English (merged into i18n.ts).
export const ja = {
};

export const en: Record<keyof typeof ja, string> = {
};
