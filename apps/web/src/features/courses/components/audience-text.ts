import { useTranslation } from '../../../lib/i18n.ts';
import type { Course } from '../api/courses.ts';

/** An audience in a few words: "All staff", or the rule's parts joined. */
export function useAudienceText(): (audience: Course['audience']) => string {
  const { t } = useTranslation();
  return (audience) => {
    if (audience.kind !== 'rule') return t(`courses.audience.${audience.kind}`);
    const parts = [
      ...audience.roles.map((r) => t(`staff.roles.${r}`)),
      ...audience.employmentTypes.map((e) => t(`staff.employmentTypes.${e}`)),
      ...(audience.unitIds.length > 0
        ? [t('courses.audience.unitCount', { count: audience.unitIds.length })]
        : []),
    ];
    return parts.length > 0 ? parts.join(' · ') : t('courses.audience.ruleEmpty');
  };
}
