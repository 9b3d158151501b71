import { useState } from 'react';
import { Button as AriaButton } from 'react-aria-components';
import { ErrorState } from '../../../components/error-state.tsx';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useAuditSamples, useDrawAuditSample, type DrawnSample } from '../api/reports.ts';

/** Draw an audit sample (⌈√N⌉ of the completed) with its evidence, and the ones saved before. */
export function AuditSamplePanel({
  fiscalYear,
  courseId,
  orgUnitId,
}: {
  fiscalYear: number;
  courseId: number;
  orgUnitId: number | undefined;
  population: number;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [seed, setSeed] = useState('');
  const draw = useDrawAuditSample();
  const saved = useAuditSamples({ fiscalYear, courseId, orgUnitId });
  const sample: DrawnSample | undefined = draw.data;
  return (
    <section className="card report-section report-sample">
      <h2 className="card__title">{t('reports.sample.title')}</h2>
      <p className="muted">{t('reports.sample.intro')}</p>
      <form
        className="report-sample__form"
        onSubmit={(e) => {
          e.preventDefault();
          draw.mutate({ fiscalYear, courseId, orgUnitId, seed: seed.trim() || undefined });
        }}
      >
        <label>
          {t('reports.sample.seed')}
          <input
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
            pattern="[0-9a-f]{16}"
            maxLength={16}
          />
        </label>
        <AriaButton type="submit" className="button button--primary" isDisabled={draw.isPending}>
          {t('reports.sample.draw')}
        </AriaButton>
      </form>
      {draw.isError ? <ErrorState error={draw.error} onRetry={() => draw.reset()} /> : null}
      {sample ? (
        <>
          <p role="status">
            {t('reports.sample.drawn', {
              population: sample.population,
              size: sample.size,
              seed: sample.seed,
            })}{' '}
            <a href={`/api/reports/samples/${sample.id}/csv?lang=${lang}`} download>
              {t('reports.downloadCsv')}
            </a>
          </p>
          <div className="table-frame">
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.sample.position')}</th>
                  <th scope="col">{t('reports.staffNumber')}</th>
                  <th scope="col">{t('reports.name')}</th>
                  <th scope="col">{t('reports.unit')}</th>
                  <th scope="col">{t('reports.method')}</th>
                  <th scope="col">{t('reports.sample.evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {sample.items.map((i) => {
                  const e = i.evidence;
                  const detail = e.session
                    ? t('reports.sample.session', {
                        at: e.session.startsAt.slice(0, 10),
                        venue: e.session.venue ?? '',
                        mark: e.session.mark ?? '—',
                        by: e.session.markedBy ?? e.session.markedVia ?? '—',
                      })
                    : e.module
                      ? t('reports.sample.module', {
                          title:
                            (lang === 'ja' ? e.module.titleJa : e.module.titleEn) ??
                            e.module.reference ??
                            '',
                          version: e.module.version ?? '—',
                          score: e.module.bestScore ?? '—',
                        })
                      : t('reports.sample.credit', { reason: e.creditReason ?? '' });
                  return (
                    <tr key={i.position}>
                      <td>{i.position}</td>
                      <td>{i.staffNumber}</td>
                      <th scope="row">{i.name}</th>
                      <td>{localName(i.unit, lang)}</td>
                      <td>{t(`reports.methodNames.${e.method}`)}</td>
                      <td>{detail}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <h3>{t('reports.sample.previous')}</h3>
      {saved.data && saved.data.items.length > 0 ? (
        <ul>
          {saved.data.items.map((s) => (
            <li key={s.id}>
              {t('reports.sample.drawn', { population: s.population, size: s.size, seed: s.seed })}{' '}
              {t('reports.sample.by', {
                name: s.drawnBy.name,
                at: s.drawnAt.slice(0, 16).replace('T', ' '),
              })}{' '}
              <a href={`/api/reports/samples/${s.id}/csv?lang=${lang}`} download>
                CSV
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('reports.sample.none')}</p>
      )}
    </section>
  );
}
