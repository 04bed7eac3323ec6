// DEMO DATA — invented content, not real projects. The sample network of the demo workspace:
// proposals between real member cities (all seven fields, all five regions, 2019–2026, every
// stage of the workflow) and conversations in the field channels. Seeded by demo-network.ts.
import type { ProposalStatus } from '@uccn/db';

export interface DemoProposal {
  title: string;
  summary: string;
  lead: string;
  /** Partners that accepted the invitation. */
  partners: string[];
  /** Partners still invited (drafts and proposals waiting for a decision only). */
  invited?: string[];
  /** When the lead city started the draft (ISO date). */
  created: string;
  status: ProposalStatus;
  sdgs: number[];
  budget?: number;
  /** The Secretariat's note (decisions and returns) or the public summary (supported and later). */
  note?: string;
}

const S = (text: string) => `Demo content. ${text}`;

export const DEMO_PROPOSALS: readonly DemoProposal[] = [
  {
    title: '[Demo] Shared archive of brass band repertoires',
    summary: S('Bologna, Kingston and Brazzaville digitise band scores and teach them in schools.'),
    lead: 'bologna',
    partners: ['kingston', 'brazzaville'],
    created: '2019-02-11',
    status: 'completed',
    sdgs: [4, 11],
    budget: 48000,
    note: 'Three regions share 400 digitised scores and a school programme.',
  },
  {
    title: '[Demo] Translation residencies for young writers',
    summary: S('Writers from Durban and Melbourne spend two months in Edinburgh, and back.'),
    lead: 'edinburgh',
    partners: ['durban', 'melbourne'],
    created: '2019-05-20',
    status: 'completed',
    sdgs: [4, 10],
    budget: 60000,
    note: 'Six residencies, two anthologies, translations in three languages.',
  },
  {
    title: '[Demo] Heritage seed banks for traditional kitchens',
    summary: S('Cooks and farmers of Popayán, Chengdu and Zahlé keep and swap heritage seeds.'),
    lead: 'popayan',
    partners: ['chengdu', 'zahle'],
    created: '2019-10-03',
    status: 'completed',
    sdgs: [2, 15],
    budget: 35000,
    note: 'Heritage crops kept by three gastronomy cities on three continents.',
  },
  {
    title: '[Demo] Paper and lacquer masters exchange',
    summary: S('Kanazawa, Fabriano and Tunis send craft masters to each other for a season.'),
    lead: 'kanazawa',
    partners: ['fabriano', 'tunis'],
    created: '2020-01-14',
    status: 'not_supported',
    sdgs: [8],
    budget: 120000,
    note: 'Travel is not possible this year; please propose an online format next cycle.',
  },
  {
    title: '[Demo] Animation labs in public libraries',
    summary: S(
      'Dakar, Linz and Guadalajara open animation labs for teenagers, with Kanazawa crafts.',
    ),
    lead: 'dakar',
    partners: ['linz', 'guadalajara', 'kanazawa'],
    created: '2020-09-07',
    status: 'in_progress',
    sdgs: [4, 9],
    budget: 75000,
    note: 'Labs open in three cities; a crafts city brings stop-motion puppetry.',
  },
  {
    title: '[Demo] Open street furniture for shaded public space',
    summary: S(
      'Designers of Montréal, Cape Town and Puebla publish open plans for benches and shade.',
    ),
    lead: 'montreal',
    partners: ['cape-town', 'puebla'],
    created: '2021-02-22',
    status: 'completed',
    sdgs: [11, 13],
    budget: 52000,
    note: 'Open plans built in three cities, reused by a dozen more.',
  },
  {
    title: '[Demo] Co-production fund for first features',
    summary: S('Busan, Ouarzazate and Galway co-fund three first feature films shot in each city.'),
    lead: 'busan',
    partners: ['ouarzazate', 'galway'],
    created: '2021-06-15',
    status: 'supported',
    sdgs: [8, 17],
    budget: 150000,
    note: 'Three first features, crews mixed between the three cities.',
  },
  {
    title: '[Demo] Natural dyes workshop network',
    summary: S('Sharjah, Porto-Novo and Chiang Mai teach natural dyeing to young artisans.'),
    lead: 'sharjah',
    partners: ['porto-novo', 'chiang-mai'],
    created: '2021-11-02',
    status: 'in_progress',
    sdgs: [8, 12],
    budget: 40000,
    note: 'Workshops running in Sharjah and Porto-Novo; Chiang Mai from spring.',
  },
  {
    title: '[Demo] Rumba and reggae: a shared music school',
    summary: S('Kinshasa, Bogotá and Essaouira run a joint summer school on music heritage.'),
    lead: 'kinshasa',
    partners: ['bogota', 'essaouira'],
    created: '2022-01-25',
    status: 'completed',
    sdgs: [4, 11],
    budget: 66000,
    note: 'Two summer schools, 180 pupils, a joint concert streamed in three regions.',
  },
  {
    title: '[Demo] Poetry in the metro',
    summary: S('Beirut, Dublin and Montevideo print poems of each other in public transport.'),
    lead: 'beirut',
    partners: ['dublin', 'montevideo'],
    created: '2022-04-12',
    status: 'returned',
    sdgs: [4, 16],
    budget: 18000,
    note: 'Please detail the rights for the poems and the role of each city.',
  },
  {
    title: '[Demo] Ocean to table: sustainable seafood cooking',
    summary: S('Hermanus, Bergen and Ensenada teach cooks to use local, sustainable catch.'),
    lead: 'overstrand-hermanus',
    partners: ['bergen', 'ensenada'],
    created: '2022-09-19',
    status: 'supported',
    sdgs: [12, 14],
    budget: 45000,
    note: 'Three coastal gastronomy cities on three continents, for life below water.',
  },
  {
    title: '[Demo] Design for cooler neighbourhoods',
    summary: S('Dubai, Bandung and Bilbao test low-cost cooling designs with residents.'),
    lead: 'dubai',
    partners: ['bandung', 'bilbao', 'popayan'],
    created: '2023-01-30',
    status: 'in_progress',
    sdgs: [11, 13],
    budget: 90000,
    note: 'Prototypes in three climates; a gastronomy city adds shaded markets.',
  },
  {
    title: '[Demo] Documentary school on the move',
    summary: S('Bradford, Mumbai and Santos run a travelling documentary school.'),
    lead: 'bradford',
    partners: ['mumbai', 'santos'],
    created: '2023-03-08',
    status: 'not_supported',
    sdgs: [4],
    budget: 210000,
    note: 'The budget is beyond the call; a smaller first edition would be welcome.',
  },
  {
    title: '[Demo] Light art festival exchange',
    summary: S('Gwangju, Casablanca and Braga show each other’s media artists at their festivals.'),
    lead: 'gwangju',
    partners: ['casablanca', 'braga'],
    created: '2023-05-16',
    status: 'completed',
    sdgs: [8, 11],
    budget: 70000,
    note: 'Nine artists shown in three festivals; the exchange continues.',
  },
  {
    title: '[Demo] Songs of the sea ports',
    summary: S('Havana, Adelaide and Ramallah record and publish songs of their communities.'),
    lead: 'havana',
    partners: ['adelaide', 'ramallah'],
    created: '2024-01-17',
    status: 'under_review',
    sdgs: [11, 16],
    budget: 38000,
  },
  {
    title: '[Demo] Weaving cooperatives online shop',
    summary: S('Ayacucho, Ouagadougou and Bukhara sell the work of weaving cooperatives together.'),
    lead: 'ayacucho',
    partners: ['ouagadougou', 'bukhara'],
    created: '2024-02-26',
    status: 'supported',
    sdgs: [5, 8],
    budget: 30000,
    note: 'Women-led cooperatives of three regions reach buyers directly.',
  },
  {
    title: '[Demo] Libraries of translated children’s books',
    summary: S('Lahore, Baghdad and Nanjing translate picture books for each other’s libraries.'),
    lead: 'lahore',
    partners: ['baghdad', 'nanjing', 'bologna'],
    created: '2024-04-09',
    status: 'in_progress',
    sdgs: [4],
    budget: 26000,
    note: 'Sixty picture books translated; a music city sets some to song.',
  },
  {
    title: '[Demo] Street food safety and heritage',
    summary: S(
      'Gaziantep, Buraidah and Arequipa train street vendors in safety and heritage dishes.',
    ),
    lead: 'gaziantep',
    partners: ['buraidah', 'arequipa'],
    created: '2024-09-23',
    status: 'returned',
    sdgs: [3, 8],
    budget: 42000,
    note: 'Please add how vendors themselves were consulted.',
  },
  {
    title: '[Demo] Design week for circular materials',
    summary: S('Puebla, Doha and Berlin show furniture made of reclaimed materials.'),
    lead: 'puebla',
    partners: ['doha', 'berlin'],
    invited: ['cape-town'],
    created: '2025-01-20',
    status: 'submitted',
    sdgs: [12],
    budget: 55000,
  },
  {
    title: '[Demo] Film crews training for young women',
    summary: S('Asaba, Wellington and Cannes train young women as camera and sound crews.'),
    lead: 'asaba',
    partners: ['wellington', 'cannes'],
    created: '2025-03-03',
    status: 'under_review',
    sdgs: [5, 8],
    budget: 80000,
  },
  {
    title: '[Demo] Interactive murals with sound',
    summary: S('Cali, Sapporo and Enghien-les-Bains make murals that play sound, with Dakar.'),
    lead: 'santiago-de-cali',
    partners: ['sapporo', 'enghien-les-bains', 'dakar'],
    created: '2025-04-14',
    status: 'supported',
    sdgs: [11],
    budget: 36000,
    note: 'Media arts cities of four regions turn walls into instruments.',
  },
  {
    title: '[Demo] Orchestras of the Gulf and the Atlantic',
    summary: S('Bologna, Abu Dhabi and Praia bring youth orchestras together.'),
    lead: 'bologna',
    partners: ['abu-dhabi', 'praia'],
    invited: ['montreal'],
    created: '2025-10-06',
    status: 'draft',
    sdgs: [4, 17],
  },
  {
    title: '[Demo] Basketry for climate adaptation',
    summary: S('Nakuru, Jacmel and Sharjah use woven fibres for shade and water storage.'),
    lead: 'nakuru',
    partners: ['jacmel', 'sharjah'],
    created: '2026-01-12',
    status: 'draft',
    sdgs: [13],
  },
  {
    title: '[Demo] Digital storytelling with griots',
    summary: S('Dakar, Buffalo City and Rio de Janeiro record oral storytellers in new media.'),
    lead: 'dakar',
    partners: ['buffalo-city', 'rio-de-janeiro'],
    created: '2026-02-02',
    status: 'submitted',
    sdgs: [4, 11],
    budget: 28000,
  },
  {
    title: '[Demo] Tea and spice routes cookbook',
    summary: S('Chengdu, Popayán and Bohicon write a cookbook of tea and spice traditions.'),
    lead: 'chengdu',
    partners: ['popayan', 'bohicon'],
    created: '2026-03-09',
    status: 'under_review',
    sdgs: [2, 12],
    budget: 22000,
  },
];

