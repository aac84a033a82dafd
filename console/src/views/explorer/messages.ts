import { defineMessages } from "../../i18n/messages.js";

export const EXPLORER_MESSAGES = defineMessages(
  {
    title: "探索",
    intro: "在联邦模式上编写并运行 GraphQL 操作。令牌和用途取自当前会话（在顶栏更改用途，下次运行即按新用途判定）。",
    editorLabel: "GraphQL 编辑器",
    "explain.title": "共享判定",
    "explain.intro": "当前操作中每个字段按“{purpose}”用途的判定，不实际执行。",
    "explain.empty": "编辑器中没有操作。",
    "explain.loading": "正在判定…",
    "explain.refresh": "重新判定",
    "explain.summary": "允许 {allowed} · 脱敏 {masked} · 拒绝 {denied}",
    "explain.errors": "无法判定该操作",
    "explain.caption": "各字段的共享判定",
    "col.reason": "原因",
    "col.owner": "提供单位",
    "col.class": "共享类型",
    "col.apply": "申请",
    "apply.where": "向 {provider} 申请：",
    "apply.row": "申请 {coordinate}",
    "apply.provider": "申请 {provider} 的全部被拒字段（{count} 个）",
    "apply.none": "无法申请",
    "class.none": "未分类",
    "cost.title": "操作开销",
    "cost.depth": "深度",
    "cost.cost": "估算开销",
    "cost.of": "{actual} / 上限 {max}",
    "cost.over": "超出限制：{name}（{actual} / {max}）",
    "run.title": "最近一次运行",
    "run.none": "尚未运行。使用编辑器中的运行按钮（Ctrl-Enter）。",
    "run.status": "HTTP {status}",
    "run.denied": "{count} 处字段被拒绝（SHARE_DENIED）",
    "run.errors": "{count} 个错误",
    "run.ok": "无错误",
    "reason.OWN_DATA": "本单位数据",
    "reason.SHARED": "无条件共享",
    "reason.GRANTED": "已获授权",
    "reason.OUT_OF_SCOPE": "不在共享范围内",
    "reason.PURPOSE_NOT_ALLOWED": "该用途不允许（第十七条）",
    "reason.PURPOSE_REQUIRED": "未声明用途",
    "reason.APPROVAL_REQUIRED": "需经审批",
    "reason.NOT_SHARED": "不予共享",
    "reason.UNCLASSIFIED": "未分类",
    "reason.SUSPENDED": "本单位已被暂停共享",
    "reason.NOT_SERVED": "联邦不再提供",
  },
  {
    title: "Explorer",
    intro: "Write and run GraphQL operations on the federated schema. The token and purpose are your session's (change the purpose in the top bar; the next run is decided for it).",
    editorLabel: "GraphQL editor",
    "explain.title": "Sharing decisions",
    "explain.intro": "How each field of the current operation is decided for the purpose “{purpose}”, without running it.",
    "explain.empty": "There is no operation in the editor.",
    "explain.loading": "Deciding…",
    "explain.refresh": "Explain again",
    "explain.summary": "Allowed {allowed} · masked {masked} · denied {denied}",
    "explain.errors": "The operation cannot be explained",
    "explain.caption": "Each field's sharing decision",
    "col.reason": "Reason",
    "col.owner": "Owner",
    "col.class": "Share class",
    "col.apply": "Apply",
    "apply.where": "Apply to {provider}:",
    "apply.row": "Apply for {coordinate}",
    "apply.provider": "Apply for all denied fields of {provider} ({count})",
    "apply.none": "Cannot be applied for",
    "class.none": "Unclassified",
    "cost.title": "Operation cost",
    "cost.depth": "Depth",
    "cost.cost": "Estimated cost",
    "cost.of": "{actual} / limit {max}",
    "cost.over": "Over a limit: {name} ({actual} / {max})",
    "run.title": "Last run",
    "run.none": "Not run yet. Use the editor's run button (Ctrl-Enter).",
    "run.status": "HTTP {status}",
    "run.denied": "{count} field occurrences denied (SHARE_DENIED)",
    "run.errors": "{count} errors",
    "run.ok": "No errors",
    "reason.OWN_DATA": "Your unit's own data",
    "reason.SHARED": "Shared unconditionally",
    "reason.GRANTED": "Granted by an approved application",
    "reason.OUT_OF_SCOPE": "Your unit is outside the sharing scope",
    "reason.PURPOSE_NOT_ALLOWED": "Not shared for this purpose (Art. 17)",
    "reason.PURPOSE_REQUIRED": "No purpose declared",
    "reason.APPROVAL_REQUIRED": "Needs an approved application",
    "reason.NOT_SHARED": "Not shared",
    "reason.UNCLASSIFIED": "Unclassified",
    "reason.SUSPENDED": "Your unit is suspended from sharing",
    "reason.NOT_SERVED": "No longer served by the federation",
  },
);

export type ExplorerKey = keyof (typeof EXPLORER_MESSAGES)["en"];

/** The first operation a visitor sees: it reads an UNCONDITIONAL, a CONDITIONAL and a MASKED field, so explain shows all three decisions. */
export const DEFAULT_OPERATION = `# 企业及其处罚、现场检查 / Enterprises with their penalties and inspections
query EnterprisesWithEnforcement {
  enterprises(first: 3) {
    totalCount
    nodes {
      creditCode
      name
      legalRepresentative
      penalties {
        decisionNumber
        decidedOn
        amountYuan
      }
      inspections {
        date
        kind
        result
      }
    }
  }
}
`;
