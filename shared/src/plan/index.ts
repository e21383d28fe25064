// The declarative workbook plan of the validated tabs, how to read them back, and where the add-on writes positioning.
export * from "./build.ts";
export * from "./governance-tab.ts";
export * from "./indicator-formats.ts";
export * from "./indicators-tab.ts";
export * from "./input-cell.ts";
export * from "./last-network-cells.ts";
export * from "./layout.ts";
export * from "./marker.ts";
export * from "./positioning-cells.ts";
export * from "./positioning-tab.ts";
export * from "./read-prepared.ts";
export * from "./section-tab.ts";
export * from "./styles.ts";
export * from "./tab-names.ts";
export * from "./types.ts";
export * from "./validation-text.ts";
