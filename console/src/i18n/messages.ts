/**
 * Labels in Chinese (the default) and English. Each view defines its own with
 * defineMessages beside it; a key missing in one language is a type error, so neither
 * falls behind. These are the shell's and what every view shares.
 */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export type Messages<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

export function defineMessages<const Z extends Readonly<Record<string, string>>>(zh: Z, en: Readonly<Record<keyof Z, string>>): Messages<keyof Z & string> {
  return { "zh-CN": zh, en };
}

const zh = {
  "app.title": "ecofed 数据共享控制台",
  "signin.heading": "登录",
  "signin.token": "令牌 / Token",
  "signin.submit": "登录 / Sign in",
  "signin.certificate": "使用客户端证书登录",
  "signin.hint": "令牌由平台签发：npx ecofed token --unit <单位代码>。令牌只保存在本标签页中。",
  "signin.failed": "登录失败",
  "header.purpose": "用途",
  "header.signout": "退出",
  "header.language": "English",
  "header.unit": "单位",
  "header.roles": "角色",
  "nav.label": "主导航",
  "nav.catalog": "目录",
  "nav.explorer": "探索",
  "nav.applications": "申请",
  "nav.security": "访问日志",
  "nav.oversight": "考核",
  "nav.dashboard": "看板",
  "purpose.WORK_REFERENCE": "工作参考",
  "purpose.ADMINISTRATIVE_BASIS": "行政依据",
  "purpose.DATA_VERIFICATION": "数据核验",
  "purpose.BUSINESS_COLLABORATION": "业务协同",
  "common.loading": "加载中…",
  "common.error": "出错了",
  "common.retry": "重试",
  "common.none": "无",
  "common.requestId": "请求编号",
  "common.close": "关闭",
  "common.apply": "申请",
  "common.viewQuery": "查看查询",
  "common.hideQuery": "隐藏查询",
  "common.notFound": "没有这个页面",
  "denied.title": "未向您共享 — 申请",
  "denied.body": "以下字段未向您的单位共享：",
} as const;

export const COMMON = defineMessages(zh, {
  "app.title": "ecofed data-sharing console",
  "signin.heading": "Sign in",
  "signin.token": "令牌 / Token",
  "signin.submit": "登录 / Sign in",
  "signin.certificate": "Sign in with my client certificate",
  "signin.hint": "Tokens are issued by the platform: npx ecofed token --unit <unit code>. The token is kept in this tab only.",
  "signin.failed": "Sign-in failed",
  "header.purpose": "Purpose",
  "header.signout": "Sign out",
  "header.language": "中文",
  "header.unit": "Unit",
  "header.roles": "Roles",
  "nav.label": "Main navigation",
  "nav.catalog": "Catalog",
  "nav.explorer": "Explorer",
  "nav.applications": "Applications",
  "nav.security": "Access log",
  "nav.oversight": "Oversight",
  "nav.dashboard": "Dashboard",
  "purpose.WORK_REFERENCE": "Work reference",
  "purpose.ADMINISTRATIVE_BASIS": "Administrative basis",
  "purpose.DATA_VERIFICATION": "Data verification",
  "purpose.BUSINESS_COLLABORATION": "Business collaboration",
  "common.loading": "Loading…",
  "common.error": "Something went wrong",
  "common.retry": "Retry",
  "common.none": "None",
  "common.requestId": "Request id",
  "common.close": "Close",
  "common.apply": "Apply",
  "common.viewQuery": "View query",
  "common.hideQuery": "Hide query",
  "common.notFound": "No such page",
  "denied.title": "Not shared with you — apply",
  "denied.body": "These fields are not shared with your unit:",
});

export type CommonKey = keyof typeof zh;
