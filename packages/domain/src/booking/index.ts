export * from './booking-window.ts';
export * from './capacity.ts';
export * from './series.ts';
export * from './audience.ts';
