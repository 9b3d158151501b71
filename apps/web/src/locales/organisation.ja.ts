/** Japanese words of the organisation page (the unit tree and each unit's settings); ja.ts includes them under `organisation`. */
export const organisationJa = {
  title: '組織と職員',
  intro: '組織を選ぶと、その組織と配下の組織の職員を表示します。人数は配下を含む在籍者数です。',
  treeLabel: '組織ツリー',
  treeHeading: '組織',
  empty: '組織が登録されていません。',
  allStaff: '全職員',
  kinds: {
    ministry: '本省',
    bureau: '局',
    agency: '外局',
    regional_office: '地方支分部局',
    division: '課',
    section: '室・係',
  },
  settings: {
    heading: '{{unit}}の設定',
    kind: '種別',
    code: 'コード',
    saved: '保存しました。',
    failed: '変更を保存できませんでした。',
    groupSessions: {
      heading: '集合研修',
      available: 'この組織の職員は集合研修を受講できます。',
      noneHere: 'この組織の職員は集合研修を受講できません（eラーニングで受講します）。',
      noneAbove:
        '上位の{{unit}}が集合研修を受講できない設定のため、この組織の職員も集合研修を受講できません。',
      checkbox: 'この組織の職員は集合研修を受講できない（eラーニングで受講する）',
      note: '配下の組織もこの設定に従います。「集合研修を受講できない組織」の割り当てルールが有効な研修は、これらの職員にeラーニングを割り当てます。職員名簿の no_group_sessions 列でも同じ設定ができます。',
      save: '集合研修の設定を保存',
    },
    heads: {
      heading: 'この組織を所管する課室情報セキュリティ責任者',
      note: '課室情報セキュリティ責任者は、人事上の所属組織を所管します。係に所属していても課全体を所管する責任者はここで追加してください。チーム画面、リマインド、エスカレーションがこの組織を対象にします。',
      none: 'この組織を所管する課室情報セキュリティ責任者はいません。',
      ownUnit: 'この組織を所管（人事上の所属組織）',
      setHere: 'この組織を所管（管理者が設定。人事上の所属は{{unit}}）',
      elsewhere: '{{unit}}を所管（管理者が設定）',
      clear: '所属組織に戻す',
      clearNamed: '{{name}}：所属組織に戻す',
      pickerLabel: 'この組織を所管する責任者を追加',
      notHead:
        'この職員は課室情報セキュリティ責任者ではありません。先に役割を付与してください（職員名簿またはアカウント管理）。',
      changed: '{{name}}さんの所管組織を{{unit}}にしました。',
    },
  },
};
