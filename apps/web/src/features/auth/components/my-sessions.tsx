import { useState } from 'react';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { FormAlert, FormNotice } from '../../../components/form-fields.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import {
  type ActiveSession,
  useEndMyOtherSessions,
  useEndMySession,
  useMySessions,
} from '../api/my-sessions.ts';
import { describeUserAgent } from '../utils/user-agent.ts';
import './auth.css';

/** My active sign-ins: the device, address and times of each, and buttons to end the others. */
export function MySessions() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  const endOne = useEndMySession();
  const endOthers = useEndMyOtherSessions();
  const [notice, setNotice] = useState<string | undefined>();

  const failed = endOne.isError || endOthers.isError;

  return (
    <div className="my-sessions">
      <div aria-live="polite">{notice ? <FormNotice>{notice}</FormNotice> : null}</div>
      {failed ? (
        <FormAlert title={t('auth.sessions.failed')}>
          <p>{(endOne.error ?? endOthers.error)?.message}</p>
        </FormAlert>
      ) : null}
      <QueryState query={sessions}>
        {(items) => {
          const others = items.filter((s) => !s.current);
          return (
            <>
              <ul className="sign-in-list" aria-label={t('auth.sessions.listLabel')}>
                {items.map((session) => (
                  <SessionItem
                    key={session.id}
                    session={session}
                    isEnding={endOne.isPending && endOne.variables === session.id}
                    onEnd={() => {
                      setNotice(undefined);
                      endOne.mutate(session.id, {
                        onSuccess: () => setNotice(t('auth.sessions.ended')),
                      });
                    }}
                  />
                ))}
              </ul>
              <div className="my-sessions__actions">
                {others.length === 0 ? (
                  <p className="muted">{t('auth.sessions.noOthers')}</p>
                ) : (
                  <Button
                    isPending={endOthers.isPending}
                    onPress={() => {
                      setNotice(undefined);
                      endOthers.mutate(undefined, {
                        onSuccess: ({ ended }) =>
                          setNotice(t('auth.sessions.endedOthers', { count: ended })),
                      });
                    }}
                  >
                    {t('auth.sessions.endOthers')}
                  </Button>
                )}
              </div>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function SessionItem({
  session,
  isEnding,
  onEnd,
}: {
  session: ActiveSession;
  isEnding: boolean;
  onEnd: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const device = describeUserAgent(session.userAgent);
  const deviceName = device
    ? t('auth.sessions.device', { browser: device.browser, os: device.os })
    : t('auth.sessions.unknownDevice');
  return (
    <li className={session.current ? 'sign-in-item sign-in-item--current' : 'sign-in-item'}>
      <div className="sign-in-item__head">
        <p className="sign-in-item__device">{deviceName}</p>
        {session.current ? <Badge>{t('auth.sessions.current')}</Badge> : null}
      </div>
      {session.userAgent ? <p className="sign-in-item__agent">{session.userAgent}</p> : null}
      <dl className="sign-in-item__facts">
        <div>
          <dt>{t('auth.sessions.address')}</dt>
          <dd>{session.clientAddress ?? t('auth.sessions.unknownAddress')}</dd>
        </div>
        <div>
          <dt>{t('auth.sessions.startedAt')}</dt>
          <dd>{formatDateTime(new Date(session.createdAt), lang)}</dd>
        </div>
        <div>
          <dt>{t('auth.sessions.lastSeenAt')}</dt>
          <dd>{formatDateTime(new Date(session.lastSeenAt), lang)}</dd>
        </div>
      </dl>
      {session.current ? null : (
        <Button
          aria-label={t('auth.sessions.endLabel', { device: deviceName })}
          isPending={isEnding}
          onPress={onEnd}
        >
          {t('auth.sessions.end')}
        </Button>
      )}
    </li>
  );
}
