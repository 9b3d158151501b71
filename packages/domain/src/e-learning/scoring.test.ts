import { describe, expect, it } from 'vitest';
import { scoreQuiz, unansweredQuestions, validateAnswers, type ScoredQuestion } from './scoring.ts';

const quiz: ScoredQuestion[] = [
  { id: 1, kind: 'single', optionCount: 3, correct: [1] },
  { id: 2, kind: 'multiple', optionCount: 4, correct: [0, 2] },
  { id: 3, kind: 'single', optionCount: 2, correct: [0] },
];

describe('scoring a quiz', () => {
  it('gives full marks for exactly the correct options, in any order', () => {
    const result = scoreQuiz(
      quiz,
      [
        { questionId: 1, optionIds: [1] },
        { questionId: 2, optionIds: [2, 0] },
        { questionId: 3, optionIds: [0] },
      ],
      80,
    );
    expect(result).toMatchObject({ score: 100, passed: true, correctCount: 3 });
  });

  it('gives no partial credit on multiple choice and counts unanswered questions wrong', () => {
    const result = scoreQuiz(quiz, [{ questionId: 2, optionIds: [0] }], 0);
    expect(result.correctCount).toBe(0);
    expect(result.score).toBe(0);
    expect(result.questions.map((q) => q.isCorrect)).toEqual([false, false, false]);
  });

  it('rounds the percentage down, so 2 of 3 does not reach a pass mark of 67', () => {
    const answers = [
      { questionId: 1, optionIds: [1] },
      { questionId: 3, optionIds: [0] },
    ];
    expect(scoreQuiz(quiz, answers, 67)).toMatchObject({ score: 66, passed: false });
    expect(scoreQuiz(quiz, answers, 66).passed).toBe(true);
  });

  it('passes 6 of 7 at 80% and fails 5 of 7', () => {
    const seven: ScoredQuestion[] = Array.from({ length: 7 }, (_, i) => ({
      id: i + 1,
      kind: 'single',
      optionCount: 2,
      correct: [0],
    }));
    const right = (n: number) =>
      seven.map((q, i) => ({ questionId: q.id, optionIds: [i < n ? 0 : 1] }));
    expect(scoreQuiz(seven, right(6), 80)).toMatchObject({ score: 85, passed: true });
    expect(scoreQuiz(seven, right(5), 80)).toMatchObject({ score: 71, passed: false });
  });
});

describe('checking answers', () => {
  it('refuses a question from another quiz', () => {
    expect(() => validateAnswers(quiz, [{ questionId: 99, optionIds: [0] }])).toThrow(
      /not part of this quiz/,
    );
  });

  it('refuses two options on a single-choice question, unknown options and repeats', () => {
    expect(() => validateAnswers(quiz, [{ questionId: 1, optionIds: [0, 1] }])).toThrow(
      /one answer/,
    );
    expect(() => validateAnswers(quiz, [{ questionId: 1, optionIds: [3] }])).toThrow(/no such/);
    expect(() =>
      validateAnswers(quiz, [
        { questionId: 1, optionIds: [0] },
        { questionId: 1, optionIds: [1] },
      ]),
    ).toThrow(/twice/);
  });
});

describe('unanswered questions', () => {
  it('lists questions without an answer or with no option chosen, in the quiz order', () => {
    expect(unansweredQuestions(quiz, [])).toEqual([1, 2, 3]);
    expect(
      unansweredQuestions(quiz, [
        { questionId: 3, optionIds: [0] },
        { questionId: 2, optionIds: [] },
      ]),
    ).toEqual([1, 2]);
    expect(
      unansweredQuestions(quiz, [
        { questionId: 1, optionIds: [1] },
        { questionId: 2, optionIds: [3] },
        { questionId: 3, optionIds: [1] },
      ]),
    ).toEqual([]);
  });
});
