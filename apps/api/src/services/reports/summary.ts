import type { AnnualReport, Coverage } from '@kenshu/contracts';
import { fiscalYearLabel } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { annualReport, type ReportInput } from './annual.ts';
import { REPORT_WORDS } from './export.ts';
import { yearOverYear } from './history.ts';

type Lang = 'ja' | 'en';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function pct(c: Coverage): string {
  return c.coverage === null ? '—' : `${Math.floor(c.coverage * 1000) / 10}%`;
}

const TITLES = {
  ja: {
    title: '情報セキュリティ研修 実施状況',
    overall: '把握率',
    units: '部局別',
    history: '過去5年度',
    attainment: '到達率',
  },
  en: {
    title: 'Information-security training: annual summary',
    overall: 'Coverage',
    units: 'By bureau',
    history: 'Five years',
    attainment: 'Attainment',
  },
} as const;

/** The one-page annual summary as a self-contained page that prints on one A4 sheet. */
export function summaryHtml(
  r: AnnualReport,
  years: Awaited<ReturnType<typeof yearOverYear>>,
  lang: Lang,
): string {
  const w = REPORT_WORDS[lang];
  const h = TITLES[lang];
  const name = (o: { nameJa: string; nameEn: string }) =>
    escapeHtml(lang === 'ja' ? o.nameJa : o.nameEn);
  const minDepth = Math.min(...r.units.map((u) => u.depth));
  // The bureau level: the scope's top units and the level below them.
  const bureaus = r.units.filter((u) => u.depth <= minDepth + 1).slice(0, 24);
  const row = (label: string, c: Coverage) =>
    `<tr><th>${label}</th><td>${c.required.toLocaleString()}</td><td>${c.completed.toLocaleString()}</td><td>${pct(c)}</td></tr>`;
  const head = `<tr><td></td><th>${w.required}</th><th>${w.completed}</th><th>${w.coverage}</th></tr>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${h.title} ${fiscalYearLabel(r.fiscalYear, lang)}</title>
<style>
@page { size: A4; margin: 14mm; }
body { font-family: 'IPAexGothic', 'IPAGothic', 'Noto Sans CJK JP', 'Hiragino Sans', sans-serif; font-size: 9.5pt; color: #111; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 2mm; } h2 { font-size: 11pt; margin: 4mm 0 1mm; border-bottom: 1px solid #444; }
table { border-collapse: collapse; width: 100%; } th, td { padding: 0.6mm 1.5mm; border-bottom: 1px solid #ccc; text-align: right; }
th:first-child { text-align: left; } .big { font-size: 20pt; font-weight: bold; } .cols { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm; }
.muted { color: #555; }
</style></head><body>
<h1>${h.title} — ${fiscalYearLabel(r.fiscalYear, lang)}</h1>
<p class="muted">${name(r.scope)} / ${escapeHtml(lang === 'ja' ? r.course.titleJa : r.course.titleEn)} / ${w.asOf}: ${r.asOf}</p>
<p>${h.overall}: <span class="big">${pct(r.overall)}</span> (${r.overall.completed.toLocaleString()} / ${r.overall.required.toLocaleString()})</p>
<div class="cols"><div>
<h2>${w.group}</h2><table>${head}${r.roleGroups.map((g) => row(w.groups[g.group], g.counts)).join('')}</table>
<h2>${w.employmentType}</h2><table>${head}${r.employmentTypes.map((e) => row(w.types[e.type], e.counts)).join('')}</table>
<h2>${w.method}</h2><table>${r.methods.map((m) => `<tr><th>${w.methods[m.method]}</th><td>${m.completed.toLocaleString()}</td></tr>`).join('')}</table>
<h2>${h.attainment}</h2><table><tr><td></td>${r.attainment.thresholds.map((t) => `<th>${t}%</th>`).join('')}</tr>
<tr><th>${w.unitsCounted} (${r.attainment.units.counted})</th>${r.attainment.units.reached.map((n) => `<td>${n}</td>`).join('')}</tr>
<tr><th>${w.coursesCounted} (${r.attainment.courses.counted})</th>${r.attainment.courses.reached.map((n) => `<td>${n}</td>`).join('')}</tr></table>
</div><div>
<h2>${h.units}</h2><table>${head}${bureaus.map((u) => row(name(u), u.subtree)).join('')}</table>
<h2>${h.history}</h2><table><tr><td></td><th>${w.required}</th><th>${w.completed}</th><th>${w.coverage}</th></tr>
${years.years.map((y) => row(fiscalYearLabel(y.fiscalYear, lang), y.overall)).join('')}</table>
</div></div>
</body></html>`;
}

export async function annualSummaryHtml({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ReportInput & { lang: Lang };
}) {
  const [report, years] = await Promise.all([
    annualReport({ ctx, input }),
    yearOverYear({ ctx, input }),
  ]);
  return summaryHtml(report, years, input.lang);
}

/**
 * The same page as a PDF, printed by the Chromium the browser tests use (CHROMIUM_PATH), so the
 * Japanese is set in the machine's Japanese fonts exactly as the printable page shows it.
 */
export async function annualSummaryPdf({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ReportInput & { lang: Lang };
}): Promise<Uint8Array<ArrayBuffer>> {
  const html = await annualSummaryHtml({ ctx, input });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
