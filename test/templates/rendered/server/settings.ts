// Stands in for the rendered server/settings.ts (see ../README.md).
export declare const VALIDATE_RESPONSES: boolean;
export declare const BASE_PATH: string;
