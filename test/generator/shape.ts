/**
 * The fixed skeleton of a finance ministry, modelled on the source report's organisation: head
 * office bureaus and institutes, customs houses, local finance bureaus, and the tax agency with
 * its regional taxation bureaus. Tax offices, local finance offices, divisions and sections are
 * added by the generator in numbers that follow the requested size.
 */

/** A name in both languages. */
export type Bilingual = readonly [ja: string, en: string];

/** A unit of the skeleton: its code suffix, its names, and how many divisions it tends to have. */
export interface OfficeSpec {
  code: string;
  name: Bilingual;
  /** Relative share of the division/section budget. */
  divisionWeight: number;
}

export const MINISTRY: Bilingual = ['財務省', 'Ministry of Finance'];

export const HEAD_OFFICE_BUREAUS: readonly OfficeSpec[] = [
  { code: 'HQ-SEC', name: ['大臣官房', "Minister's Secretariat"], divisionWeight: 24 },
  { code: 'HQ-BUD', name: ['主計局', 'Budget Bureau'], divisionWeight: 14 },
  { code: 'HQ-TAX', name: ['主税局', 'Tax Bureau'], divisionWeight: 14 },
  { code: 'HQ-CUS', name: ['関税局', 'Customs and Tariff Bureau'], divisionWeight: 14 },
  { code: 'HQ-FIN', name: ['理財局', 'Financial Bureau'], divisionWeight: 14 },
  { code: 'HQ-INT', name: ['国際局', 'International Bureau'], divisionWeight: 14 },
];

/** The Secretariat's first division runs the training programme; the admins sit there. */
export const COORDINATING_OFFICE: Bilingual = ['業務企画室', 'Operations Planning Office'];

/** Institutes (施設等機関); the two training institutes are where trainers mostly sit. */
export const INSTITUTES: readonly (OfficeSpec & { trains: boolean })[] = [
  {
    code: 'INS-PRI',
    name: ['財務総合政策研究所', 'Policy Research Institute'],
    divisionWeight: 4,
    trains: false,
  },
  {
    code: 'INS-TRI',
    name: ['財務研修所', 'Finance Training Institute'],
    divisionWeight: 4,
    trains: true,
  },
  {
    code: 'INS-CTI',
    name: ['税関研修所', 'Customs Training Institute'],
    divisionWeight: 4,
    trains: true,
  },
  {
    code: 'INS-ACC',
    name: ['会計センター', 'Accounting Center'],
    divisionWeight: 4,
    trains: false,
  },
];

export const CUSTOMS_HOUSES: readonly OfficeSpec[] = (
  [
    ['HKD', '函館税関', 'Hakodate Customs'],
    ['TKY', '東京税関', 'Tokyo Customs'],
    ['YKH', '横浜税関', 'Yokohama Customs'],
    ['NGY', '名古屋税関', 'Nagoya Customs'],
    ['OSK', '大阪税関', 'Osaka Customs'],
    ['KOB', '神戸税関', 'Kobe Customs'],
    ['MOJ', '門司税関', 'Moji Customs'],
    ['NGS', '長崎税関', 'Nagasaki Customs'],
    ['OKN', '沖縄地区税関', 'Okinawa Regional Customs'],
  ] as const
).map(([code, ja, en]) => ({ code: `CUS-${code}`, name: [ja, en], divisionWeight: 18 }));

/** A regional office with the places its local offices (財務事務所, 税務署) are named after. */
export interface RegionalSpec extends OfficeSpec {
  places: readonly Bilingual[];
  /** Relative number of local offices under it (for tax bureaus: the real tax-office counts). */
  localOffices: number;
}

