import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import { Button } from '../../../components/button.tsx';
import { api } from '../../../lib/api-client.ts';
import { unwrap } from '../../../lib/api-client.ts';
import {
  usePreviewMarkdown,
  usePublishModule,
  useSaveModule,
  type ModuleContent,
  type ModuleForEditing,
} from '../api/author.ts';
import { ELearningErrorAlert } from './error-alert.tsx';

type Content = Omit<ModuleContent, 'courseId'>;
type Section = Content['sections'][number];
type Question = NonNullable<Content['questions']>[number];

const blankSection = (): Section => ({ titleJa: '', titleEn: '', bodyJa: '', bodyEn: '' });
const blankQuestion = (): Question => ({
  kind: 'single',
  textJa: '',
  textEn: '',
  options: [
    { ja: '', en: '' },
    { ja: '', en: '' },
  ],
  correct: [0],
  explanationJa: '',
  explanationEn: '',
});

/** A new module's starting content: one empty section, no quiz yet. */
export function emptyContent(): Content {
  return {
    titleJa: '',
    titleEn: '',
    videoUrl: null,
    passMark: 80,
    shuffle: false,
    attemptLimit: null,
    revealAnswers: false,
    completionRule: 'both',
    sections: [blankSection()],
    questions: [],
  };
}

/** The editable part of a saved module. */
export function contentOf(m: ModuleForEditing): Content {
  return {
    titleJa: m.titleJa,
    titleEn: m.titleEn,
    videoUrl: m.videoUrl,
    passMark: m.passMark,
    shuffle: m.shuffle,
    attemptLimit: m.attemptLimit,
    revealAnswers: m.revealAnswers,
    // A SCORM version has no rule of the editor's: writing content over it starts from 'both'.
    completionRule: m.completionRule === 'scorm' ? 'both' : m.completionRule,
    sections: m.sections.map(({ titleJa, titleEn, bodyJa, bodyEn }) => ({
      titleJa,
      titleEn,
      bodyJa,
      bodyEn,
    })),
    questions: m.questions.map((q) => ({
      kind: q.kind,
      textJa: q.textJa,
      textEn: q.textEn,
      options: q.options,
      correct: q.correct,
      explanationJa: q.explanationJa,
      explanationEn: q.explanationEn,
    })),
  };
}

