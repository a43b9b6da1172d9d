/** The charts' colours: AA contrast on white, and every series told apart by more than colour
 * (a solid bar, a hatched outlined bar, a dashed line). */
export const CHART_COLOURS = {
  spent: '#1f3a5f',
  budget: '#0969da',
  incidents: '#bc4c00',
} as const;

/**
 * A fill of diagonal stripes in `colour` for the bars of a second series; the plain colour
 * where the browser cannot draw a pattern.
 */
export function hatched(colour: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const context = tile.getContext('2d');
  if (!context) return colour;
  context.strokeStyle = colour;
  context.lineWidth = 2;
  context.beginPath();
  context.moveTo(0, 8);
  context.lineTo(8, 0);
  context.moveTo(-2, 2);
  context.lineTo(2, -2);
  context.moveTo(6, 10);
  context.lineTo(10, 6);
  context.stroke();
  return context.createPattern(tile, 'repeat') ?? colour;
}