export const LOCAL_FINANCE_BUREAUS: readonly RegionalSpec[] = [
  region(
    'LFB-HKD',
    '北海道財務局',
    'Hokkaido Local Finance Bureau',
    4,
    '旭川 Asahikawa, 帯広 Obihiro, 釧路 Kushiro, 函館 Hakodate, 小樽 Otaru, 北見 Kitami',
  ),
  region(
    'LFB-THK',
    '東北財務局',
    'Tohoku Local Finance Bureau',
    5,
    '青森 Aomori, 盛岡 Morioka, 秋田 Akita, 山形 Yamagata, 福島 Fukushima',
  ),
  region(
    'LFB-KNT',
    '関東財務局',
    'Kanto Local Finance Bureau',
    8,
    '横浜 Yokohama, 千葉 Chiba, 水戸 Mito, 宇都宮 Utsunomiya, 前橋 Maebashi, 甲府 Kofu, 長野 Nagano, 新潟 Niigata',
  ),
  region('LFB-HKR', '北陸財務局', 'Hokuriku Local Finance Bureau', 2, '富山 Toyama, 福井 Fukui'),
  region(
    'LFB-TKI',
    '東海財務局',
    'Tokai Local Finance Bureau',
    4,
    '静岡 Shizuoka, 津 Tsu, 岐阜 Gifu',
  ),
  region(
    'LFB-KNK',
    '近畿財務局',
    'Kinki Local Finance Bureau',
    6,
    '神戸 Kobe, 京都 Kyoto, 奈良 Nara, 大津 Otsu, 和歌山 Wakayama',
  ),
  region(
    'LFB-CGK',
    '中国財務局',
    'Chugoku Local Finance Bureau',
    4,
    '鳥取 Tottori, 松江 Matsue, 岡山 Okayama, 山口 Yamaguchi',
  ),
  region(
    'LFB-SKK',
    '四国財務局',
    'Shikoku Local Finance Bureau',
    3,
    '徳島 Tokushima, 松山 Matsuyama, 高知 Kochi',
  ),
  region(
    'LFB-KYS',
    '九州財務局',
    'Kyushu Local Finance Bureau',
    4,
    '大分 Oita, 宮崎 Miyazaki, 鹿児島 Kagoshima',
  ),
  region(
    'LFB-FKO',
    '福岡財務支局',
    'Fukuoka Local Finance Branch Bureau',
    3,
    '佐賀 Saga, 長崎 Nagasaki',
  ),
];

export const TAX_AGENCY: OfficeSpec = {
  code: 'AGY-NTA',
  name: ['国税庁', 'National Tax Agency'],
  divisionWeight: 30,
};

/** Regional taxation bureaus; `localOffices` is the number of tax offices each really has. */
export const REGIONAL_TAXATION_BUREAUS: readonly RegionalSpec[] = [
  region(
    'RTB-SPR',
    '札幌国税局',
    'Sapporo Regional Taxation Bureau',
    30,
    '札幌 Sapporo, 旭川 Asahikawa, 函館 Hakodate, 小樽 Otaru, 釧路 Kushiro, 帯広 Obihiro, 室蘭 Muroran',
  ),
  region(
    'RTB-SND',
    '仙台国税局',
    'Sendai Regional Taxation Bureau',
    52,
    '仙台 Sendai, 青森 Aomori, 盛岡 Morioka, 秋田 Akita, 山形 Yamagata, 福島 Fukushima, 郡山 Koriyama, 八戸 Hachinohe',
  ),
  region(
    'RTB-KSE',
    '関東信越国税局',
    'Kanto-Shinetsu Regional Taxation Bureau',
    63,
    'さいたま Saitama, 川越 Kawagoe, 水戸 Mito, 宇都宮 Utsunomiya, 前橋 Maebashi, 高崎 Takasaki, 長野 Nagano, 新潟 Niigata',
  ),
  region(
    'RTB-TKY',
    '東京国税局',
    'Tokyo Regional Taxation Bureau',
    84,
    '麹町 Kojimachi, 神田 Kanda, 日本橋 Nihonbashi, 京橋 Kyobashi, 芝 Shiba, 品川 Shinagawa, 渋谷 Shibuya, 新宿 Shinjuku, 横浜 Yokohama, 千葉 Chiba',
  ),
  region(
    'RTB-KNZ',
    '金沢国税局',
    'Kanazawa Regional Taxation Bureau',
    15,
    '金沢 Kanazawa, 富山 Toyama, 福井 Fukui, 高岡 Takaoka',
  ),
  region(
    'RTB-NGY',
    '名古屋国税局',
    'Nagoya Regional Taxation Bureau',
    48,
    '名古屋 Nagoya, 静岡 Shizuoka, 浜松 Hamamatsu, 岐阜 Gifu, 津 Tsu, 豊橋 Toyohashi, 岡崎 Okazaki',
  ),
  region(
    'RTB-OSK',
    '大阪国税局',
    'Osaka Regional Taxation Bureau',
    83,
    '大阪 Osaka, 堺 Sakai, 東大阪 Higashiosaka, 神戸 Kobe, 姫路 Himeji, 京都 Kyoto, 奈良 Nara, 大津 Otsu, 和歌山 Wakayama',
  ),
  region(
    'RTB-HRS',
    '広島国税局',
    'Hiroshima Regional Taxation Bureau',
    50,
    '広島 Hiroshima, 岡山 Okayama, 倉敷 Kurashiki, 福山 Fukuyama, 山口 Yamaguchi, 鳥取 Tottori, 松江 Matsue',
  ),
  region(
    'RTB-TKM',
    '高松国税局',
    'Takamatsu Regional Taxation Bureau',
    24,
    '高松 Takamatsu, 徳島 Tokushima, 松山 Matsuyama, 高知 Kochi',
  ),
  region(
    'RTB-FKO',
    '福岡国税局',
    'Fukuoka Regional Taxation Bureau',
    31,
    '福岡 Fukuoka, 博多 Hakata, 小倉 Kokura, 久留米 Kurume, 佐賀 Saga, 長崎 Nagasaki',
  ),
  region(
    'RTB-KMM',
    '熊本国税局',
    'Kumamoto Regional Taxation Bureau',
    38,
    '熊本 Kumamoto, 大分 Oita, 宮崎 Miyazaki, 鹿児島 Kagoshima, 都城 Miyakonojo',
  ),
  region(
    'RTB-OKN',
    '沖縄国税事務所',
    'Okinawa Regional Taxation Office',
    6,
    '那覇 Naha, 沖縄 Okinawa, 宮古島 Miyakojima, 石垣 Ishigaki',
  ),
];

