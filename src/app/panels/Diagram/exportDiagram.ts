import type { Diagram } from '../../../core/diagram/Diagram.ts';
import { notify } from '../../actions/uiActions.ts';
import { diagramSvg } from './diagramSvg.ts';
import { layoutDiagram } from './layoutDiagram.ts';

function fileBase(d: Diagram): string {
  return (d.name ?? 'diagram').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'diagram';
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the diagram as an SVG file. */
export function exportDiagramSvg(d: Diagram): void {
  download(new Blob([diagramSvg(d, layoutDiagram(d))], { type: 'image/svg+xml' }), `${fileBase(d)}.svg`);
}

/** Downloads the diagram as a PNG (the SVG drawn on a canvas at twice its size). */
export async function exportDiagramPng(d: Diagram): Promise<void> {
  const layout = layoutDiagram(d);
  const url = URL.createObjectURL(new Blob([diagramSvg(d, layout)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the browser could not draw the diagram image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(layout.width * 2);
    canvas.height = Math.ceil(layout.height * 2);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D canvas in this browser');
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) throw new Error('the canvas gave no PNG');
    download(png, `${fileBase(d)}.png`);
  } catch (e) {
    notify('error', `PNG export failed: ${e instanceof Error ? e.message : String(e)}. The SVG export still works.`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