export interface DemoTopic {
  /** Field channel slug. */
  channel: string;
  title: string;
  /** When the topic was opened (ISO date); replies follow a day apart. */
  created: string;
  /** Demo account slugs (`secretariat` or a city), author first; each with its message. */
  messages: [author: string, body: string][];
}

export const DEMO_TOPICS: readonly DemoTopic[] = [
  {
    channel: 'music',
    title: '[Demo] Streaming concerts across time zones',
    created: '2025-06-02',
    messages: [
      ['bologna', 'We stream on Fridays at 20:00 CET. Who would join a shared schedule?'],
      ['montreal', 'Montréal can take the slot after yours, so the evening moves west.'],
      ['kingston', 'Kingston is in. We can close the night with a sound system session.'],
    ],
  },
  {
    channel: 'gastronomy',
    title: '[Demo] Looking for partners on heritage seeds',
    created: '2025-09-15',
    messages: [
      ['popayan', 'Our seed bank keeps 40 varieties of maize. Any city working on the same?'],
      ['chengdu', 'Chengdu keeps Sichuan pepper varieties; happy to exchange methods.'],
      ['secretariat', 'A good fit for the next call: cite SDG 2 and SDG 15 in the proposal.'],
    ],
  },
  {
    channel: 'crafts-and-folk-art',
    title: '[Demo] Natural dyes: what works in humid climates?',
    created: '2026-01-20',
    messages: [
      ['sharjah', 'Our indigo fades quickly in summer. What do other cities fix it with?'],
      ['kanazawa', 'We use a persimmon tannin after-bath. Happy to share the recipe.'],
    ],
  },
  {
    channel: 'media-arts',
    title: '[Demo] Open-source tools for teaching animation',
    created: '2026-03-04',
    messages: [
      ['dakar', 'Our labs run on free software only. Which tools do your schools use?'],
      ['linz', 'Blender and Krita, and a stop-motion app on old phones.'],
      ['guadalajara', 'Same here, and Pencil2D for the youngest.'],
    ],
  },
  {
    channel: 'design',
    title: '[Demo] Shade structures that residents build',
    created: '2026-05-11',
    messages: [
      ['montreal', 'We published our bench and shade plans under an open licence.'],
      ['puebla', 'We built two in a market square; residents asked for more.'],
    ],
  },
];