/** Tax offices in a big city are split by direction: 札幌東税務署, 札幌西税務署, … */
export const DISTRICTS: readonly Bilingual[] = [
  ['', ''],
  ['東', ' East'],
  ['西', ' West'],
  ['南', ' South'],
  ['北', ' North'],
  ['中', ' Central'],
];

/**
 * Division names by the kind of office they sit in. When an office has more divisions than
 * names, the rest are numbered (第7課 / Division 7), as real ones often are.
 */
export const DIVISION_NAMES = {
  secretariat: [
    COORDINATING_OFFICE,
    ['文書課', 'Documents Division'],
    ['秘書課', 'Personnel Division'],
    ['会計課', 'Accounts Division'],
    ['地方課', 'Regional Affairs Division'],
    ['総合政策課', 'Policy Planning Division'],
    ['政策金融課', 'Policy Finance Division'],
    ['信用機構課', 'Credit System Division'],
  ],
  headOffice: [
    ['総務課', 'General Affairs Division'],
    ['企画調整課', 'Planning and Coordination Division'],
    ['調査課', 'Research Division'],
    ['管理課', 'Administration Division'],
    ['法規課', 'Legal Affairs Division'],
    ['国際調整課', 'International Coordination Division'],
  ],
  regional: [
    ['総務課', 'General Affairs Division'],
    ['人事課', 'Personnel Division'],
    ['会計課', 'Accounts Division'],
    ['情報システム課', 'Information Systems Division'],
    ['監査課', 'Audit Division'],
    ['企画調整課', 'Planning and Coordination Division'],
  ],
  taxOffice: [
    ['総務課', 'General Affairs Division'],
    ['管理運営部門', 'Management and Operations Department'],
    ['個人課税部門', 'Individual Taxation Department'],
    ['法人課税部門', 'Corporate Taxation Department'],
    ['資産課税部門', 'Property Taxation Department'],
    ['徴収部門', 'Collection Department'],
  ],
} as const satisfies Record<string, readonly Bilingual[]>;

export type DivisionFlavour = keyof typeof DIVISION_NAMES;

export const SECTION_NAMES: readonly Bilingual[] = [
  ['庶務係', 'General Affairs Section'],
  ['企画係', 'Planning Section'],
  ['情報管理室', 'Information Management Office'],
  ['審査係', 'Examination Section'],
  ['調査係', 'Investigation Section'],
];

function region(
  code: string,
  ja: string,
  en: string,
  localOffices: number,
  places: string,
): RegionalSpec {
  return {
    code,
    name: [ja, en],
    divisionWeight: 15,
    localOffices,
    places: places.split(', ').map((p) => {
      const [placeJa = '', placeEn = ''] = p.split(' ');
      return [placeJa, placeEn] as const;
    }),
  };
}
