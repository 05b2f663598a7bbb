import type {Text} from '../plan';

/**
 * Catalogue part: see src/i18n/index.ts. Texts of the plan document: the template's labels and
 * actions, and every message of the validator, migration, import and storage checks.
 */
export const planMessages = {
  // --- The template (the article's direct-sales plan) ---
  'template.name': {zh: '直销绩效与奖金方案', en: 'Direct-sales performance and bonus plan'},
  'template.source.orders': {zh: '订单', en: 'Orders'},
  'template.source.customers': {zh: '客户', en: 'Customers'},
  'template.source.reviews': {zh: '客户评价', en: 'Customer reviews'},
  'template.source.evaluations': {zh: '经理评分', en: 'Manager evaluations'},
  'template.source.teamwork': {zh: '团队协作', en: 'Teamwork'},
  'template.metric.sales': {zh: '销售额', en: 'Sales amount'},
  'template.metric.received': {zh: '到账金额', en: 'Amount received'},
  'template.metric.units': {zh: '销售数量', en: 'Units sold'},
  'template.metric.newCustomers': {zh: '新客户数', en: 'New customers'},
  'template.metric.satisfaction': {zh: '客户满意度', en: 'Customer satisfaction'},
  'template.metric.complaintRate': {zh: '投诉率', en: 'Complaint rate'},
  'template.metric.positiveRate': {zh: '好评率', en: 'Positive review rate'},
  'template.metric.retention': {zh: '客户留存率', en: 'Customer retention'},
  'template.metric.referrals': {zh: '转介绍客户', en: 'Customer referrals'},
  'template.metric.sharedInfo': {zh: '信息分享次数', en: 'Information shared'},
  'template.metric.salesSkill': {zh: '销售技巧', en: 'Sales skill'},
  'template.metric.serviceQuality': {zh: '服务质量', en: 'Service quality'},
  'template.improve.sales': {
    zh: '与主管一起复盘销售漏斗，制定每周拜访计划',
    en: 'Review the sales funnel with your manager and set a weekly visit plan',
  },
  'template.improve.received': {
    zh: '跟进未到账订单，参加回款流程培训',
    en: 'Follow up unpaid orders and take the payment-collection training',
  },
  'template.improve.units': {zh: '学习产品组合与连带销售技巧', en: 'Learn product bundling and cross-selling'},
  'template.improve.newCustomers': {
    zh: '参加客户开发培训，每周增加新客户拜访',
    en: 'Take the prospecting training and add new-customer visits each week',
  },
  'template.improve.satisfaction': {zh: '参加沟通技巧培训', en: 'Take the communication-skills training'},
  'template.improve.complaintRate': {
    zh: '复盘每一起投诉，参加客户服务规范培训',
    en: 'Review every complaint and take the customer-service standards training',
  },
  'template.improve.positiveRate': {
    zh: '售后主动回访，邀请满意的客户留下评价',
    en: 'Call customers after the sale and invite satisfied ones to leave a review',
  },
  'template.improve.retention': {
    zh: '建立老客户定期回访计划',
    en: 'Set up regular follow-up visits to existing customers',
  },
  'template.improve.referrals': {
    zh: '学习请老客户转介绍的方法',
    en: 'Learn how to ask satisfied customers for referrals',
  },
  'template.improve.sharedInfo': {
    zh: '在团队例会上分享客户线索与经验',
    en: 'Share leads and lessons at the team meeting',
  },
  'template.improve.salesSkill': {
    zh: '参加销售技巧培训，由资深同事带教',
    en: 'Take the sales-skills training with a senior colleague as mentor',
  },
  'template.improve.serviceQuality': {
    zh: '参加服务礼仪与产品知识培训',
    en: 'Take the service etiquette and product-knowledge training',
  },
  'template.bonus.sales': {zh: '销售提成', en: 'Sales commission'},
  'template.honour.salesChampion': {zh: '销售冠军', en: 'Sales champion'},
  'template.honour.bestNewcomer': {zh: '最佳新人', en: 'Best newcomer'},
  'template.honour.serviceStar': {zh: '服务之星', en: 'Service star'},
} satisfies Record<string, Text>;
