import { fiscalYearOf, tokyoDateOf } from '@kenshu/domain';
import type { Transaction } from 'kysely';
import { findCourseByCode } from '../repositories/courses.ts';
import {
  insertModule,
  insertModuleVersion,
  publishModuleVersion,
} from '../repositories/e-learning-modules.ts';
import { saveAssignmentRule, saveCourseWindow } from '../repositories/assignments.ts';
import type { DB, QuestionOption } from '../schema.ts';
import { DEMO_COURSES } from './programme.ts';

/** The regional office the demo marks as having no access to head-office group sessions. */
export const DEMO_NO_GROUP_SESSION_UNIT = 'MOF-KNT';

/** A section of demo content: a lead paragraph and points, in both languages. */
interface Lesson {
  title: [ja: string, en: string];
  lead: [ja: string, en: string];
  points: [ja: string, en: string][];
}

const LESSONS: Lesson[] = [
  {
    title: ['はじめに：情報管理7か条', 'Introduction: the seven rules of information management'],
    lead: [
      'この教材は集合研修と同じ内容です。7つの基本ルールを1つずつ確認し、最後に確認テストを受けてください。',
      'This module has the same content as the group session. Go through the seven basic rules one by one, then take the short quiz at the end.',
    ],
    points: [
      ['確認テストは7問、合格点は80%です。', 'The quiz has seven questions; the pass mark is 80%.'],
      [
        '途中でやめても、別の端末から続きを再開できます。',
        'You can stop at any time and resume later, on another device too.',
      ],
    ],
  },
  {
    title: [
      '第1条 許可なく情報を持ち出さない',
      'Rule 1: Never take information out without permission',
    ],
    lead: [
      '業務で扱う情報は、上司の許可なく庁舎の外へ持ち出してはいけません。',
      'Information you handle at work must not leave the office without your superior’s permission.',
    ],
    points: [
      [
        '紙の資料、電子ファイル、端末のいずれも対象です。',
        'This covers paper documents, electronic files and devices alike.',
      ],
      [
        '許可を得た場合も、紛失・盗難に備えて必要最小限にします。',
        'Even with permission, take only what you need, in case of loss or theft.',
      ],
    ],
  },
  {
    title: ['第2条 私物のUSBメモリを使わない', 'Rule 2: Never use private USB memory'],
    lead: [
      '私物のUSBメモリは、業務用の端末に接続してはいけません。',
      'Never connect private USB memory to a work computer.',
    ],
    points: [
      [
        'ウイルス感染や情報漏えいの原因になります。',
        'It can bring in viruses and let information leak out.',
      ],
      [
        '外部記録媒体が必要なときは、管理された業務用の媒体を使います。',
        'When you need external media, use the managed media your office provides.',
      ],
    ],
  },
  {
    title: [
      '第3条 不審なメールやファイルを開かない',
      'Rule 3: Do not open mail or files from unknown senders',
    ],
    lead: [
      '差出人に心当たりのないメールや添付ファイル、リンクは開かないでください。',
      'Do not open mail, attachments or links from senders you do not know.',
    ],
    points: [
      [
        '知人を装った標的型攻撃メールもあります。内容に違和感があれば確認します。',
        'Targeted attacks may pretend to come from someone you know: check when something seems odd.',
      ],
    ],
  },
  {
    title: ['第4条 ウイルスを検知したら報告する', 'Rule 4: Report any detected virus'],
    lead: [
      'ウイルスを検知したり、感染が疑われたりしたら、すぐに報告してください。',
      'If a virus is detected, or you suspect an infection, report it at once.',
    ],
    points: [
      [
        '端末をネットワークから切り離し、課室の情報セキュリティ責任者に連絡します。',
        'Disconnect the computer from the network and tell your section’s security officer.',
      ],
      [
        '自分で駆除しようとしたり、報告を遅らせたりしないでください。',
        'Do not try to clean it yourself, and do not delay the report.',
      ],
    ],
  },
  {
    title: ['第5条 メール送信前に再確認する', 'Rule 5: Re-check before sending mail'],
    lead: [
      'メールを送る前に、宛先と添付ファイルをもう一度確認してください。',
      'Before you send mail, check the recipients and the attachments once more.',
    ],
    points: [
      [
        '誤送信は最も多い情報漏えいの原因の一つです。',
        'Mail sent to the wrong person is one of the most common leaks.',
      ],
      ['多数の外部宛先にはBCCを使います。', 'Use BCC when writing to many outside addresses.'],
    ],
  },
  {
    title: [
      '第6条 フォルダに適切なアクセス制限を設定する',
      'Rule 6: Set proper access limits on folders',
    ],
    lead: [
      '共有フォルダには、業務上必要な人だけが見られるようにアクセス制限を設定してください。',
      'Set access limits on shared folders so that only the people who need them can see them.',
    ],
    points: [
      [
        '異動や退職のときは、アクセス権も見直します。',
        'Review access rights when people move or leave.',
      ],
    ],
  },
  {
    title: ['第7条 パスワードを他人に教えない', 'Rule 7: Never show or tell anyone your password'],
    lead: [
      'パスワードは、同僚や上司を含め、誰にも教えたり見せたりしてはいけません。',
      'Never tell or show your password to anyone, colleagues and superiors included.',
    ],
    points: [
      [
        'メモを端末に貼らない、電話やメールで聞かれても答えないこと。',
        'Do not stick it on your screen, and never give it out over the phone or by mail.',
      ],
    ],
  },
];

