/**
 * 国民经济行业分类 GB/T 4754-2017 (Industrial classification for national economic activities).
 *
 * Four levels: 门类 section (letter A–T), 大类 division (2 digits), 中类 group (3 digits),
 * 小类 class (4 digits). All 20 sections and all 97 divisions are here; groups and classes only
 * where the demo zone's chains need them (pet food and pet services, special equipment and pressure
 * vessels, furniture, copper, chemicals, paper, food). Add more as chains need them.
 *
 * Chinese names follow the 2017 edition and were checked against published copies of its table;
 * they have not been checked against the 2019 amendment (第1号修改单). English names (`nameEn`) are
 * our own translation: the standard has no official English text.
 */

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

export type IndustryEntry = {
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly level: IndustryLevel;
  /** Code of the enclosing level; null for a section. */
  readonly parent: string | null;
};

export const INDUSTRY_CODES = [
  // A 农、林、牧、渔业
  {
    code: 'A',
    name: '农、林、牧、渔业',
    nameEn: 'Agriculture, forestry, animal husbandry and fishery',
    level: 'section',
    parent: null,
  },
  { code: '01', name: '农业', nameEn: 'Agriculture', level: 'division', parent: 'A' },
  { code: '02', name: '林业', nameEn: 'Forestry', level: 'division', parent: 'A' },
  { code: '03', name: '畜牧业', nameEn: 'Animal husbandry', level: 'division', parent: 'A' },
  { code: '04', name: '渔业', nameEn: 'Fishery', level: 'division', parent: 'A' },
  {
    code: '05',
    name: '农、林、牧、渔专业及辅助性活动',
    nameEn: 'Support activities for agriculture, forestry, animal husbandry and fishery',
    level: 'division',
    parent: 'A',
  },

  // B 采矿业
  { code: 'B', name: '采矿业', nameEn: 'Mining', level: 'section', parent: null },
  {
    code: '06',
    name: '煤炭开采和洗选业',
    nameEn: 'Mining and washing of coal',
    level: 'division',
    parent: 'B',
  },
  {
    code: '07',
    name: '石油和天然气开采业',
    nameEn: 'Extraction of petroleum and natural gas',
    level: 'division',
    parent: 'B',
  },
  {
    code: '08',
    name: '黑色金属矿采选业',
    nameEn: 'Mining and processing of ferrous metal ores',
    level: 'division',
    parent: 'B',
  },
  {
    code: '09',
    name: '有色金属矿采选业',
    nameEn: 'Mining and processing of non-ferrous metal ores',
    level: 'division',
    parent: 'B',
  },
  {
    code: '10',
    name: '非金属矿采选业',
    nameEn: 'Mining and processing of non-metallic minerals',
    level: 'division',
    parent: 'B',
  },
  {
    code: '11',
    name: '开采专业及辅助性活动',
    nameEn: 'Support activities for mining',
    level: 'division',
    parent: 'B',
  },
  { code: '12', name: '其他采矿业', nameEn: 'Other mining', level: 'division', parent: 'B' },

  // C 制造业
  { code: 'C', name: '制造业', nameEn: 'Manufacturing', level: 'section', parent: null },
  {
    code: '13',
    name: '农副食品加工业',
    nameEn: 'Processing of food from agricultural products',
    level: 'division',
    parent: 'C',
  },
  { code: '132', name: '饲料加工', nameEn: 'Feed processing', level: 'group', parent: '13' },
  // 1321 is new in the 2017 edition, which split pet food out of 1320 饲料加工 (2011). Pet food
  // makers such as 乖宝宠物 are classed here, not in 14 食品制造业.
  { code: '1321', name: '宠物饲料加工', nameEn: 'Pet food processing', level: 'class', parent: '132' },
  { code: '1329', name: '其他饲料加工', nameEn: 'Other feed processing', level: 'class', parent: '132' },
  {
    code: '135',
    name: '屠宰及肉类加工',
    nameEn: 'Slaughtering and meat processing',
    level: 'group',
    parent: '13',
  },
  { code: '1351', name: '牲畜屠宰', nameEn: 'Slaughtering of livestock', level: 'class', parent: '135' },
  { code: '1352', name: '禽类屠宰', nameEn: 'Slaughtering of poultry', level: 'class', parent: '135' },
  {
    code: '1353',
    name: '肉制品及副产品加工',
    nameEn: 'Processing of meat products and by-products',
    level: 'class',
    parent: '135',
  },
  {
    code: '137',
    name: '蔬菜、菌类、水果和坚果加工',
    nameEn: 'Processing of vegetables, fungi, fruit and nuts',
    level: 'group',
    parent: '13',
  },
  { code: '1371', name: '蔬菜加工', nameEn: 'Processing of vegetables', level: 'class', parent: '137' },
  { code: '14', name: '食品制造业', nameEn: 'Manufacture of foods', level: 'division', parent: 'C' },
  {
    code: '143',
    name: '方便食品制造',
    nameEn: 'Manufacture of convenience foods',
    level: 'group',
    parent: '14',
  },
  {
    code: '1431',
    name: '米、面制品制造',
    nameEn: 'Manufacture of rice and flour products',
    level: 'class',
    parent: '143',
  },
  { code: '149', name: '其他食品制造', nameEn: 'Manufacture of other foods', level: 'group', parent: '14' },
  {
    code: '1499',
    name: '其他未列明食品制造',
    nameEn: 'Manufacture of other foods not elsewhere classified',
    level: 'class',
    parent: '149',
  },
  {
    code: '15',
    name: '酒、饮料和精制茶制造业',
    nameEn: 'Manufacture of liquor, beverages and refined tea',
    level: 'division',
    parent: 'C',
  },
  {
    code: '16',
    name: '烟草制品业',
    nameEn: 'Manufacture of tobacco products',
    level: 'division',
    parent: 'C',
  },
  { code: '17', name: '纺织业', nameEn: 'Manufacture of textiles', level: 'division', parent: 'C' },
  {
    code: '18',
    name: '纺织服装、服饰业',
    nameEn: 'Manufacture of textile apparel and accessories',
    level: 'division',
    parent: 'C',
  },
  {
    code: '19',
    name: '皮革、毛皮、羽毛及其制品和制鞋业',
    nameEn: 'Manufacture of leather, fur, feather and related products and footwear',
    level: 'division',
    parent: 'C',
  },
  {
    code: '20',
    name: '木材加工和木、竹、藤、棕、草制品业',
    nameEn: 'Processing of timber and manufacture of wood, bamboo, rattan, palm and straw products',
    level: 'division',
    parent: 'C',
  },
  { code: '21', name: '家具制造业', nameEn: 'Manufacture of furniture', level: 'division', parent: 'C' },
  {
    code: '211',
    name: '木质家具制造',
    nameEn: 'Manufacture of wooden furniture',
    level: 'group',
    parent: '21',
  },
  {
    code: '2110',
    name: '木质家具制造',
    nameEn: 'Manufacture of wooden furniture',
    level: 'class',
    parent: '211',
  },
  {
    code: '213',
    name: '金属家具制造',
    nameEn: 'Manufacture of metal furniture',
    level: 'group',
    parent: '21',
  },
  {
    code: '2130',
    name: '金属家具制造',
    nameEn: 'Manufacture of metal furniture',
    level: 'class',
    parent: '213',
  },
  {
    code: '219',
    name: '其他家具制造',
    nameEn: 'Manufacture of other furniture',
    level: 'group',
    parent: '21',
  },
  {
    code: '2190',
    name: '其他家具制造',
    nameEn: 'Manufacture of other furniture',
    level: 'class',
    parent: '219',
  },
  {
    code: '22',
    name: '造纸和纸制品业',
    nameEn: 'Manufacture of paper and paper products',
    level: 'division',
    parent: 'C',
  },
  { code: '222', name: '造纸', nameEn: 'Manufacture of paper', level: 'group', parent: '22' },
  {
    code: '2221',
    name: '机制纸及纸板制造',
    nameEn: 'Manufacture of machine-made paper and paperboard',
    level: 'class',
    parent: '222',
  },
  {
    code: '23',
    name: '印刷和记录媒介复制业',
    nameEn: 'Printing and reproduction of recording media',
    level: 'division',
    parent: 'C',
  },
  {
    code: '24',
    name: '文教、工美、体育和娱乐用品制造业',
    nameEn: 'Manufacture of articles for culture, education, arts and crafts, sport and entertainment',
    level: 'division',
    parent: 'C',
  },
  {
    code: '25',
    name: '石油、煤炭及其他燃料加工业',
    nameEn: 'Processing of petroleum, coal and other fuels',
    level: 'division',
    parent: 'C',
  },
  {
    code: '26',
    name: '化学原料和化学制品制造业',
    nameEn: 'Manufacture of raw chemical materials and chemical products',
    level: 'division',
    parent: 'C',
  },
  {
    code: '261',
    name: '基础化学原料制造',
    nameEn: 'Manufacture of basic chemical raw materials',
    level: 'group',
    parent: '26',
  },
  {
    code: '2614',
    name: '有机化学原料制造',
    nameEn: 'Manufacture of organic chemical raw materials',
    level: 'class',
    parent: '261',
  },
  {
    code: '265',
    name: '合成材料制造',
    nameEn: 'Manufacture of synthetic materials',
    level: 'group',
    parent: '26',
  },
  {
    code: '2651',
    name: '初级形态塑料及合成树脂制造',
    nameEn: 'Manufacture of primary plastics and synthetic resins',
    level: 'class',
    parent: '265',
  },
  {
    code: '266',
    name: '专用化学产品制造',
    nameEn: 'Manufacture of specialty chemical products',
    level: 'group',
    parent: '26',
  },
  // Rubber chemicals (e.g. 华泰化工's accelerators and antioxidants) are 助剂, classed here.
  {
    code: '2661',
    name: '化学试剂和助剂制造',
    nameEn: 'Manufacture of chemical reagents and auxiliaries',
    level: 'class',
    parent: '266',
  },
  { code: '27', name: '医药制造业', nameEn: 'Manufacture of medicines', level: 'division', parent: 'C' },
  {
    code: '28',
    name: '化学纤维制造业',
    nameEn: 'Manufacture of chemical fibres',
    level: 'division',
    parent: 'C',
  },
  {
    code: '29',
    name: '橡胶和塑料制品业',
    nameEn: 'Manufacture of rubber and plastic products',
    level: 'division',
    parent: 'C',
  },
  {
    code: '30',
    name: '非金属矿物制品业',
    nameEn: 'Manufacture of non-metallic mineral products',
    level: 'division',
    parent: 'C',
  },
  {
    code: '31',
    name: '黑色金属冶炼和压延加工业',
    nameEn: 'Smelting and pressing of ferrous metals',
    level: 'division',
    parent: 'C',
  },
  {
    code: '32',
    name: '有色金属冶炼和压延加工业',
    nameEn: 'Smelting and pressing of non-ferrous metals',
    level: 'division',
    parent: 'C',
  },
  {
    code: '321',
    name: '常用有色金属冶炼',
    nameEn: 'Smelting of common non-ferrous metals',
    level: 'group',
    parent: '32',
  },
  { code: '3211', name: '铜冶炼', nameEn: 'Copper smelting', level: 'class', parent: '321' },
  {
    code: '325',
    name: '有色金属压延加工',
    nameEn: 'Rolling and pressing of non-ferrous metals',
    level: 'group',
    parent: '32',
  },
  {
    code: '3251',
    name: '铜压延加工',
    nameEn: 'Copper rolling and processing',
    level: 'class',
    parent: '325',
  },
  {
    code: '33',
    name: '金属制品业',
    nameEn: 'Manufacture of fabricated metal products',
    level: 'division',
    parent: 'C',
  },
  {
    code: '333',
    name: '集装箱及金属包装容器制造',
    nameEn: 'Manufacture of containers and metal packaging',
    level: 'group',
    parent: '33',
  },
  // Pressure vessels sit in 33 金属制品业, not in 34/35 equipment: 3332 is the class for 瀚洋重工's
  // precision pressure vessels; 3463 (气体、液体分离及纯净设备) is a different thing.
  {
    code: '3332',
    name: '金属压力容器制造',
    nameEn: 'Manufacture of metal pressure vessels',
    level: 'class',
    parent: '333',
  },
  {
    code: '34',
    name: '通用设备制造业',
    nameEn: 'Manufacture of general-purpose machinery',
    level: 'division',
    parent: 'C',
  },
  {
    code: '35',
    name: '专用设备制造业',
    nameEn: 'Manufacture of special-purpose machinery',
    level: 'division',
    parent: 'C',
  },
  {
    code: '351',
    name: '采矿、冶金、建筑专用设备制造',
    nameEn: 'Manufacture of special equipment for mining, metallurgy and construction',
    level: 'group',
    parent: '35',
  },
  {
    code: '3511',
    name: '矿山机械制造',
    nameEn: 'Manufacture of mining machinery',
    level: 'class',
    parent: '351',
  },
  {
    code: '352',
    name: '化工、木材、非金属加工专用设备制造',
    nameEn: 'Manufacture of special equipment for chemical, wood and non-metal processing',
    level: 'group',
    parent: '35',
  },
  // Ethylene plant sets (乙烯装置成套设备) are refining/chemical production equipment.
  {
    code: '3521',
    name: '炼油、化工生产专用设备制造',
    nameEn: 'Manufacture of special equipment for oil refining and chemical production',
    level: 'class',
    parent: '352',
  },
  { code: '36', name: '汽车制造业', nameEn: 'Manufacture of automobiles', level: 'division', parent: 'C' },
  {
    code: '37',
    name: '铁路、船舶、航空航天和其他运输设备制造业',
    nameEn: 'Manufacture of railway, ship, aerospace and other transport equipment',
    level: 'division',
    parent: 'C',
  },
  {
    code: '38',
    name: '电气机械和器材制造业',
    nameEn: 'Manufacture of electrical machinery and equipment',
    level: 'division',
    parent: 'C',
  },
  {
    code: '39',
    name: '计算机、通信和其他电子设备制造业',
    nameEn: 'Manufacture of computers, communication and other electronic equipment',
    level: 'division',
    parent: 'C',
  },
  {
    code: '40',
    name: '仪器仪表制造业',
    nameEn: 'Manufacture of measuring instruments',
    level: 'division',
    parent: 'C',
  },
  { code: '41', name: '其他制造业', nameEn: 'Other manufacturing', level: 'division', parent: 'C' },
  {
    code: '42',
    name: '废弃资源综合利用业',
    nameEn: 'Utilisation of waste resources',
    level: 'division',
    parent: 'C',
  },
  {
    code: '43',
    name: '金属制品、机械和设备修理业',
    nameEn: 'Repair of metal products, machinery and equipment',
    level: 'division',
    parent: 'C',
  },

  // D 电力、热力、燃气及水生产和供应业
  {
    code: 'D',
    name: '电力、热力、燃气及水生产和供应业',
    nameEn: 'Production and supply of electricity, heat, gas and water',
    level: 'section',
    parent: null,
  },
  {
    code: '44',
    name: '电力、热力生产和供应业',
    nameEn: 'Production and supply of electricity and heat',
    level: 'division',
    parent: 'D',
  },
  {
    code: '45',
    name: '燃气生产和供应业',
    nameEn: 'Production and supply of gas',
    level: 'division',
    parent: 'D',
  },
  {
    code: '46',
    name: '水的生产和供应业',
    nameEn: 'Production and supply of water',
    level: 'division',
    parent: 'D',
  },

  // E 建筑业
  { code: 'E', name: '建筑业', nameEn: 'Construction', level: 'section', parent: null },
  { code: '47', name: '房屋建筑业', nameEn: 'Building construction', level: 'division', parent: 'E' },
  { code: '48', name: '土木工程建筑业', nameEn: 'Civil engineering', level: 'division', parent: 'E' },
  { code: '49', name: '建筑安装业', nameEn: 'Construction installation', level: 'division', parent: 'E' },
  {
    code: '50',
    name: '建筑装饰、装修和其他建筑业',
    nameEn: 'Building decoration, renovation and other construction',
    level: 'division',
    parent: 'E',
  },

  // F 批发和零售业
  { code: 'F', name: '批发和零售业', nameEn: 'Wholesale and retail trade', level: 'section', parent: null },
  { code: '51', name: '批发业', nameEn: 'Wholesale trade', level: 'division', parent: 'F' },
  { code: '52', name: '零售业', nameEn: 'Retail trade', level: 'division', parent: 'F' },

  // G 交通运输、仓储和邮政业
  {
    code: 'G',
    name: '交通运输、仓储和邮政业',
    nameEn: 'Transport, storage and postal services',
    level: 'section',
    parent: null,
  },
  { code: '53', name: '铁路运输业', nameEn: 'Rail transport', level: 'division', parent: 'G' },
  { code: '54', name: '道路运输业', nameEn: 'Road transport', level: 'division', parent: 'G' },
  { code: '55', name: '水上运输业', nameEn: 'Water transport', level: 'division', parent: 'G' },
  { code: '56', name: '航空运输业', nameEn: 'Air transport', level: 'division', parent: 'G' },
  { code: '57', name: '管道运输业', nameEn: 'Pipeline transport', level: 'division', parent: 'G' },
  {
    code: '58',
    name: '多式联运和运输代理业',
    nameEn: 'Multimodal transport and transport agencies',
    level: 'division',
    parent: 'G',
  },
  {
    code: '59',
    name: '装卸搬运和仓储业',
    nameEn: 'Loading, handling and warehousing',
    level: 'division',
    parent: 'G',
  },
  { code: '60', name: '邮政业', nameEn: 'Postal services', level: 'division', parent: 'G' },

  // H 住宿和餐饮业
  { code: 'H', name: '住宿和餐饮业', nameEn: 'Accommodation and catering', level: 'section', parent: null },
  { code: '61', name: '住宿业', nameEn: 'Accommodation', level: 'division', parent: 'H' },
  { code: '62', name: '餐饮业', nameEn: 'Catering', level: 'division', parent: 'H' },

  // I 信息传输、软件和信息技术服务业
  {
    code: 'I',
    name: '信息传输、软件和信息技术服务业',
    nameEn: 'Information transmission, software and information technology services',
    level: 'section',
    parent: null,
  },
  {
    code: '63',
    name: '电信、广播电视和卫星传输服务',
    nameEn: 'Telecommunications, broadcasting and satellite transmission services',
    level: 'division',
    parent: 'I',
  },
  {
    code: '64',
    name: '互联网和相关服务',
    nameEn: 'Internet and related services',
    level: 'division',
    parent: 'I',
  },
  {
    code: '65',
    name: '软件和信息技术服务业',
    nameEn: 'Software and information technology services',
    level: 'division',
    parent: 'I',
  },

  // J 金融业
  { code: 'J', name: '金融业', nameEn: 'Finance', level: 'section', parent: null },
  {
    code: '66',
    name: '货币金融服务',
    nameEn: 'Monetary and financial services',
    level: 'division',
    parent: 'J',
  },
  { code: '67', name: '资本市场服务', nameEn: 'Capital market services', level: 'division', parent: 'J' },
  { code: '68', name: '保险业', nameEn: 'Insurance', level: 'division', parent: 'J' },
  { code: '69', name: '其他金融业', nameEn: 'Other financial activities', level: 'division', parent: 'J' },

  // K 房地产业
  { code: 'K', name: '房地产业', nameEn: 'Real estate', level: 'section', parent: null },
  { code: '70', name: '房地产业', nameEn: 'Real estate', level: 'division', parent: 'K' },

  // L 租赁和商务服务业
  {
    code: 'L',
    name: '租赁和商务服务业',
    nameEn: 'Leasing and business services',
    level: 'section',
    parent: null,
  },
  { code: '71', name: '租赁业', nameEn: 'Leasing', level: 'division', parent: 'L' },
  { code: '72', name: '商务服务业', nameEn: 'Business services', level: 'division', parent: 'L' },

  // M 科学研究和技术服务业
  {
    code: 'M',
    name: '科学研究和技术服务业',
    nameEn: 'Scientific research and technical services',
    level: 'section',
    parent: null,
  },
  {
    code: '73',
    name: '研究和试验发展',
    nameEn: 'Research and experimental development',
    level: 'division',
    parent: 'M',
  },
  {
    code: '74',
    name: '专业技术服务业',
    nameEn: 'Professional technical services',
    level: 'division',
    parent: 'M',
  },
  {
    code: '75',
    name: '科技推广和应用服务业',
    nameEn: 'Technology promotion and application services',
    level: 'division',
    parent: 'M',
  },

  // N 水利、环境和公共设施管理业
  {
    code: 'N',
    name: '水利、环境和公共设施管理业',
    nameEn: 'Water conservancy, environment and public facilities management',
    level: 'section',
    parent: null,
  },
  { code: '76', name: '水利管理业', nameEn: 'Water conservancy management', level: 'division', parent: 'N' },
  {
    code: '77',
    name: '生态保护和环境治理业',
    nameEn: 'Ecological protection and environmental remediation',
    level: 'division',
    parent: 'N',
  },
  {
    code: '78',
    name: '公共设施管理业',
    nameEn: 'Public facilities management',
    level: 'division',
    parent: 'N',
  },
  { code: '79', name: '土地管理业', nameEn: 'Land management', level: 'division', parent: 'N' },

  // O 居民服务、修理和其他服务业
  {
    code: 'O',
    name: '居民服务、修理和其他服务业',
    nameEn: 'Resident services, repair and other services',
    level: 'section',
    parent: null,
  },
  { code: '80', name: '居民服务业', nameEn: 'Resident services', level: 'division', parent: 'O' },
  {
    code: '81',
    name: '机动车、电子产品和日用产品修理业',
    nameEn: 'Repair of motor vehicles, electronic and household products',
    level: 'division',
    parent: 'O',
  },
  { code: '82', name: '其他服务业', nameEn: 'Other services', level: 'division', parent: 'O' },
  // 822 宠物服务 is new in the 2017 edition: the pet chain's breeding, medical care, grooming and
  // boarding links. Training has no class of its own and falls in 8229.
  { code: '822', name: '宠物服务', nameEn: 'Pet services', level: 'group', parent: '82' },
  { code: '8221', name: '宠物饲养', nameEn: 'Pet breeding', level: 'class', parent: '822' },
  { code: '8222', name: '宠物医院服务', nameEn: 'Pet hospital services', level: 'class', parent: '822' },
  { code: '8223', name: '宠物美容服务', nameEn: 'Pet grooming services', level: 'class', parent: '822' },
  {
    code: '8224',
    name: '宠物寄托收养服务',
    nameEn: 'Pet boarding and adoption services',
    level: 'class',
    parent: '822',
  },
  { code: '8229', name: '其他宠物服务', nameEn: 'Other pet services', level: 'class', parent: '822' },

  // P 教育
  { code: 'P', name: '教育', nameEn: 'Education', level: 'section', parent: null },
  { code: '83', name: '教育', nameEn: 'Education', level: 'division', parent: 'P' },

  // Q 卫生和社会工作
  { code: 'Q', name: '卫生和社会工作', nameEn: 'Health and social work', level: 'section', parent: null },
  { code: '84', name: '卫生', nameEn: 'Health', level: 'division', parent: 'Q' },
  { code: '85', name: '社会工作', nameEn: 'Social work', level: 'division', parent: 'Q' },

  // R 文化、体育和娱乐业
  {
    code: 'R',
    name: '文化、体育和娱乐业',
    nameEn: 'Culture, sports and entertainment',
    level: 'section',
    parent: null,
  },
  { code: '86', name: '新闻和出版业', nameEn: 'News and publishing', level: 'division', parent: 'R' },
  // The 2011 name was 广播、电视、电影和影视录音制作业; 2017 shortened it. Some published tables
  // still carry the old name.
  {
    code: '87',
    name: '广播、电视、电影和录音制作业',
    nameEn: 'Radio, television, film and sound recording',
    level: 'division',
    parent: 'R',
  },
  { code: '88', name: '文化艺术业', nameEn: 'Culture and arts', level: 'division', parent: 'R' },
  { code: '89', name: '体育', nameEn: 'Sports', level: 'division', parent: 'R' },
  { code: '90', name: '娱乐业', nameEn: 'Entertainment', level: 'division', parent: 'R' },

  // S 公共管理、社会保障和社会组织
  {
    code: 'S',
    name: '公共管理、社会保障和社会组织',
    nameEn: 'Public administration, social security and social organisations',
    level: 'section',
    parent: null,
  },
  {
    code: '91',
    name: '中国共产党机关',
    nameEn: 'Organs of the Communist Party of China',
    level: 'division',
    parent: 'S',
  },
  { code: '92', name: '国家机构', nameEn: 'State organs', level: 'division', parent: 'S' },
  {
    code: '93',
    name: '人民政协、民主党派',
    nameEn: 'CPPCC and democratic parties',
    level: 'division',
    parent: 'S',
  },
  { code: '94', name: '社会保障', nameEn: 'Social security', level: 'division', parent: 'S' },
  {
    code: '95',
    name: '群众团体、社会团体和其他成员组织',
    nameEn: 'Mass organisations, social groups and other membership organisations',
    level: 'division',
    parent: 'S',
  },
  {
    code: '96',
    name: '基层群众自治组织及其他组织',
    nameEn: 'Grassroots self-governing organisations and other organisations',
    level: 'division',
    parent: 'S',
  },

  // T 国际组织
  { code: 'T', name: '国际组织', nameEn: 'International organisations', level: 'section', parent: null },
  { code: '97', name: '国际组织', nameEn: 'International organisations', level: 'division', parent: 'T' },
] as const satisfies readonly IndustryEntry[];