function TextField({
  label,
  value,
  onChange,
  multiline = false,
  type = 'text',
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  multiline?: boolean;
  type?: string;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      {multiline ? (
        <textarea
          className="field__input editor__body"
          value={value}
          rows={8}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          className="field__input"
          type={type}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </label>
  );
}

/** The server's rendering of the Markdown, exactly as learners will see it. */
function Preview({ markdown, label }: { markdown: string; label: string }) {
  const preview = usePreviewMarkdown(markdown);
  return (
    <div className="editor__preview" aria-label={label} role="region">
      {/* Sanitised by the server's renderer, the same one that runs on save. */}
      <div
        className="player__content"
        dangerouslySetInnerHTML={{ __html: preview.data?.html ?? '' }}
      />
    </div>
  );
}

/**
 * The module form: titles, rules, sections (Markdown with a server-rendered preview), quiz
 * questions. `onSave` creates or saves; publishing is offered once a draft exists.
 */
export function ModuleForm({
  initial,
  onSave,
  saving,
  error,
}: {
  initial: Content;
  onSave: (content: Content) => void;
  saving: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [c, setC] = useState<Content>(initial);
  const [previewing, setPreviewing] = useState<number | null>(null);
  const questions = c.questions ?? [];
  const set = (patch: Partial<Content>) => setC((old) => ({ ...old, ...patch }));
  const setSection = (i: number, patch: Partial<Section>) =>
    set({ sections: c.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const setQuestion = (i: number, patch: Partial<Question>) =>
    set({ questions: questions.map((q, j) => (j === i ? { ...q, ...patch } : q)) });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSave(c);
  };

  return (
    <form className="editor" onSubmit={onSubmit} noValidate>
      <TextField
        label={t('eLearning.editor.titleJa')}
        value={c.titleJa}
        onChange={(v) => set({ titleJa: v })}
      />
      <TextField
        label={t('eLearning.editor.titleEn')}
        value={c.titleEn}
        onChange={(v) => set({ titleEn: v })}
      />
      <TextField
        label={t('eLearning.editor.videoUrl')}
        type="url"
        value={c.videoUrl ?? ''}
        onChange={(v) => set({ videoUrl: v.trim() === '' ? null : v.trim() })}
      />
      <TextField
        label={t('eLearning.editor.passMark')}
        type="number"
        value={String(c.passMark ?? 80)}
        onChange={(v) => set({ passMark: Number(v) })}
      />
      <TextField
        label={t('eLearning.editor.attemptLimit')}
        type="number"
        value={c.attemptLimit == null ? '' : String(c.attemptLimit)}
        onChange={(v) => set({ attemptLimit: v === '' ? null : Number(v) })}
      />
      <label className="quiz__option">
        <input
          type="checkbox"
          checked={c.shuffle ?? false}
          onChange={(e) => set({ shuffle: e.target.checked })}
        />
        {t('eLearning.editor.shuffle')}
      </label>
      <label className="quiz__option">
        <input
          type="checkbox"
          checked={c.revealAnswers ?? false}
          onChange={(e) => set({ revealAnswers: e.target.checked })}
        />
        {t('eLearning.editor.revealAnswers')}
      </label>
      <fieldset className="quiz__question">
        <legend>{t('eLearning.editor.completionRule')}</legend>
        {(['all_sections_viewed', 'quiz_passed', 'both'] as const).map((rule) => (
          <label key={rule} className="quiz__option">
            <input
              type="radio"
              name="completion-rule"
              checked={c.completionRule === rule}
              onChange={() => set({ completionRule: rule })}
            />
            {t(`eLearning.editor.rules.${rule}`)}
          </label>
        ))}
      </fieldset>

      <h2>{t('eLearning.editor.sections')}</h2>
      {c.sections.map((s, i) => (
        <fieldset key={i} className="quiz__question">
          <legend>{t('eLearning.editor.section', { number: i + 1 })}</legend>
          <TextField
            label={t('eLearning.editor.sectionTitleJa')}
            value={s.titleJa}
            onChange={(v) => setSection(i, { titleJa: v })}
          />
          <TextField
            label={t('eLearning.editor.sectionTitleEn')}
            value={s.titleEn}
            onChange={(v) => setSection(i, { titleEn: v })}
          />
          <TextField
            label={t('eLearning.editor.bodyJa')}
            multiline
            value={s.bodyJa}
            onChange={(v) => setSection(i, { bodyJa: v })}
          />
          <TextField
            label={t('eLearning.editor.bodyEn')}
            multiline
            value={s.bodyEn}
            onChange={(v) => setSection(i, { bodyEn: v })}
          />
          <div className="player__nav">
            <Button onPress={() => setPreviewing(previewing === i ? null : i)}>
              {t('eLearning.editor.preview')}
            </Button>
            {c.sections.length > 1 ? (
              <Button onPress={() => set({ sections: c.sections.filter((_, j) => j !== i) })}>
                {t('eLearning.editor.remove')}
              </Button>
            ) : null}
          </div>
          {previewing === i ? (
            <>
              <Preview markdown={s.bodyJa} label={t('eLearning.editor.previewJa')} />
              <Preview markdown={s.bodyEn} label={t('eLearning.editor.previewEn')} />
            </>
          ) : null}
        </fieldset>
      ))}
      <Button onPress={() => set({ sections: [...c.sections, blankSection()] })}>
        {t('eLearning.editor.addSection')}
      </Button>

      <h2>{t('eLearning.editor.questions')}</h2>
      {questions.map((q, i) => (
        <fieldset key={i} className="quiz__question">
          <legend>{t('eLearning.editor.questionNumber', { number: i + 1 })}</legend>
          <fieldset>
            <legend>{t('eLearning.editor.kind')}</legend>
            {(['single', 'multiple'] as const).map((kind) => (
              <label key={kind} className="quiz__option">
                <input
                  type="radio"
                  name={`kind-${i}`}
                  checked={q.kind === kind}
                  onChange={() =>
                    setQuestion(i, {
                      kind,
                      correct: q.correct.slice(0, kind === 'single' ? 1 : undefined),
                    })
                  }
                />
                {t(`eLearning.editor.kinds.${kind}`)}
              </label>
            ))}
          </fieldset>
          <TextField
            label={t('eLearning.editor.textJa')}
            value={q.textJa}
            onChange={(v) => setQuestion(i, { textJa: v })}
          />
          <TextField
            label={t('eLearning.editor.textEn')}
            value={q.textEn}
            onChange={(v) => setQuestion(i, { textEn: v })}
          />
          {q.options.map((o, k) => (
            <div key={k} className="editor__option">
              <TextField
                label={t('eLearning.editor.optionJa', { number: k + 1 })}
                value={o.ja}
                onChange={(v) =>
                  setQuestion(i, {
                    options: q.options.map((x, j) => (j === k ? { ...x, ja: v } : x)),
                  })
                }
              />
              <TextField
                label={t('eLearning.editor.optionEn', { number: k + 1 })}
                value={o.en}
                onChange={(v) =>
                  setQuestion(i, {
                    options: q.options.map((x, j) => (j === k ? { ...x, en: v } : x)),
                  })
                }
              />
              <label className="quiz__option">
                <input
                  type="checkbox"
                  // The visible "correct" alone does not say which option it marks.
                  aria-label={t('eLearning.editor.isCorrectFor', { number: k + 1 })}
                  checked={q.correct.includes(k)}
                  onChange={(e) =>
                    setQuestion(i, {
                      correct:
                        q.kind === 'single'
                          ? [k]
                          : e.target.checked
                            ? [...q.correct, k].sort((a, b) => a - b)
                            : q.correct.filter((x) => x !== k),
                    })
                  }
                />
                {t('eLearning.editor.isCorrect')}
              </label>
            </div>
          ))}
          <div className="player__nav">
            <Button onPress={() => setQuestion(i, { options: [...q.options, { ja: '', en: '' }] })}>
              {t('eLearning.editor.addOption')}
            </Button>
            <Button onPress={() => set({ questions: questions.filter((_, j) => j !== i) })}>
              {t('eLearning.editor.remove')}
            </Button>
          </div>
        </fieldset>
      ))}
      <Button onPress={() => set({ questions: [...questions, blankQuestion()] })}>
        {t('eLearning.editor.addQuestion')}
      </Button>

      {error ? <ELearningErrorAlert error={error} /> : null}
      <div className="page-actions">
        <Button type="submit" variant="primary" isDisabled={saving}>
          {t('eLearning.editor.save')}
        </Button>
      </div>
    </form>
  );
}

/** Uploads an image to the module and shows the Markdown line that places it. */
function ImageUpload({ moduleId }: { moduleId: number }) {
  const { t } = useTranslation();
  const [line, setLine] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="field">
      <label className="field__label" htmlFor="module-image">
        {t('eLearning.editor.image')}
      </label>
      <input
        id="module-image"
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setError(null);
          try {
            const stored = await unwrap(
              api.api['e-learning'].modules[':id'].images.$post(
                { param: { id: String(moduleId) } },
                { init: { body: file }, headers: { 'content-type': file.type } },
              ),
            );
            setLine(`![${file.name}](${stored.url})`);
          } catch (failure) {
            setError(failure);
          }
        }}
      />
      {line ? (
        <p role="status">
          {t('eLearning.editor.imageUploaded')} <code>{line}</code>
        </p>
      ) : null}
      {error ? <ELearningErrorAlert error={error} /> : null}
    </div>
  );
}

/** Editing a saved module: the form, image upload, and publishing the draft. */
export function ModuleEditor({ module }: { module: ModuleForEditing }) {
  const { t } = useTranslation();
  const save = useSaveModule(module.id);
  const publish = usePublishModule(module.id);
  const status =
    module.status === 'draft' ? t('eLearning.admin.draft') : t('eLearning.admin.published');
  return (
    <div className="editor-page">
      <p>
        {t('eLearning.admin.versionLabel')} {module.version} · {status}
      </p>
      {module.status === 'published' ? (
        <p className="muted">{t('eLearning.editor.publishedNote')}</p>
      ) : null}
      <div role="status">
        {save.isSuccess ? (
          <p>{t('eLearning.editor.saved', { version: save.data.version, status })}</p>
        ) : null}
        {publish.isSuccess ? (
          <p>{t('eLearning.editor.publishedNow', { version: publish.data.version })}</p>
        ) : null}
      </div>
      {module.status === 'draft' ? (
        <div className="page-actions">
          <Button variant="primary" onPress={() => publish.mutate()} isDisabled={publish.isPending}>
            {t('eLearning.editor.publish')}
          </Button>
        </div>
      ) : null}
      <ImageUpload moduleId={module.id} />
      <ModuleForm
        key={`${module.version}`}
        initial={contentOf(module)}
        onSave={(content) => save.mutate(content)}
        saving={save.isPending}
        error={save.error ?? publish.error}
      />
    </div>
  );
}