interface Question {
  text: [ja: string, en: string];
  options: [ja: string, en: string][];
  correct: number[];
  explanation: [ja: string, en: string];
}

const QUESTIONS: Question[] = [
  {
    text: [
      '自宅で作業するため、業務資料を持ち帰りたい。どうしますか。',
      'You want to take work documents home to finish a task. What do you do?',
    ],
    options: [
      [
        '上司の許可を得て、必要最小限だけ持ち出す',
        'Get your superior’s permission and take only what you need',
      ],
      ['少量なら許可なく持ち出してよい', 'A few pages are fine without permission'],
      ['私物のUSBメモリにコピーする', 'Copy them to your own USB memory'],
    ],
    correct: [0],
    explanation: ['第1条：許可なく持ち出さない。', 'Rule 1: never without permission.'],
  },
  {
    text: [
      '私物のUSBメモリを業務用端末に接続してよいのはどんなときですか。',
      'When may you connect your private USB memory to a work computer?',
    ],
    options: [
      ['ウイルス対策ソフトが入っているとき', 'When antivirus software is installed'],
      ['どんなときも接続しない', 'Never'],
      ['急ぎの作業のとき', 'When the work is urgent'],
    ],
    correct: [1],
    explanation: ['第2条：私物のUSBメモリは使わない。', 'Rule 2: never use private USB memory.'],
  },
  {
    text: [
      '知らない差出人から「請求書」という添付ファイル付きのメールが届きました。',
      'A mail with an attachment called “invoice” arrives from a sender you do not know.',
    ],
    options: [
      ['添付ファイルを開いて内容を確かめる', 'Open the attachment to see what it is'],
      [
        '開かずに、必要なら情報セキュリティ責任者に相談する',
        'Leave it unopened and, if in doubt, ask your security officer',
      ],
      ['差出人に返信して確かめる', 'Reply to the sender to ask'],
    ],
    correct: [1],
    explanation: ['第3条：不審なメールやファイルを開かない。', 'Rule 3: do not open it.'],
  },
  {
    text: [
      '端末でウイルスが検知されました。正しい対応はどれですか。',
      'Your computer detects a virus. What is right?',
    ],
    options: [
      [
        'ネットワークから切り離し、すぐに報告する',
        'Disconnect it from the network and report at once',
      ],
      ['自分で駆除して、報告はしない', 'Clean it yourself and say nothing'],
      ['業務が終わってから報告する', 'Report it after work'],
    ],
    correct: [0],
    explanation: ['第4条：検知したら報告する。', 'Rule 4: report any detected virus.'],
  },
  {
    text: [
      'メール送信前に再確認すべきものをすべて選んでください。',
      'Choose everything to re-check before sending mail.',
    ],
    options: [
      ['宛先', 'The recipients'],
      ['添付ファイル', 'The attachments'],
      ['自分の署名のフォント', 'The font of your signature'],
    ],
    correct: [0, 1],
    explanation: ['第5条：宛先と添付ファイルを再確認する。', 'Rule 5: recipients and attachments.'],
  },
  {
    text: [
      '課の共有フォルダのアクセス制限として適切なのはどれですか。',
      'Which access setting suits your division’s shared folder?',
    ],
    options: [
      ['誰でも見られるようにする', 'Open to everyone'],
      ['業務上必要な人だけが見られるようにする', 'Only the people who need it'],
      ['パスワードを付箋で共有する', 'Share a password on a sticky note'],
    ],
    correct: [1],
    explanation: ['第6条：適切なアクセス制限を設定する。', 'Rule 6: proper access limits.'],
  },
  {
    text: [
      '上司から電話で「パスワードを教えて」と言われました。',
      'Your superior phones and asks for your password.',
    ],
    options: [
      ['上司なので教える', 'Tell them: they are your superior'],
      ['教えない', 'Do not tell them'],
      ['メールで送る', 'Send it by mail'],
    ],
    correct: [1],
    explanation: ['第7条：誰にも教えない。', 'Rule 7: never tell anyone.'],
  },
];

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Markdown as an author would write it, and the HTML the API's renderer makes of it. */
function body(lesson: Lesson, lang: 0 | 1): { markdown: string; html: string } {
  const points = lesson.points.map((p) => p[lang]);
  return {
    markdown: [lesson.lead[lang], '', ...points.map((p) => `- ${p}`)].join('\n'),
    html: `<p>${escapeHtml(lesson.lead[lang])}</p>\n<ul>\n${points
      .map((p) => `<li>${escapeHtml(p)}</li>`)
      .join('\n')}\n</ul>\n`,
  };
}