/** Every code in the table, as a literal type (for zod enums and typed lookups). */
export type IndustryCode = (typeof INDUSTRY_CODES)[number]['code'];

const BY_CODE: ReadonlyMap<string, IndustryEntry> = new Map(INDUSTRY_CODES.map((e) => [e.code, e]));

/**
 * Accepts what people write: "1321", "C1321" (section letter + code, as many registries print
 * it), "c", " 35 ". Returns the bare code, or the input trimmed and upper-cased if it has no such form.
 */
export function normaliseIndustryCode(input: string): string {
  const s = input.trim().toUpperCase();
  const m = /^([A-T])(\d{2,4})$/.exec(s);
  return m ? m[2]! : s;
}

/** The entry for a code (see normaliseIndustryCode for accepted forms), or undefined if not listed. */
export function findIndustry(code: string): IndustryEntry | undefined {
  return BY_CODE.get(normaliseIndustryCode(code));
}

/**
 * The chain of entries from the section down to `code`, e.g. 1321 → [C 制造业, 13 农副食品加工业,
 * 132 饲料加工, 1321 宠物饲料加工]. Empty if the code is not listed.
 */
export function industryPath(code: string): IndustryEntry[] {
  const path: IndustryEntry[] = [];
  let entry = findIndustry(code);
  while (entry) {
    path.unshift(entry);
    entry = entry.parent === null ? undefined : BY_CODE.get(entry.parent);
  }
  return path;
}
