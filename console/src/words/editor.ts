// The console's words for the editor screens, in Japanese and English (merged into i18n.ts).
export const ja = {
};

export const en: Record<keyof typeof ja, string> = {
};