/**
 * Seeds the e-learning of the security course: a published module on the seven rules with a
 * seven-question quiz, the course's assignment rules and window, and a regional office that
 * has no group sessions.
 */
export async function seedDemoELearning(trx: Transaction<DB>, now: Date): Promise<void> {
  const course = await findCourseByCode(trx, DEMO_COURSES.security);
  if (!course) throw new Error(`demo course ${DEMO_COURSES.security} missing`);
  const module = await insertModule(trx, { course_id: course.id, created_by: null });
  const version = await insertModuleVersion(
    trx,
    { module_id: module.id, version: 1, created_by: null },
    {
      title_ja: '情報管理7か条',
      title_en: 'The seven rules of information management',
      video_url: null,
      pass_mark: 80,
      shuffle: true,
      attempt_limit: null,
      // Unlimited attempts, so the answers show only once a learner has passed.
      reveal_answers: true,
      completion_rule: 'both',
      sections: LESSONS.map((l) => {
        const ja = body(l, 0);
        const en = body(l, 1);
        return {
          title_ja: l.title[0],
          title_en: l.title[1],
          body_ja: ja.markdown,
          body_en: en.markdown,
          html_ja: ja.html,
          html_en: en.html,
        };
      }),
      questions: QUESTIONS.map((q) => ({
        kind: q.correct.length > 1 ? 'multiple' : 'single',
        text_ja: q.text[0],
        text_en: q.text[1],
        options: q.options.map(([ja, en]): QuestionOption => ({ ja, en })),
        correct: q.correct,
        explanation_ja: q.explanation[0],
        explanation_en: q.explanation[1],
      })),
    },
  );
  await publishModuleVersion(trx, version.id, null, now);

  for (const rule of ['absent', 'window_closed', 'no_group_access'] as const) {
    await saveAssignmentRule(trx, course.id, { rule, enabled: true, due_days: 30 }, now);
  }
  // The window closes on the day of the course's last group session this fiscal year.
  const fy = fiscalYearOf(now);
  const last = await trx
    .selectFrom('training_session')
    .select((eb) => eb.fn.max('starts_at').as('starts_at'))
    .where('course_id', '=', course.id)
    .where('fiscal_year', '=', fy)
    .executeTakeFirst();
  const closesOn = last?.starts_at ? tokyoDateOf(new Date(last.starts_at)) : `${fy + 1}-02-28`;
  await saveCourseWindow(trx, course.id, fy, closesOn);

  await trx
    .updateTable('org_unit')
    .set({ has_group_sessions: false })
    .where('code', '=', DEMO_NO_GROUP_SESSION_UNIT)
    .execute();
}
